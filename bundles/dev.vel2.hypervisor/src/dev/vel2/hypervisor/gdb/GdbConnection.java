// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vel2.hypervisor.session.Breakpoint;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * One debugger's connection: the Remote Serial Protocol's packets as gdb-multiarch 13 sends them and QEMU's stub
 * answers them, on the session (GDB manual, "Packets"). Each vCPU is a thread, numbered from 1 ({@code vCPU 0} is
 * thread 1). Run control follows GDB's all-stop mode: every vCPU stops together, and a stop reply answers the
 * debugger's continue or step; stops and resumes the IDE makes meanwhile are its own. An unknown packet gets the empty
 * reply; a malformed one an {@code E.} error that says what is wrong.
 */
final class GdbConnection {
    /** The largest packet the debugger may send (qSupported's PacketSize); replies to m and qXfer stay below it. */
    static final int PACKET_SIZE = 0x4000;
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration ATTACH = Duration.ofSeconds(5);

    private final GdbServer server;
    private final Session session;
    private final Socket socket;
    private final RemoteSerial rsp;
    private final TargetDescription target;
    private final List<GdbRegister> registers;
    private final Monitor monitor;
    private final RunControl run;
    /** The breakpoints and watchpoints this debugger inserted, by their Z packet ({@code 0,40080000,4}). */
    private final Map<String, Breakpoint> inserted = new ConcurrentHashMap<>();
    /** The vCPU of g, p, m and their writes (Hg); of c and s (Hc), -1 for all. */
    private volatile int generalVcpu;
    private int continueVcpu = -1;
    private volatile String ending;

    GdbConnection(GdbServer server, Session session, Socket socket, TargetDescription target) throws IOException {
        this.server = server;
        this.session = session;
        this.socket = socket;
        this.rsp = new RemoteSerial(socket.getInputStream(), socket.getOutputStream(), PACKET_SIZE);
        this.target = target;
        this.registers = target.registers();
        this.monitor = new Monitor(session, server);
        this.run = new RunControl(session, rsp, inserted, v -> generalVcpu = v);
    }

