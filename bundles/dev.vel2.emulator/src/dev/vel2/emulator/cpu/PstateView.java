// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The system registers that are views of PSTATE, of the banked stack pointers and of pending interrupts: one
 * accessor per row of the table's PSTATE section ({@code PstateRegisters}), which names it.
 */
public final class PstateView {
    public static final SysReg.View CURRENT_EL = c -> (long) c.el << Layout.EL;
    public static final SysReg.View NZCV = new Accessor(c -> (long) c.nzcv() << Layout.NZCV,
            (c, v) -> c.setNzcv((int) (v >>> Layout.NZCV) & 0xf));
    public static final SysReg.View DAIF = new Accessor(c -> (long) c.daif << Layout.DAIF,
            (c, v) -> c.daif = (int) (v >>> Layout.DAIF) & 0xf);
    public static final SysReg.View SPSEL = new Accessor(c -> c.spx ? 1 : 0, (c, v) -> c.spx = (v & 1) != 0);
    public static final SysReg.View SP_EL0 = new StackPointer(0);
    public static final SysReg.View SP_EL1 = new StackPointer(1);
    public static final SysReg.View ISR_EL1 = PstateView::isr;

    private PstateView() {
    }

    /** A view that reads and writes PSTATE state. */
    private record Accessor(ToLongFunction<Cpu> read, ObjLongConsumer<Cpu> write) implements SysReg.View {
        @Override
        public long read(Cpu c) {
            return read.applyAsLong(c);
        }

        @Override
        public void write(Cpu c, long value) {
            write.accept(c, value);
        }
    }

    /** SP_ELn; SP_EL0 is UNDEFINED while PSTATE.SP selects it (ARM ARM, SP_EL0 accessibility). */
    private record StackPointer(int level) implements SysReg.View {
        @Override
        public long read(Cpu c) {
            return c.sp[level];
        }

        @Override
        public void write(Cpu c, long value) {
            c.sp[level] = value;
        }

        @Override
        public boolean accessible(Cpu c) {
            return level > 0 || c.spx;
        }
    }

    /**
     * ISR_EL1.I/F: at EL0/EL1 with HCR_EL2.IMO/FMO set they show the virtual interrupt, else the physical one
     * (masked or not).
     */
    private static long isr(Cpu c) {
        int lines = ExceptionModel.pendingLines(c);
        long hcr = c.hcr();
        boolean lower = c.el < 2;
        boolean irq = lower && (hcr & ExceptionModel.HCR_IMO) != 0 ? (lines & 4) != 0 : (lines & 1) != 0;
        boolean fiq = lower && (hcr & ExceptionModel.HCR_FMO) != 0 ? (lines & 8) != 0 : (lines & 2) != 0;
        return (irq ? Layout.ISR_I : 0) | (fiq ? Layout.ISR_F : 0);
    }

    /** Where the rows put PSTATE's bits, read once the table has loaded (it names these views while it loads). */
    private static final class Layout {
        static final int EL = SysRegs.get("CurrentEL").field("EL").lsb();
        static final int NZCV = SysRegs.get("NZCV").field("V").lsb();
        static final int DAIF = SysRegs.get("DAIF").field("F").lsb();
        static final long ISR_I = SysRegs.get("ISR_EL1").field("I").mask();
        static final long ISR_F = SysRegs.get("ISR_EL1").field("F").mask();
    }
}
