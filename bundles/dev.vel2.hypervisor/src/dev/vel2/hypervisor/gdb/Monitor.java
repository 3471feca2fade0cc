// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.cli.TrapLog;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.Statistics;
import dev.vel2.hypervisor.session.TrapBreakpoint;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * GDB's {@code monitor} commands ({@code qRcmd}): what vel2 has and GDB does not, the trap events of the virtual EL2.
 * Trap breakpoints are the IDE's trap breakpoint filters in one line; the trap log lines are the JSON of
 * {@code vel2 run --trap-log}.
 */
final class Monitor {
    static final String HELP = """
            vel2 monitor commands:
              monitor help                  this list
              monitor break-trap SPEC [vcpu=N] [hit=N]
                                            stop at a trap to EL2 before it is emulated, the trapping instruction
                                            as pc; SPEC is wfi, wfe, hvc[:IMM], smc[:IMM], mrs:REG, msr:REG or
                                            sysreg:REG (REG a system register name or S3_0_C2_C0_0); vcpu=N only
                                            vCPU N (thread N+1); hit=N the Nth matching trap only
              monitor delete-traps          delete the trap breakpoints made with break-trap
              monitor traps [N]             the last N traps (default 10) as trap-log JSON lines
              monitor hcr [0xHEX|+NAME|-NAME...]
                                            show HCR_EL2, or set it (every vCPU), or set/clear its one-bit fields;
                                            with --el2 guest each vCPU's own, shown only
              monitor stats                 exits per vCPU and trap class, the lazy switch's saves
            """;
    private static final int DEFAULT_TRAPS = 10;

    private final Session session;
    private final GdbServer server;
    private final List<TrapBreakpoint> traps = new ArrayList<>();

    Monitor(Session session, GdbServer server) {
        this.session = session;
        this.server = server;
    }

    /** Runs one command line; {@code out} gets its output (and its error), whole lines. */
    void run(String line, Consumer<String> out) {
        String[] words = line.strip().split("\\s+");
        try {
            out.accept(switch (words[0]) {
                case "help", "" -> HELP;
                case "break-trap" -> breakTrap(words);
                case "delete-traps" -> deleteTraps();
                case "traps" -> traps(words);
                case "hcr" -> hcr(words);
                case "stats" -> stats();
                default -> "vel2: unknown monitor command '" + words[0] + "' (monitor help lists them)\n";
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.accept("vel2: " + words[0] + ": " + e.getMessage() + "\n");
        }
    }

    private String breakTrap(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("give a SPEC (monitor help)");
        }
        TrapFilter f = filter(words[1]);
        for (int i = 2; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            int n = kv.length == 2 ? integer(kv[1]) : -1;
            switch (kv[0]) {
                case "vcpu" -> {
                    if (n < 0 || n >= session.vcpuCount()) {
                        throw new IllegalArgumentException("no vCPU " + kv[kv.length - 1] + " (0-"
                                + (session.vcpuCount() - 1) + ")");
                    }
                    f = f.withVcpu(n);
                }
                case "hit" -> {
                    if (n < 1) {
                        throw new IllegalArgumentException("hit takes a count from 1, not " + words[i]);
                    }
                    f = f.withHitCount(n);
                }
                default -> throw new IllegalArgumentException("unknown option " + words[i] + " (vcpu=N, hit=N)");
            }
        }
        TrapBreakpoint b = session.addTrapBreakpoint(f);
        synchronized (traps) {
            traps.add(b);
            return "trap breakpoint " + traps.size() + ": " + f + "\n";
        }
    }

    /** {@code wfi}, {@code hvc:0x10}, {@code msr:TTBR0_EL1}... as the IDE's trap breakpoint filters. */
    static TrapFilter filter(String spec) {
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? null : spec.substring(colon + 1);
        TrapFilter f = switch (kind) {
            case "wfi" -> TrapFilter.of(TrapClass.WFI);
            case "wfe" -> TrapFilter.of(TrapClass.WFE);
            case "hvc" -> TrapFilter.of(TrapClass.HVC);
            case "smc" -> TrapFilter.of(TrapClass.SMC);
            case "mrs" -> TrapFilter.sysregRead(register(spec, arg));
            case "msr" -> TrapFilter.sysregWrite(register(spec, arg));
            case "sysreg" -> TrapFilter.ANY.withSysreg(register(spec, arg));
            default -> throw new IllegalArgumentException("unknown trap " + spec
                    + " (wfi, wfe, hvc[:IMM], smc[:IMM], mrs:REG, msr:REG, sysreg:REG)");
        };
        if (arg != null && (kind.equals("wfi") || kind.equals("wfe"))) {
            throw new IllegalArgumentException(kind + " takes no argument");
        }
        if (arg != null && (kind.equals("hvc") || kind.equals("smc"))) {
            int imm = integer(arg);
            if (imm < 0 || imm > 0xffff) {
                throw new IllegalArgumentException(spec + ": the immediate is 16 bits");
            }
            f = f.withImm(imm);
        }
        return f;
    }

    private static String register(String spec, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(spec + " needs a register (" + spec + ":TTBR0_EL1)");
        }
        return name;
    }

