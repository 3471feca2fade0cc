// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.Optional;
import java.util.OptionalLong;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.FrameRegisters;
import dev.vel2.emulator.dwarf.Unwinder;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * What a source line step reads of a vCPU on the machine thread: the frame's CFA from the image's call frame
 * information (the stack pointer where none describes the PC), and whether the PC is in the vector table of the
 * current EL.
 */
record SourceFrames(DebugInfo debug, GuestMemory memory) {
    /** An exception vector table: 16 entries of 0x80 bytes from VBAR_ELx (ARM ARM D1.10.2). */
    private static final long VECTORS = 0x800;

    /** The canonical frame address of the frame executing at {@code pc}: the SP before the call that made it. */
    long cfa(Cpu c, long pc) {
        return debug.unwinder().covers(pc) ? unwind(c, pc).map(Unwinder.Unwound::cfa).orElse(c.sp()) : c.sp();
    }

    /** The caller of the frame at {@code c}'s PC and that frame's CFA, where the call frame information has them. */
    Optional<Unwinder.Unwound> unwind(Cpu c) {
        return unwind(c, c.pc());
    }

    private Optional<Unwinder.Unwound> unwind(Cpu c, long pc) {
        long[] x = new long[31];
        for (int n = 0; n < x.length; n++) {
            x[n] = c.x(n);
        }
        return debug.unwinder().unwind(FrameRegisters.of(pc, c.sp(), x), (a, size) -> read(c, a, size));
    }

    boolean inVectors(Cpu c, long va) {
        return c.el() > 0 && Long.compareUnsigned(va - register(c, "VBAR_EL" + c.el()), VECTORS) < 0;
    }

    /** ELR_ELx of the current EL: where the exception just taken returns to. */
    long exceptionReturn(Cpu c) {
        return register(c, "ELR_EL" + c.el());
    }

    private static long register(Cpu c, String name) {
        SysReg r = SysRegs.get(name);
        return r.policy().inspect(c, r);
    }

    private OptionalLong read(Cpu c, long address, int size) {
        return readLong(memory, c, address, size);
    }

    /** {@code size} (1 to 8) bytes at {@code address} in {@code c}'s regime, little-endian; empty on a fault. */
    static OptionalLong readLong(GuestMemory memory, Cpu c, long address, int size) {
        return readLong(memory, c, address, size, GuestMemory.regime(c));
    }

    /** The same, translated in {@code regime}. */
    static OptionalLong readLong(GuestMemory memory, Cpu c, long address, int size, TranslationRegime regime) {
        try {
            byte[] b = memory.readVirtual(c, address, size, regime);
            long v = 0;
            for (int i = size - 1; i >= 0; i--) {
                v = v << 8 | (b[i] & 0xff);
            }
            return OptionalLong.of(v);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty(); // not mapped, not RAM
        }
    }
}
