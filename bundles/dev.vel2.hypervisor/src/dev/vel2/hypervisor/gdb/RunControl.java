// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;

import dev.vel2.hypervisor.EsrText;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.session.Breakpoint;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.Watchpoint;

/**
 * A debugger's run control on the session, in GDB's all-stop mode: {@code c}, {@code s} and {@code vCont} resume
 * (a step of one vCPU with the others running, or held where they are when the packet leaves them out), the next stop
 * of the session answers with a stop reply, and the interrupt byte suspends the session. A trap breakpoint's stop is
 * told on the debugger's console first, with the trap and its ESR_EL2 decoded.
 */
final class RunControl {
    private static final HexFormat HEX = HexFormat.of();

    private final Session session;
    private final RemoteSerial rsp;
    private final Map<String, Breakpoint> inserted;
    private final IntConsumer current;
    /** The debugger waits for a stop reply; guarded by this. */
    private boolean waiting;

    /**
     * {@code inserted}: the debugger's breakpoints by their Z packet, whose type a stop reply names; {@code current}
     * hears the vCPU a stop reply names before it is sent: GDB reads that thread's registers next without an Hg.
     */
    RunControl(Session session, RemoteSerial rsp, Map<String, Breakpoint> inserted, IntConsumer current) {
        this.session = session;
        this.rsp = rsp;
        this.inserted = inserted;
        this.current = current;
    }

    /** A Z packet's breakpoint: 0 and 1 at an address, 2, 3, 4 a write, read and access watchpoint. */
    Breakpoint insert(int type, long address, int kind) {
        return switch (type) {
            case 0, 1 -> session.addAddressBreakpoint(address);
            case 2 -> session.addWatchpoint(address, kind, Watchpoint.Access.WRITE, -1);
            case 3 -> session.addWatchpoint(address, kind, Watchpoint.Access.READ, -1);
            default -> session.addWatchpoint(address, kind, Watchpoint.Access.ACCESS, -1);
        };
    }

    /** {@code c[addr]}, {@code Csig[;addr]}, {@code s[addr]}, {@code Ssig[;addr]}: the signal is not delivered. */
    String legacy(String p, int vcpu) {
        int v = Math.max(vcpu, 0);
        String rest = p.substring(1);
        if (p.charAt(0) == 'C' || p.charAt(0) == 'S') {
            int semicolon = rest.indexOf(';');
            GdbConnection.number(semicolon < 0 ? rest : rest.substring(0, semicolon));
            rest = semicolon < 0 ? "" : rest.substring(semicolon + 1);
        }
        if (!rest.isEmpty()) {
            session.inspection().setPc(v, GdbConnection.number(rest));
        }
        boolean step = p.charAt(0) == 's' || p.charAt(0) == 'S';
        return resume(step ? () -> session.stepInstruction(v) : session::resume);
    }

    /** Thread ids to vCPUs ({@code -1}: all). */
    @FunctionalInterface
    interface Threads {
        int vcpu(String id);
    }

    /**
     * {@code vCont;action[:thread];...}: each vCPU takes the first action that names it or no thread. A vCPU that
     * steps with every other one continuing is {@link Session#stepInstruction(int)}; with some left out, the others
     * stay where they are. Signals are not delivered.
     */
    String vCont(String actions, int vcpus, Threads threads) {
        char[] action = new char[vcpus];
        for (String a : actions.split(";")) {
            String[] parts = a.split(":", 2);
            char kind = parts[0].isEmpty() ? ' ' : Character.toLowerCase(parts[0].charAt(0));
            if (kind == 't') {
                continue; // stop: every vCPU is stopped already in all-stop mode
            }
            if (kind != 'c' && kind != 's') {
                throw new IllegalArgumentException("vCont action '" + parts[0] + "' (c, C, s, S)");
            }
            int only = parts.length > 1 ? threads.vcpu(parts[1]) : -1;
            for (int v = 0; v < vcpus; v++) {
                if (action[v] == 0 && (only < 0 || only == v)) {
                    action[v] = kind;
                }
            }
        }
        List<Integer> continuing = new ArrayList<>();
        int stepping = -1;
        for (int v = 0; v < vcpus; v++) {
            if (action[v] == 's' && stepping < 0) {
                stepping = v;
            } else if (action[v] == 'c') {
                continuing.add(v);
            }
        }
        if (stepping >= 0) {
            int v = stepping;
            boolean othersRun = continuing.size() == vcpus - 1;
            return resume(() -> session.stepInstruction(v, othersRun));
        }
        if (continuing.isEmpty()) {
            throw new IllegalArgumentException("vCont resumes no thread");
        }
        int[] only = continuing.stream().mapToInt(Integer::intValue).toArray();
        return resume(only.length == vcpus ? session::resume : () -> session.resumeOnly(only));
    }

    /** Resumes with {@code request}; the stop reply follows when the session stops. */
    private String resume(Runnable request) {
        synchronized (this) {
            waiting = true;
        }
        try {
            request.run();
        } catch (IllegalArgumentException e) {
            synchronized (this) {
                waiting = false;
            }
            throw e;
        } catch (IllegalStateException e) {
            if (session.state() == Session.State.TERMINATED) {
                stopped(session.lastStop(), 0);
            } // else the IDE runs the guest already: its next stop answers
        }
        return null;
    }

    /** The interrupt byte: every vCPU stops (the stop reply says SIGINT). */
    void interrupt() {
        session.suspend();
    }

    /** Detached: the guest runs on. */
    void detach() {
        synchronized (this) {
            waiting = false;
        }
        try {
            session.resume();
        } catch (IllegalStateException e) {
            // running already, or ended
        }
    }

    /** A stop of the session: the stop reply if the debugger waits for one; {@code vcpu} when no vCPU caused it. */
    void stopped(StopInfo stop, int vcpu) {
        synchronized (this) {
            if (!waiting || stop == null) {
                return;
            }
            waiting = false;
        }
        if (stop.vcpu() >= 0) {
            current.accept(stop.vcpu());
        }
        try {
            if (stop.reason() == StopInfo.Reason.TRAP_BREAKPOINT && stop.trap() != null) {
                rsp.send("O" + HEX.formatHex((trapLine(stop) + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            rsp.send(reply(stop, vcpu));
        } catch (IOException e) {
            // the connection is gone: its read loop ends it
        }
    }

    /** {@code vel2: trap breakpoint (MSR TTBR0_EL1 write): MSR TTBR0_EL1 (EC 0x18) at 0x...; ESR_EL2 0x...: ...}. */
    static String trapLine(StopInfo stop) {
        TrapEvent e = stop.trap();
        String which = stop.breakpoint() == null ? "" : " (" + stop.breakpoint().toString()
                .replaceFirst("^trap breakpoint ", "") + ")";
        return "vel2: trap breakpoint" + which + " on vCPU " + e.vcpu() + ": " + e.summary() + "; "
                + EsrText.line(e);
    }

    /** The stop reply of {@code stop} (null: none yet), naming {@code vcpu} when no vCPU caused it. */
    String reply(StopInfo stop, int vcpu) {
        return StopReply.of(stop, vcpu, zType());
    }

    private ToIntFunction<Breakpoint> zType() {
        return b -> {
            for (Map.Entry<String, Breakpoint> e : inserted.entrySet()) {
                if (e.getValue() == b) {
                    return Character.digit(e.getKey().charAt(0), 16);
                }
            }
            return -1;
        };
    }
}