    /** Deletes this debugger's trap breakpoints (also when it goes). */
    String deleteTraps() {
        synchronized (traps) {
            traps.forEach(session::removeBreakpoint);
            int n = traps.size();
            traps.clear();
            return "deleted " + n + " trap breakpoint" + (n == 1 ? "" : "s") + "\n";
        }
    }

    private String traps(String[] words) {
        int n = words.length > 1 ? integer(words[1]) : DEFAULT_TRAPS;
        if (n < 0) {
            throw new IllegalArgumentException("not a count: " + words[1]);
        }
        List<TrapEvent> last = server.traps(Math.min(n, GdbServer.HISTORY));
        if (last.isEmpty()) {
            return "no traps yet\n";
        }
        StringBuilder b = new StringBuilder();
        last.forEach(e -> b.append(TrapLog.line(e, session.debugInfo())).append('\n')); // as --trap-log writes it
        return b.toString();
    }

    /**
     * Shows HCR_EL2 as GDB shows its flags; {@code 0xHEX} sets it, {@code +NAME}/{@code -NAME} set or clear a bit.
     * Under {@code --el2 guest} there is no VM-wide policy: it shows each vCPU's own, as the guest's EL2 set it.
     */
    private String hcr(String[] words) {
        if (session.config().vm().el2() == El2Mode.GUEST) {
            if (words.length > 1) {
                throw new IllegalArgumentException("under --el2 guest HCR_EL2 is the guest hypervisor's own, per vCPU:"
                        + " set it on a thread with set $hcr_el2 = VALUE");
            }
            StringBuilder b = new StringBuilder();
            for (int v = 0; v < session.vcpuCount(); v++) {
                long own = session.inspection().register(v, SysRegAccess.HCR_EL2);
                b.append("vCPU ").append(v).append(": HCR_EL2 = 0x").append(Long.toHexString(own)).append(' ')
                        .append(fields(own)).append('\n');
            }
            return b.toString();
        }
        long hcr = session.inspection().hcr();
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("+") || w.startsWith("-")) {
                long bit = oneBitField(w.substring(1)).mask();
                hcr = w.startsWith("+") ? hcr | bit : hcr & ~bit;
            } else {
                hcr = GdbConnection.number(w.startsWith("0x") || w.startsWith("0X") ? w.substring(2) : w);
            }
        }
        if (words.length > 1) {
            session.inspection().setHcr(hcr);
        }
        return "HCR_EL2 = 0x" + Long.toHexString(hcr) + " " + fields(hcr) + "\n";
    }

    private static Field oneBitField(String name) {
        for (Field f : SysRegAccess.HCR_EL2.fields()) {
            if (f.name().equalsIgnoreCase(name) && !f.reserved() && f.width() == 1) {
                return f;
            }
        }
        throw new IllegalArgumentException("HCR_EL2 has no one-bit field " + name);
    }

    /** {@code [ TWI TID3 TVM RW ]}: the set one-bit fields, as GDB prints a flags register. */
    private static String fields(long hcr) {
        StringBuilder b = new StringBuilder("[");
        for (Field f : SysRegAccess.HCR_EL2.fields().reversed()) {
            if (!f.reserved() && f.get(hcr) != 0) {
                b.append(' ').append(f.name()).append(f.width() == 1 ? "" : "=" + f.get(hcr));
            }
        }
        return b.append(" ]").toString();
    }

    private String stats() {
        Statistics s = session.inspection().statistics();
        StringBuilder b = new StringBuilder("traps to EL2: " + s.traps() + "\n");
        for (Statistics.VcpuStatistics v : s.vcpus()) {
            b.append("vCPU ").append(v.vcpu()).append(": ").append(v.instructions()).append(" instructions; exits");
            int shown = 0;
            for (Map.Entry<TrapClass, Long> e : v.exits().entrySet()) {
                if (e.getValue() > 0) {
                    b.append(shown++ == 0 ? " " : ", ").append(e.getKey().name()).append(' ').append(e.getValue());
                }
            }
            b.append(shown == 0 ? " none" : "").append("; shadow saves ").append(v.shadowSaves())
                    .append(", saves avoided ").append(v.shadowSavesAvoided()).append('\n');
        }
        return b.toString();
    }

    /** Decimal, or hex with 0x. */
    private static int integer(String text) {
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16)
                    : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }
}
