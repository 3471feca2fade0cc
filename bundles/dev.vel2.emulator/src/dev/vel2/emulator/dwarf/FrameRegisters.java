// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.OptionalLong;

/**
 * The registers of one stack frame as far as they are known, by DWARF register number (AArch64 DWARF ABI: 0-30 are
 * X0-X30, 31 is SP), and the frame's PC. In a frame the unwinder made, the PC is a return address: the instruction
 * after the call, so its line and CFI are those of the address before it ({@link #lookupPc()}).
 */
public final class FrameRegisters {
    public static final int FP = 29;
    public static final int LR = 30;
    public static final int SP = 31;
    static final int COUNT = 32;

    private final long[] values = new long[COUNT];
    private long known;
    private final long pc;
    private final boolean returnAddress;

    FrameRegisters(long pc, boolean returnAddress) {
        this.pc = pc;
        this.returnAddress = returnAddress;
    }

    /** The frame the CPU is in: X0-X30 ({@code x}, 31 values), SP and PC, all known. */
    public static FrameRegisters of(long pc, long sp, long[] x) {
        FrameRegisters f = new FrameRegisters(pc, false);
        for (int n = 0; n < LR + 1; n++) {
            f.set(n, x[n]);
        }
        f.set(SP, sp);
        return f;
    }

    void set(int register, long value) {
        values[register] = value;
        known |= 1L << register;
    }

    boolean isKnown(int register) {
        return register >= 0 && register < COUNT && (known & 1L << register) != 0;
    }

    long value(int register) {
        return values[register];
    }

    /** The register's value, empty when the unwinder could not recover it. */
    public OptionalLong register(int register) {
        return isKnown(register) ? OptionalLong.of(values[register]) : OptionalLong.empty();
    }

    public long pc() {
        return pc;
    }

    /** SP: always known in a frame the unwinder made (the CFA of the frame it came from). */
    public long sp() {
        return values[SP];
    }

    /** True when {@link #pc()} is a return address (a caller's frame), not where the CPU stopped. */
    public boolean returnAddress() {
        return returnAddress;
    }

    /** The address that names this frame's code: the PC, or the byte before a return address (as GDB does). */
    public long lookupPc() {
        return returnAddress ? pc - 1 : pc;
    }
}
