// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.PrintStream;

import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.LineRow;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.TrapEvent;

/**
 * {@code --trap-log}: one JSON object per line for each trap to EL2, as the hypervisor emits it in either EL2 mode:
 * {@code seq}, {@code insns}, {@code vcpu}, {@code from_el}, {@code pc}, {@code esr}, {@code ec}, {@code class}; for
 * system register traps {@code reg}, {@code dir}, {@code rt} and {@code value}; then {@code action}. In guest-EL2 mode
 * a line is written when the CPU takes the trap: {@code value} is the written Xt (null for reads, whose value the
 * image's EL2 has yet to produce) and {@code action} is "guest-el2". In virtual-EL2 mode it is written once the
 * hypervisor handled the trap: {@code value} is the emulated value (the MRS result, the MSR operand) and
 * {@code action} the emulation's effect. For an image with line information the last field is {@code source}, the
 * {@code FILE:LINE} of {@code pc} as addr2line prints it; a line of an image without stays as it was.
 */
public final class TrapLog implements Hypervisor.TrapEventListener {
    private final PrintStream out;
    private final DebugInfo debug;

    /** A log to {@code out} with the {@code source} of {@code debug} (null: none). */
    TrapLog(PrintStream out, DebugInfo debug) {
        this.out = out;
        this.debug = debug;
    }

    @Override
    public void trap(TrapEvent e) {
        out.println(line(e, debug));
    }

    /** One trap-log line without {@code source}: that of an image without line information. */
    public static String line(TrapEvent e) {
        return fields(e).toString();
    }

    /**
     * One trap-log line: the format users script against (also the IDE's export), with {@code "source"} last where
     * {@code debug} (may be null) has a line for the PC.
     */
    public static String line(TrapEvent e, DebugInfo debug) {
        Json j = fields(e);
        String source = source(debug, e.pc());
        return (source == null ? j : j.string("source", source)).toString();
    }

    /**
     * addr2line's {@code FILE:LINE} for the instruction at {@code pc} (without its discriminator), or null where
     * {@code debug} is null or has no line there.
     */
    public static String source(DebugInfo debug, long pc) {
        LineRow row = debug == null ? null : debug.line(pc).orElse(null);
        return row == null || row.line() == 0 ? null : row.file().path() + ":" + row.line();
    }

    private static Json fields(TrapEvent e) {
        Json j = new Json().field("seq", e.seq()).field("insns", e.insns()).field("vcpu", e.vcpu())
                .field("from_el", e.fromEl()).hex("pc", e.pc()).hex("esr", e.esr() & 0xffff_ffffL)
                .hex("ec", e.ec()).string("class", e.trapClass().name());
        if (e.sysreg() != null) {
            j.string("reg", e.sysreg().name()).string("dir", e.sysreg().read() ? "read" : "write")
                    .field("rt", e.sysreg().rt());
            if (e.hasValue()) {
                j.hex("value", e.value());
            } else {
                j.raw("value", "null");
            }
        }
        return j.string("action", e.action().text());
    }
}
