// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;

import dev.vel2.emulator.cpu.NotModelled;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionListener;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * The guest console: the UART's output as the process's output stream (UTF-8, passed on a line at a time, or
 * when the machine stops); the error stream has a line for each instruction the guest executed that vel2 lacks
 * ({@code vel2: vCPU 0: not on a Cortex-A57 (FEAT_LRCPC2): ...}) and one for each kind of problem in the image's DWARF
 * ({@code vel2: warning: IMAGE: ...}, as {@code vel2 disasm --source} prints them). Typed input goes to the UART's receiver (UTF-8),
 * delivered by the machine thread.
 */
final class UartStreams implements IStreamsProxy {
    /** A partial line (a prompt) is passed on once this many bytes wait, or when the machine stops. */
    private static final int PENDING_LIMIT = 256;

    private final Monitor out = new Monitor();
    private final Monitor err = new Monitor();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private final Session session;

    UartStreams(Session session) {
        this.session = session;
        session.addListener(new SessionListener() {
            @Override
            public void suspended(StopInfo stop) {
                flush();
            }

            @Override
            public void notModelled(int vcpu, NotModelled what) {
                flush(); // the guest's output so far comes first
                err.append(what.line(vcpu) + "\n");
            }
        });
    }

    /** A line of the error stream that is not the guest's: {@code vel2: warning: ...}. */
    void warning(String line) {
        err.append(line + "\n");
    }

    /** One byte from the guest (machine thread). */
    synchronized void output(int b) {
        pending.write(b);
        if (b == '\n' || pending.size() >= PENDING_LIMIT) {
            flush();
        }
    }

    synchronized void flush() {
        if (pending.size() > 0) {
            String text = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            out.append(text);
        }
    }

    @Override
    public IStreamMonitor getErrorStreamMonitor() {
        return err;
    }

    @Override
    public IStreamMonitor getOutputStreamMonitor() {
        return out;
    }

    @Override
    public void write(String input) throws IOException {
        session.sendUartInput(input.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps everything the guest wrote, for consoles that attach late. */
    static final class Monitor implements IStreamMonitor {
        private final List<IStreamListener> listeners = new CopyOnWriteArrayList<>();
        private final StringBuilder contents = new StringBuilder();

        void append(String text) {
            synchronized (contents) {
                contents.append(text);
            }
            for (IStreamListener l : listeners) {
                l.streamAppended(text, this);
            }
        }

        @Override
        public void addListener(IStreamListener listener) {
            listeners.add(listener);
        }

        @Override
        public String getContents() {
            synchronized (contents) {
                return contents.toString();
            }
        }

        @Override
        public void removeListener(IStreamListener listener) {
            listeners.remove(listener);
        }
    }
}
