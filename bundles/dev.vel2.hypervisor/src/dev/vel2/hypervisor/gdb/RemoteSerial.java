// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing of GDB's Remote Serial Protocol on one connection (GDB manual, "Overview" of the remote protocol):
 * packets {@code $data#cs} with a modulo-256 checksum, acknowledged with {@code +} or refused with {@code -} (which
 * asks for the packet again) until no-ack mode, the interrupt byte 0x03 between packets, and the {@code }} escape of
 * binary data. Bytes outside a packet are ignored, as GDB ignores them; a packet with a bad checksum is refused and
 * not passed on. Packets are carried as ISO-8859-1 strings: one char per byte, so binary data survives.
 */
final class RemoteSerial {
    /** What {@link #read} returns. */
    sealed interface Incoming {
    }

    /** A well-formed packet, unescaped. */
    record Packet(String data) implements Incoming {
    }

    /** The interrupt byte (GDB's ^C). */
    record Interrupt() implements Incoming {
    }

    /** The other end closed the connection. */
    record Closed() implements Incoming {
    }

    private static final int ESCAPE = '}';
    private static final int INTERRUPT = 0x03;

    private final InputStream in;
    private final OutputStream out;
    private final int maxPacket;
    private boolean acks = true;
    /** The last packet sent, framed: what a {@code -} asks for again. */
    private byte[] last;
    private int refused;

    RemoteSerial(InputStream in, OutputStream out, int maxPacket) {
        this.in = in;
        this.out = out;
        this.maxPacket = maxPacket;
    }

    /** The next packet or interrupt; acknowledges a good packet and refuses a bad one while acks are on. */
    Incoming read() throws IOException {
        while (true) {
            int b = in.read();
            switch (b) {
                case -1:
                    return new Closed();
                case '-':
                    resend();
                    break;
                case INTERRUPT:
                    return new Interrupt();
                case '$':
                    Incoming p = packet();
                    if (p != null) {
                        return p;
                    }
                    break;
                default:
                    break; // '+' and noise between packets
            }
        }
    }

    /** The rest of a packet after its {@code $}: null when it is refused (bad checksum, too long, cut short). */
    private Incoming packet() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int sum = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return new Closed();
            }
            if (b == '#') {
                break;
            }
            if (b == '$') { // a new packet starts inside this one: this one was cut short
                body.reset();
                sum = 0;
                continue;
            }
            sum += b;
            body.write(b);
        }
        int high = Character.digit(in.read(), 16);
        int low = Character.digit(in.read(), 16);
        if (high < 0 || low < 0 || (high << 4 | low) != (sum & 0xff) || body.size() > maxPacket) {
            refused++;
            ack('-');
            return null;
        }
        ack('+');
        return new Packet(unescape(body.toByteArray()));
    }

    private void ack(int c) throws IOException {
        if (acks) {
            synchronized (this) {
                out.write(c);
                out.flush();
            }
        }
    }

    /** Packets refused so far (bad checksum, too long). */
    int refused() {
        return refused;
    }

    /** QStartNoAckMode: from now on neither side acknowledges packets. */
    void stopAcks() {
        acks = false;
    }

    /** Sends a packet of text, which must hold no {@code $ # } *}. */
    void send(String data) throws IOException {
        frame(data.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a packet of {@code prefix} and binary {@code data}, escaped. */
    void sendBinary(String prefix, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(prefix.getBytes(StandardCharsets.ISO_8859_1));
        for (byte d : data) {
            if (d == '$' || d == '#' || d == ESCAPE || d == '*') {
                b.write(ESCAPE);
                b.write(d ^ 0x20);
            } else {
                b.write(d);
            }
        }
        frame(b.toByteArray());
    }

    private synchronized void frame(byte[] body) throws IOException {
        int sum = 0;
        for (byte b : body) {
            sum += b & 0xff;
        }
        byte[] f = new byte[body.length + 4];
        f[0] = '$';
        System.arraycopy(body, 0, f, 1, body.length);
        f[body.length + 1] = '#';
        f[body.length + 2] = (byte) Character.forDigit((sum >> 4) & 0xf, 16);
        f[body.length + 3] = (byte) Character.forDigit(sum & 0xf, 16);
        last = f;
        out.write(f);
        out.flush();
    }

    private synchronized void resend() throws IOException {
        if (last != null && acks) {
            out.write(last);
            out.flush();
        }
    }

    private static String unescape(byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            b.write(body[i] == ESCAPE && i + 1 < body.length ? body[++i] ^ 0x20 : body[i]);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
