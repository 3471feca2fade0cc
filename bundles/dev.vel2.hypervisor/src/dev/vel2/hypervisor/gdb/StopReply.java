// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.util.function.ToIntFunction;

import dev.vel2.hypervisor.cli.Main;
import dev.vel2.hypervisor.session.Breakpoint;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.Watchpoint;

/**
 * The stop reply packet of a session's stop (GDB manual, "Stop Reply Packets"), as QEMU's stub sends them: SIGTRAP
 * ({@code T05}) with the thread of the vCPU that stopped, and {@code swbreak:}/{@code hwbreak:} at a breakpoint the
 * debugger inserted, {@code watch:}/{@code rwatch:}/{@code awatch:} with the watched address at a watchpoint; SIGINT
 * ({@code T02}) for a suspend; {@code W} with {@code vel2 run}'s exit status when the run ended.
 */
final class StopReply {
    private static final int SIGINT = 2;
    private static final int SIGTRAP = 5;
    /** An exception loop: the vCPU faults at its own vector for ever, as a process that faults in a loop. */
    private static final int SIGSEGV = 11;

    private StopReply() {
    }

    /**
     * @param stop     the stop, or null before the first one
     * @param vcpu     the thread to name when no vCPU caused the stop (the debugger's current one)
     * @param inserted the Z packet type of a breakpoint the debugger inserted, -1 for another
     */
    static String of(StopInfo stop, int vcpu, ToIntFunction<Breakpoint> inserted) {
        if (stop == null) {
            return t(SIGTRAP, vcpu, "");
        }
        int v = stop.vcpu() >= 0 ? stop.vcpu() : vcpu;
        return switch (stop.reason()) {
            case EXITED -> String.format("W%02x", Main.exitCode(stop.exit()));
            case CLIENT_REQUEST -> t(SIGINT, v, "");
            case EXCEPTION_LOOP -> t(SIGSEGV, v, "");
            case ADDRESS_BREAKPOINT -> t(SIGTRAP, v, switch (inserted.applyAsInt(stop.breakpoint())) {
                case 0 -> "swbreak:;";
                case 1 -> "hwbreak:;";
                default -> "";
            });
            case WATCHPOINT -> t(SIGTRAP, v, watch((Watchpoint) stop.breakpoint()));
            case ENTRY, STEP_END, TRAP_BREAKPOINT -> t(SIGTRAP, v, "");
        };
    }

    private static String t(int signal, int vcpu, String reason) {
        return String.format("T%02xthread:%s;%s", signal, GdbConnection.threadId(vcpu), reason);
    }

    private static String watch(Watchpoint w) {
        String kind = switch (w.access()) {
            case WRITE -> "watch";
            case READ -> "rwatch";
            case ACCESS -> "awatch";
        };
        return kind + ":" + Long.toHexString(w.address()) + ";";
    }
}
