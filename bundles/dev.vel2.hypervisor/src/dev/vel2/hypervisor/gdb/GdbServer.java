// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionListener;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * A GDB remote stub on a {@link Session}: it listens on a TCP port and serves one debugger at a time (gdb-multiarch,
 * CDT's GDB Hardware Debugging, VS Code's cpptools), each vCPU a thread. It is a front end of the session as the IDE
 * is: it reaches the machine only through the session API, so that a stop or resume by either is seen by the other.
 * <p>
 * A second debugger is refused with one line of text. A connection that drops resumes nothing: the guest stays as it
 * is (stopped, if it was) and the next debugger attaches to it; what the dropped one installed is taken out. When the
 * guest's run ends, a waiting debugger gets the exit packet and its connection closes; so does {@link #close()}.
 */
public final class GdbServer implements AutoCloseable {
    /** Trap events kept for {@code monitor traps}. */
    static final int HISTORY = 1000;

    private final Session session;
    private final ServerSocket listener;
    private final Consumer<String> messages;
    private final TargetDescription target;
    private final ArrayDeque<TrapEvent> history = new ArrayDeque<>();
    private final Thread acceptor;
    private volatile GdbConnection connection;
    private volatile boolean closed;

    private GdbServer(Session session, ServerSocket listener, Consumer<String> messages) {
        this.session = session;
        this.listener = listener;
        this.messages = messages;
        this.target = TargetDescription.of(session.inspection().sysRegs());
        session.addListener(new Events());
        acceptor = new Thread(this::accept, "vel2 gdb stub " + address());
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code address} (port 0: any free port, see {@link #address()}) for a debugger of {@code session},
     * which must have been started ({@link Session#start()}). {@code messages} hears one line per connection, refusal
     * and end, without a prefix (on the stub's threads).
     */
    public static GdbServer start(Session session, InetSocketAddress address, Consumer<String> messages)
            throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.bind(address, 1);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on " + text(address) + ": " + e.getMessage(), e);
        }
        GdbServer server = new GdbServer(session, s, messages);
        server.acceptor.start();
        return server;
    }

    /**
     * The address of {@code [HOST:]PORT} ({@code vel2 run --gdb}): the loopback address without a host, any other only
     * when given ({@code 0.0.0.0:1234}, {@code [::1]:1234}).
     *
     * @throws IllegalArgumentException for text that is no such address
     */
    public static InetSocketAddress address(String spec) {
        int colon = spec.lastIndexOf(':');
        String host = colon < 0 ? null : spec.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 0xffff || host != null && host.isEmpty()) {
            throw new IllegalArgumentException("--gdb takes [HOST:]PORT, not " + spec);
        }
        if (host == null) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("--gdb: unknown host " + host);
        }
        return a;
    }

    /** Where it listens, with the port it got. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** {@code 127.0.0.1:1234}. */
    static String text(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Stops listening and closes the debugger's connection; the session goes on as it is. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
        GdbConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    messages.accept("stopped listening: " + e.getMessage());
                }
                return;
            }
            String peer = text((InetSocketAddress) s.getRemoteSocketAddress());
            if (connection != null) {
                refuse(s, peer);
                continue;
            }
            GdbConnection c;
            try {
                s.setTcpNoDelay(true);
                c = new GdbConnection(this, session, s, target);
            } catch (IOException e) {
                messages.accept("connection from " + peer + " failed: " + e.getMessage());
                closeQuietly(s);
                continue;
            }
            connection = c;
            messages.accept("debugger attached from " + peer);
            Thread t = new Thread(() -> serve(c, peer), "vel2 gdb connection " + peer);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Serves {@code c} to its end; the next debugger may attach before the line about it is told. */
    private void serve(GdbConnection c, String peer) {
        String end = "connection failed";
        try {
            end = c.serve();
        } finally {
            connection = null;
            messages.accept(end + " (" + peer + ")");
        }
    }

    /** Tells the user, then the refused debugger (which may look at the user's messages as soon as it reads). */
    private void refuse(Socket s, String peer) {
        messages.accept("refused a second debugger from " + peer);
        String line = "vel2: a debugger is already attached to this guest (one at a time); refused " + peer + "\n";
        try (OutputStream out = s.getOutputStream()) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // it went away first
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }

    /** The last {@code n} handled traps (not the held events of a trap breakpoint), oldest first. */
    List<TrapEvent> traps(int n) {
        synchronized (history) {
            List<TrapEvent> all = new ArrayList<>(history);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    /** The session's events, on the machine thread: trap history, stops and the end for the debugger. */
    private final class Events implements SessionListener {
        @Override
        public void trap(TrapEvent e) {
            if (e.held()) {
                return;
            }
            synchronized (history) {
                if (history.size() == HISTORY) {
                    history.removeFirst();
                }
                history.addLast(e);
            }
        }

        @Override
        public void suspended(StopInfo stop) {
            GdbConnection c = connection;
            if (c != null) {
                c.stopped(stop);
            }
        }

        @Override
        public void terminated(ExitReason exit) {
            GdbConnection c = connection;
            if (c != null) {
                c.stopped(session.lastStop()); // the exit: the session sets it before it tells
                c.close();
            }
        }
    }
}
