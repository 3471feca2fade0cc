// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.FrameRegisters;
import dev.vel2.emulator.dwarf.FunctionScope;
import dev.vel2.emulator.dwarf.LineRow;
import dev.vel2.emulator.dwarf.SourceFile;
import dev.vel2.emulator.dwarf.Unwinder;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * A vCPU's call chain as GDB shows it ({@code bt}): unwound with the image's call frame information where it
 * describes the PC, each physical frame followed by the subroutines inlined into it, innermost first, named by DWARF
 * and placed on a source line; else the AAPCS64 frame records: X29 points at {previous X29, return address} (AAPCS64
 * §6.4.6 "The Frame Pointer"), where a leaf function, or one before its prologue, has no record of its own yet and
 * its caller is X30 (when X30 is neither in the function itself nor the return address the first record holds). At
 * an exception vector the interrupted code is the next frame: ELR_ELx with the stack pointer SPSR_ELx.M names, and
 * where it ran below the guest's EL2 (a guest's kernel under Xen or KVM) its stack is read in the EL1&0 regime, through
 * the guest's own tables and stage 2.
 * <p>
 * Display rules, GDB's at a breakpoint: a frame's line is the line table row of its PC, of the byte before the return
 * address for a caller, the last statement row at that address ({@link DebugInfo#statementLine}); an inlined
 * subroutine is a frame of its own, at its first instruction too, and its caller is on the line of the call.
 */
final class FrameChain {
    /** Enough for any guest the debugger shows; a corrupt chain stops here. */
    static final int MAX_FRAMES = 64;
    /** An exception vector table: 16 entries of 0x80 bytes from VBAR_ELx (ARM ARM D1.10.2). */
    private static final long VECTORS = 0x800;

    /** What the walk reads of a suspended vCPU. */
    interface Vcpu {
        long x(int n);

        long sp();

        long pc();

        /** PSTATE in SPSR layout. */
        long pstate();

        long sysreg(String name);

        /** {@code size} bytes at virtual {@code address} little-endian, empty where they do not translate. */
        OptionalLong read(long address, int size);

        /** The same translated in {@code regime} rather than the current EL's. */
        OptionalLong read(long address, int size, TranslationRegime regime);
    }

    /**
     * One frame: the PC (a return address below the top), its function (empty: none known), its source line (file
     * null where none), whether it is a subroutine inlined into the next frame, the registers the unwinder recovered
     * (null from the frame records), the frame record it was found through (0 where none) and the translation regime
     * its memory is read in (null: the vCPU's current one; EL1&0 below a guest's EL2 vector).
     */
    record Frame(long pc, String function, SourceFile file, int line, boolean inlined, FrameRegisters registers,
            long frameAddress, TranslationRegime regime) {

        /** The same frame, its memory in {@code r}. */
        Frame in(TranslationRegime r) {
            return new Frame(pc, function, file, line, inlined, registers, frameAddress, r);
        }

        /** {@code el1_main (hv.c:42)}; without a line {@code el1_main+0x24 (0x40080024)}, as {@link #location}. */
        String label(GuestSymbols symbols) {
            if (file == null || line <= 0) {
                return location(pc, symbols);
            }
            String name = file.name();
            return (function.isEmpty() ? "0x" + Long.toHexString(pc) : function) + " ("
                    + name.substring(name.lastIndexOf('/') + 1) + ":" + line + ")";
        }
    }

    private FrameChain() {
    }

    /** {@code el1_main+0x24 (0x40080024)}, or the bare address where no symbol precedes it. */
    static String location(long address, GuestSymbols symbols) {
        String label = symbols.label(address);
        String hex = "0x" + Long.toHexString(address);
        return label == null ? hex : label + " (" + hex + ")";
    }

    /** The frames of {@code vcpu}, top first; {@code debug} may be null (no ELF). */
    static List<Frame> walk(Vcpu vcpu, DebugInfo debug, GuestSymbols symbols) {
        FrameRegisters top = registers(vcpu, vcpu.pc(), vcpu.sp());
        List<Frame> frames = new ArrayList<>();
        TranslationRegime below = null; // the interrupted code's regime where it is not the current one
        if (debug == null || !debug.unwinder().covers(top.pc())) {
            Optional<FrameRegisters> interrupted = interrupted(vcpu, top.pc());
            if (interrupted.isPresent()) { // a hypervisor without DWARF (Xen) at its vector too
                frames.add(debug == null ? plain(top.pc(), 0, null, false) : physical(top, debug).get(0));
                top = interrupted.get();
                below = belowEl2(vcpu) ? TranslationRegime.EL10 : null;
            }
        }
        TranslationRegime regime = below;
        Unwinder.Memory memory = regime == null ? vcpu::read : (address, size) -> vcpu.read(address, size, regime);
        int first = frames.size();
        if (debug != null && debug.unwinder().covers(top.pc())) {
            unwind(top, memory, debug, frames);
        } else {
            records(top, memory, symbols, debug, frames);
        }
        for (int i = first; below != null && i < frames.size(); i++) {
            frames.set(i, frames.get(i).in(below));
        }
        return frames;
    }

    /** At the guest's EL2, whether the exception came from EL0 or EL1 (SPSR_EL2.M): stacks of the EL1&0 regime. */
    private static boolean belowEl2(Vcpu vcpu) {
        return ((vcpu.pstate() >>> 2) & 3) == 2 && ((vcpu.sysreg("SPSR_EL2") >>> 2) & 3) < 2;
    }

    /** The CFI backtrace from {@code from}, appended to {@code frames}, inlined subroutines expanded. */
    private static void unwind(FrameRegisters from, Unwinder.Memory memory, DebugInfo debug, List<Frame> frames) {
        for (FrameRegisters f : debug.unwinder().backtrace(from, memory)) {
            for (Frame frame : physical(f, debug)) {
                if (frames.size() < MAX_FRAMES) {
                    frames.add(frame);
                }
            }
        }
    }

    /**
     * One physical frame as its frames: the subroutines inlined at its PC innermost first, then the subprogram (only
     * the function the symbols name where DWARF has none).
     */
    private static List<Frame> physical(FrameRegisters f, DebugInfo debug) {
        long at = f.lookupPc();
        List<FunctionScope> scopes = debug.function(at);
        LineRow row = debug.statementLine(at).orElse(null);
        SourceFile file = row == null || row.line() == 0 ? null : row.file();
        int line = file == null ? 0 : row.line();
        List<Frame> out = new ArrayList<>();
        if (scopes.isEmpty()) {
            out.add(new Frame(f.pc(), debug.functionName(at).orElse(""), file, line, false, f, 0, null));
            return out;
        }
        for (FunctionScope scope : scopes) {
            out.add(new Frame(f.pc(), scope.name(), file, line, scope.inlined(), f, 0, null));
            file = scope.callFile();
            line = scope.callLine();
        }
        return out;
    }

    /**
     * At an exception vector of the current EL, the interrupted code: ELR_ELx, the registers as they are (the vector
     * has not saved them yet), and the stack pointer of the EL and SP selection SPSR_ELx.M gives (ARM ARM D1.10.1).
     */
    private static Optional<FrameRegisters> interrupted(Vcpu vcpu, long pc) {
        int el = (int) (vcpu.pstate() >>> 2) & 3;
        if (el == 0) {
            return Optional.empty();
        }
        long vbar = vcpu.sysreg("VBAR_EL" + el);
        if (Long.compareUnsigned(pc - vbar, VECTORS) >= 0) {
            return Optional.empty();
        }
        long spsr = vcpu.sysreg("SPSR_EL" + el);
        int from = (int) (spsr >>> 2) & 3;
        boolean spx = (spsr & 1) != 0;
        long sp = from == el && spx ? vcpu.sp() : from == 0 || !spx ? vcpu.sysreg("SP_EL0") : vcpu.sysreg("SP_EL1");
        return Optional.of(registers(vcpu, vcpu.sysreg("ELR_EL" + el), sp));
    }

    private static FrameRegisters registers(Vcpu vcpu, long pc, long sp) {
        long[] x = new long[31];
        for (int n = 0; n < x.length; n++) {
            x[n] = vcpu.x(n);
        }
        return FrameRegisters.of(pc, sp, x);
    }

    /** The walk of the frame records from {@code top}, for code the call frame information does not describe. */
    private static void records(FrameRegisters top, Unwinder.Memory memory, GuestSymbols symbols, DebugInfo debug,
            List<Frame> frames) {
        long pc = top.pc();
        frames.add(plain(pc, 0, debug, false)); // the PC, or ELR_ELx: where the code goes on, no return address
        long fp = top.register(FrameRegisters.FP).orElse(0);
        long[] record = record(memory, fp);
        long lr = top.register(FrameRegisters.LR).orElse(0);
        if (isCode(lr) && !sameFunction(lr, pc, symbols) && (record == null || record[1] != lr)) {
            frames.add(plain(lr, 0, debug, true));
        }
        while (record != null && frames.size() < MAX_FRAMES && isCode(record[1])) {
            frames.add(plain(record[1], fp, debug, true));
            long next = record[0];
            if (Long.compareUnsigned(next, fp) <= 0) {
                break; // the stack grows down: a caller's record lies above
            }
            fp = next;
            record = record(memory, fp);
        }
    }

    /** A frame of the record walk: its line where the image has one (the byte before a return address). */
    private static Frame plain(long pc, long fp, DebugInfo debug, boolean returnAddress) {
        LineRow row = debug == null ? null : debug.statementLine(returnAddress ? pc - 1 : pc).orElse(null);
        String function = debug == null ? "" : debug.functionName(returnAddress ? pc - 1 : pc).orElse("");
        return row == null || row.line() == 0 ? new Frame(pc, function, null, 0, false, null, fp, null)
                : new Frame(pc, function, row.file(), row.line(), false, null, fp, null);
    }

    /** {previous X29, return address} at {@code fp}, or null where there is no readable record. */
    private static long[] record(Unwinder.Memory memory, long fp) {
        if (fp == 0 || (fp & 7) != 0) {
            return null;
        }
        OptionalLong previous = memory.read(fp, 8);
        OptionalLong ret = memory.read(fp + 8, 8);
        return previous.isEmpty() || ret.isEmpty() ? null : new long[] { previous.getAsLong(), ret.getAsLong() };
    }

    private static boolean isCode(long address) {
        return address != 0 && (address & 3) == 0;
    }

    private static boolean sameFunction(long a, long b, GuestSymbols symbols) {
        String la = symbols.label(a);
        String lb = symbols.label(b);
        return la != null && lb != null && la.split("\\+")[0].equals(lb.split("\\+")[0]);
    }

    /** A suspended vCPU of a session, read through its inspection. */
    static Vcpu of(dev.vel2.hypervisor.session.SessionInspection s, int vcpu) {
        return new Vcpu() {
            @Override
            public long x(int n) {
                return s.x(vcpu, n);
            }

            @Override
            public long sp() {
                return s.sp(vcpu);
            }

            @Override
            public long pc() {
                return s.pc(vcpu);
            }

            @Override
            public long pstate() {
                return s.pstate(vcpu);
            }

            @Override
            public long sysreg(String name) {
                return s.sysreg(vcpu, SysRegs.get(name));
            }

            @Override
            public OptionalLong read(long address, int size) {
                return s.readVirtualLong(vcpu, address, size);
            }

            @Override
            public OptionalLong read(long address, int size, TranslationRegime regime) {
                return s.readVirtualLong(vcpu, address, size, regime);
            }
        };
    }
}
