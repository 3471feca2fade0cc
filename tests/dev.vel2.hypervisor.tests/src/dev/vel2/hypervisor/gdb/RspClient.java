// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Remote Serial Protocol client at the packet level, as a test drives a stub: it frames and checksums what it
 * sends, takes the stub's acks apart from its packets, keeps {@code O} console packets aside, and can send what a
 * well-behaved GDB never would (bad checksums, raw bytes).
 */
final class RspClient implements AutoCloseable {
    private static final int TIMEOUT_MS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** The acknowledgements ({@code +}, {@code -}) the stub sent, in order. */
    final StringBuilder acks = new StringBuilder();
    /** The text of the {@code O} packets received, decoded. */
    final StringBuilder console = new StringBuilder();
    private boolean noAck;

    RspClient(InetSocketAddress stub) throws IOException {
        socket = new Socket();
        socket.connect(stub, TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** {@code $data#cs}. */
    static byte[] frame(String data) {
        int sum = 0;
        for (byte b : data.getBytes(StandardCharsets.ISO_8859_1)) {
            sum += b & 0xff;
        }
        return String.format("$%s#%02x", data, sum & 0xff).getBytes(StandardCharsets.ISO_8859_1);
    }

    void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void raw(String text) throws IOException {
        raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a packet; its reply is read with {@link #reply()}. */
    void send(String data) throws IOException {
        raw(frame(data));
    }

    /** Sends a packet and returns the stub's reply (after any {@code O} packets). */
    String ask(String data) throws IOException {
        send(data);
        return reply();
    }

    /** The stub stops acking after its OK to QStartNoAckMode; so does this client. */
    void noAck() throws IOException {
        if (!ask("QStartNoAckMode").equals("OK")) {
            throw new IOException("no-ack mode refused");
        }
        noAck = true;
    }

    /** The next packet that is no {@code O} console packet; acks it unless in no-ack mode. */
    String reply() throws IOException {
        while (true) {
            String p = packet();
            if (p.startsWith("O") && p.length() > 1 && p.length() % 2 == 1 && !p.equals("OK")) {
                console.append(new String(HexFormat.of().parseHex(p.substring(1)), StandardCharsets.UTF_8));
                continue;
            }
            return p;
        }
    }

    /** The next packet, or an IOException when the stub closed the connection or sent nothing in time. */
    String packet() throws IOException {
        int b;
        while ((b = in.read()) != '$') {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b == '+' || b == '-') {
                acks.append((char) b);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int sum = 0;
        while ((b = in.read()) != '#') {
            if (b < 0) {
                throw new IOException("connection closed in a packet");
            }
            body.write(b);
            sum += b;
        }
        int cs = Integer.parseInt(new String(new byte[] { (byte) in.read(), (byte) in.read() },
                StandardCharsets.ISO_8859_1), 16);
        if (cs != (sum & 0xff)) {
            throw new IOException("bad checksum from the stub: " + body);
        }
        if (!noAck) {
            raw("+");
        }
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whatever arrives within {@code ms} milliseconds, as text; empty when nothing does. */
    String drain(int ms) throws IOException {
        socket.setSoTimeout(ms);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            for (int c; (c = in.read()) >= 0;) {
                b.write(c);
            }
        } catch (SocketTimeoutException e) {
            // nothing more
        } finally {
            socket.setSoTimeout(TIMEOUT_MS);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** True when the stub closed the connection (the read ends), within the timeout. */
    boolean closedByStub() throws IOException {
        try {
            List<Integer> rest = new ArrayList<>();
            for (int c; (c = in.read()) >= 0;) {
                rest.add(c);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