    /** Serves the debugger until it detaches, kills, drops the connection or the guest ends; returns how it ended. */
    String serve() {
        attach();
        try {
            while (ending == null) {
                switch (rsp.read()) {
                    case RemoteSerial.Closed c -> ending = "connection closed";
                    case RemoteSerial.Interrupt i -> run.interrupt();
                    case RemoteSerial.Packet p -> {
                        String reply = handle(p.data());
                        if (reply != null) {
                            rsp.send(reply);
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (ending == null) {
                ending = "connection dropped: " + e.getMessage();
            }
        } finally {
            takeOut();
            close();
        }
        return ending;
    }

    /** A debugger attaches to a stopped guest: a running one is suspended first (as QEMU stops the VM). */
    private void attach() {
        if (session.state() == Session.State.RUNNING) {
            session.suspend();
            try {
                session.awaitSuspended(ATTACH);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The guest stopped (or ended): the stop reply, if the debugger waits for one. Machine thread. */
    void stopped(StopInfo stop) {
        run.stopped(stop, generalVcpu);
        if (stop != null && stop.reason() == StopInfo.Reason.EXITED && ending == null) {
            ending = "the guest's run ended"; // unless the debugger ended it (k)
        }
    }

    void close() {
        if (ending == null) {
            ending = "closed";
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }

    /** What this debugger inserted goes: nobody else knows of it. */
    private void takeOut() {
        for (Breakpoint b : inserted.values()) {
            session.removeBreakpoint(b);
        }
        inserted.clear();
        monitor.deleteTraps();
    }

    /** The reply to one packet, or null when it has none now (a resume: the stop reply comes later). */
    private String handle(String p) throws IOException {
        try {
            return switch (p.isEmpty() ? ' ' : p.charAt(0)) {
                case '?' -> haltReason();
                case 'g' -> readRegisters();
                case 'G' -> writeRegisters(p.substring(1));
                case 'p' -> readRegister(p.substring(1));
                case 'P' -> writeRegister(p.substring(1));
                case 'm' -> readMemory(p.substring(1));
                case 'M' -> writeMemory(p.substring(1), false);
                case 'X' -> writeMemory(p.substring(1), true);
                case 'c', 'C', 's', 'S' -> run.legacy(p, continueVcpu < 0 ? generalVcpu : continueVcpu);
                case 'Z', 'z' -> breakpoint(p);
                case 'H' -> selectThread(p);
                case 'T' -> threadAlive(p.substring(1));
                case 'D' -> detach();
                case 'k' -> kill();
                case 'q' -> query(p);
                case 'Q' -> p.equals("QStartNoAckMode") ? noAck() : "";
                case 'v' -> v(p);
                default -> "";
            };
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            return error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** {@code ?}: the last stop, whose vCPU becomes the current thread as it does at a stop reply. */
    private String haltReason() {
        StopInfo last = session.lastStop();
        if (last != null && last.vcpu() >= 0) {
            generalVcpu = last.vcpu();
        }
        return run.reply(last, generalVcpu);
    }

    /** {@code E.message}: GDB shows the message; the protocol's special characters are left out. */
    static String error(String message) {
        return "E." + message.replaceAll("[$#}*\\n]", " ");
    }

    private String noAck() throws IOException {
        rsp.send("OK");
        rsp.stopAcks();
        return null;
    }

    // ---------------------------------------------------------------- registers

    private String readRegisters() {
        StringBuilder b = new StringBuilder();
        for (GdbRegister r : registers.subList(0, TargetDescription.G_PACKET)) {
            b.append(HEX.formatHex(r.read(session.inspection(), generalVcpu)));
        }
        return b.toString();
    }

    private String writeRegisters(String hex) {
        byte[] all = bytes(hex);
        int at = 0;
        for (GdbRegister r : registers.subList(0, TargetDescription.G_PACKET)) {
            int n = r.bits() / 8;
            if (at + n > all.length) {
                break; // a short G writes the registers it has
            }
            r.write(session.inspection(), generalVcpu, java.util.Arrays.copyOfRange(all, at, at + n));
            at += n;
        }
        return "OK";
    }

    private String readRegister(String number) {
        GdbRegister r = register(number);
        try {
            return HEX.formatHex(r.read(session.inspection(), generalVcpu));
        } catch (IllegalArgumentException e) {
            return "x".repeat(r.bits() / 4); // not available in this state
        }
    }

    private String writeRegister(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("P takes n=value, not P" + assignment);
        }
        GdbRegister r = register(assignment.substring(0, eq));
        byte[] value = bytes(assignment.substring(eq + 1));
        if (value.length != r.bits() / 8) {
            throw new IllegalArgumentException(r.name() + " takes " + r.bits() / 8 + " bytes, not " + value.length);
        }
        r.write(session.inspection(), generalVcpu, value);
        return "OK";
    }

    private GdbRegister register(String number) {
        int n = (int) number(number);
        if (n < 0 || n >= registers.size()) {
            throw new IllegalArgumentException("no register " + number + " (0-" + Integer.toHexString(
                    registers.size() - 1) + ")");
        }
        return registers.get(n);
    }

    // ---------------------------------------------------------------- memory

    /** {@code addr,length}: the bytes the vCPU reads there, up to the first that does not translate. */
    private String readMemory(String args) {
        String[] a = args.split(",", 2);
        long address = number(a[0]);
        int length = (int) Math.min(number(a[1]), PACKET_SIZE / 2 - 8);
        StringBuilder hex = new StringBuilder();
        for (int done = 0; done < length;) {
            int n = (int) Math.min(length - done, 4096 - ((address + done) & 4095));
            try {
                hex.append(HEX.formatHex(session.inspection().readVirtual(generalVcpu, address + done, n)));
            } catch (IllegalArgumentException e) {
                break;
            }
            done += n;
        }
        return hex.isEmpty() && length > 0 ? "E14" : hex.toString(); // EFAULT, as QEMU answers
    }

    private String writeMemory(String args, boolean binary) {
        int colon = args.indexOf(':');
        String[] a = args.substring(0, colon).split(",", 2);
        long address = number(a[0]);
        int length = (int) number(a[1]);
        String data = args.substring(colon + 1);
        byte[] bytes = binary ? data.getBytes(StandardCharsets.ISO_8859_1) : bytes(data);
        if (bytes.length != length) {
            throw new IllegalArgumentException("length " + length + " but " + bytes.length + " bytes");
        }
        if (length > 0) {
            try {
                session.inspection().writeVirtual(generalVcpu, address, bytes);
            } catch (IllegalArgumentException e) {
                return "E14";
            }
        }
        return "OK";
    }

    // ---------------------------------------------------------------- breakpoints

    /** {@code Z/z type,addr,kind}: 0 and 1 an address breakpoint; 2, 3, 4 a write, read, access watchpoint. */
    private String breakpoint(String p) {
        String key = p.substring(1);
        String[] a = key.split(",");
        if (a.length < 3) {
            throw new IllegalArgumentException("Z takes type,addr,kind, not " + p);
        }
        int type = (int) number(a[0]);
        if (type < 0 || type > 4) {
            return "";
        }
        if (p.charAt(0) == 'z') {
            Breakpoint b = inserted.remove(key);
            if (b != null) {
                session.removeBreakpoint(b);
            }
            return "OK";
        }
        if (!inserted.containsKey(key)) {
            inserted.put(key, run.insert(type, number(a[1]), (int) number(a[2])));
        }
        return "OK";
    }

    // ---------------------------------------------------------------- threads

    private String selectThread(String p) {
        int vcpu = thread(p.substring(2));
        if (p.charAt(1) == 'g') {
            if (vcpu >= 0) {
                generalVcpu = vcpu;
            }
        } else if (p.charAt(1) == 'c') {
            continueVcpu = vcpu;
        } else {
            return "";
        }
        return "OK";
    }

    private String threadAlive(String id) {
        thread(id);
        return "OK";
    }

    /** The vCPU of thread {@code id}; -1 for "any" (0) and "all" (-1). */
    private int thread(String id) {
        if (id.equals("-1") || id.equals("0")) {
            return -1;
        }
        long t = number(id);
        if (t < 1 || t > session.vcpuCount()) {
            throw new IllegalArgumentException("no thread " + id + " (1-" + session.vcpuCount() + ")");
        }
        return (int) t - 1;
    }

    /** Thread ids as GDB writes them: hex, vCPU 0 is 1. */
    static String threadId(int vcpu) {
        return Integer.toHexString(vcpu + 1);
    }

    // ---------------------------------------------------------------- queries and v packets

    private String query(String p) throws IOException {
        if (p.startsWith("qSupported")) {
            return "PacketSize=" + Integer.toHexString(PACKET_SIZE)
                    + ";qXfer:features:read+;vContSupported+;swbreak+;hwbreak+;QStartNoAckMode+";
        }
        if (p.equals("qfThreadInfo")) {
            StringBuilder b = new StringBuilder("m");
            for (int v = 0; v < session.vcpuCount(); v++) {
                b.append(v == 0 ? "" : ",").append(threadId(v));
            }
            return b.toString();
        }
        if (p.startsWith("qThreadExtraInfo,")) {
            int vcpu = thread(p.substring("qThreadExtraInfo,".length()));
            String info = "vCPU " + vcpu + " [" + session.inspection().state(vcpu) + "]";
            return HEX.formatHex(info.getBytes(StandardCharsets.UTF_8));
        }
        if (p.startsWith("qXfer:features:read:")) {
            return features(p.substring("qXfer:features:read:".length()));
        }
        if (p.startsWith("qRcmd,")) {
            String command = new String(bytes(p.substring("qRcmd,".length())), StandardCharsets.UTF_8);
            monitor.run(command, this::console);
            return "OK";
        }
        return switch (p) {
            case "qsThreadInfo" -> "l";
            case "qC" -> "QC" + threadId(generalVcpu);
            case "qAttached" -> "1"; // quitting GDB detaches: the guest runs on
            default -> "";
        };
    }

    /** {@code O} packets: text on the debugger's console. */
    private void console(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < b.length; at += PACKET_SIZE / 4) {
            try {
                rsp.send("O" + HEX.formatHex(b, at, Math.min(b.length, at + PACKET_SIZE / 4)));
            } catch (IOException e) {
                return; // the connection is gone: the read loop finds out
            }
        }
    }

    /** {@code annex:offset,length} of {@code target.xml}. */
    private String features(String args) throws IOException {
        int colon = args.lastIndexOf(':');
        if (colon < 0 || !args.substring(0, colon).equals("target.xml")) {
            return "E00";
        }
        String[] a = args.substring(colon + 1).split(",", 2);
        byte[] xml = target.xml().getBytes(StandardCharsets.UTF_8);
        int offset = (int) Math.min(number(a[0]), xml.length);
        int length = (int) Math.min(number(a[1]), PACKET_SIZE / 2);
        int end = Math.min(xml.length, offset + length);
        rsp.sendBinary(end == xml.length ? "l" : "m", java.util.Arrays.copyOfRange(xml, offset, end));
        return null;
    }

    private String v(String p) throws IOException {
        if (p.equals("vCont?")) {
            return "vCont;c;C;s;S";
        }
        if (p.startsWith("vCont;")) {
            return run.vCont(p.substring("vCont;".length()), session.vcpuCount(), this::thread);
        }
        if (p.startsWith("vKill")) {
            rsp.send("OK");
            return kill();
        }
        return "";
    }

    private String detach() throws IOException {
        takeOut();
        rsp.send("OK");
        ending = "debugger detached";
        run.detach();
        return null;
    }

    private String kill() {
        ending = "debugger killed the guest";
        session.terminate();
        return null;
    }

    // ---------------------------------------------------------------- numbers

    /** A hex number of a packet; IllegalArgumentException for anything else. */
    static long number(String hex) {
        try {
            return Long.parseUnsignedLong(hex.strip(), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a hex number: '" + hex + "'");
        }
    }

    private static byte[] bytes(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex bytes: '" + hex + "'");
        }
    }
}
