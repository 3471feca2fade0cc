// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.OptionalLong;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.cpu.SystemOperations;

/** The named policies of {@link Policy}; the comment on each emulation names the HCR_EL2 bits that trap there. */
enum StandardPolicy implements Policy {
    STORED {
        @Override
        public long read(Cpu c, SysReg r) {
            return c.sysreg(r);
        }

        /** setSysreg bumps the translation generation: the row may be a translation control the MMU re-checks. */
        @Override
        public void write(Cpu c, SysReg r, long value) {
            c.setSysreg(r, r.sanitiseWrite(value));
        }

        // HCR_EL2.TRVM: the live register holds the guest's value; the shadow copy mirrors it.
        @Override
        public OptionalLong emulateRead(TrapContext t, SysReg r) {
            return OptionalLong.of(t.cpu().sysreg(r));
        }

        // HCR_EL2.TVM: the write takes effect, and the shadow copy takes it (dirty for the lazy switch).
        @Override
        public boolean emulateWrite(TrapContext t, SysReg r, long value) {
            SysRegAccess.write(t.cpu(), r, value);
            t.wrote(r, t.cpu().sysreg(r));
            return true;
        }

        @Override
        public boolean stored() {
            return true;
        }
    },
    ID {
        @Override
        public long read(Cpu c, SysReg r) {
            return r.view() != null ? r.view().read(c) : c.sysreg(r);
        }

        // HCR_EL2.TID1/TID2/TID3: the VM's virtual value of the real one as an MRS reads it (CCSIDR_EL1 by CSSELR_EL1).
        @Override
        public OptionalLong emulateRead(TrapContext t, SysReg r) {
            return OptionalLong.of(t.idValue(r, read(t.cpu(), r)));
        }
    },
    VIRTUALIZED_ID {
        @Override
        public long read(Cpu c, SysReg r) {
            if (c.el() < 2 && c.el2Enabled()) {
                return c.sysreg(c.sysRegs().virtualizedBy(r));
            }
            return c.sysreg(r);
        }
    },
    RAZ_WI {
        @Override
        public long read(Cpu c, SysReg r) {
            return 0;
        }

        @Override
        public boolean modifiable(SysReg r) {
            return false;
        }
    },
    PSTATE(true) {
        @Override
        public boolean accessible(Cpu c, SysReg r) {
            return r.view().accessible(c);
        }
    },
    /** Reads and writes through the row's view, which keeps the state in this row or others (a set/clear pair). */
    LINKED(true),
    DEVICE(true) {
        @Override
        public long read(Cpu c, SysReg r) {
            return c.platform().readDeviceSysReg(c, r);
        }

        @Override
        public void write(Cpu c, SysReg r, long value) {
            c.platform().writeDeviceSysReg(c, r, value);
        }
    },
    GIC_CPU_INTERFACE {
        @Override
        public long read(Cpu c, SysReg r) {
            return DEVICE.read(c, r);
        }

        @Override
        public void write(Cpu c, SysReg r, long value) {
            DEVICE.write(c, r, value);
        }

        /** ARM ARM D13.2: the ICC_ and ICH_ registers exist when ID_AA64PFR0_EL1.GIC is not 0. */
        @Override
        public boolean accessible(Cpu c, SysReg r) {
            return (c.sysreg(GicInterface.PFR0) & GicInterface.GIC) != 0;
        }

        // HCR_EL2.IMO/FMO: the SGI generators trapped from EL1 do what they would have done.
        @Override
        public boolean emulateWrite(TrapContext t, SysReg r, long value) {
            write(t.cpu(), r, value);
            return true;
        }

        /** Without side effects: write-only registers and those a read changes ({@link SysReg#readEffect}) show 0. */
        @Override
        public long inspect(Cpu c, SysReg r) {
            return r.access().readEl() == Access.NEVER || r.readEffect() != null || !accessible(c, r) ? 0 : read(c, r);
        }

        @Override
        public void modify(Cpu c, SysReg r, long value) {
            if (accessible(c, r) && r.access().writeEl() != Access.NEVER) {
                write(c, r, value);
            }
        }
    },
    OPERATION {
        @Override
        public long read(Cpu c, SysReg r) {
            return 0;
        }

        @Override
        public void write(Cpu c, SysReg r, long value) {
            SystemOperations.perform(c, r, value);
        }

        // HCR_EL2.TTLB/TPU/TPCP/TSW/TDZ: maintenance performed on the guest's behalf.
        @Override
        public boolean emulateWrite(TrapContext t, SysReg r, long value) {
            SysRegAccess.write(t.cpu(), r, value);
            return true;
        }

        @Override
        public void modify(Cpu c, SysReg r, long value) {
            throw new IllegalArgumentException(r.name() + " is an operation, not a register");
        }

        @Override
        public boolean modifiable(SysReg r) {
            return false;
        }

        @Override
        public boolean operation() {
            return true;
        }
    };

    /** The CPU computes the value (a view, a device): a debugger reads and writes it as an MRS/MSR would. */
    private final boolean computed;

    StandardPolicy() {
        this(false);
    }

    StandardPolicy(boolean computed) {
        this.computed = computed;
    }

    /** The row's view (PSTATE, LINKED); the other policies read in their own way. */
    @Override
    public long read(Cpu c, SysReg r) {
        return r.view().read(c);
    }

    /**
     * The row's view (PSTATE, LINKED); ignored by read-only rows (ID, VIRTUALIZED_ID: the access check made it
     * UNDEFINED) and RAZ_WI.
     */
    @Override
    public void write(Cpu c, SysReg r, long value) {
        if (computed) {
            r.view().write(c, value);
        }
    }

    @Override
    public long inspect(Cpu c, SysReg r) {
        return computed ? SysRegAccess.read(c, r) : c.sysreg(r);
    }

    @Override
    public void modify(Cpu c, SysReg r, long value) {
        if (computed) {
            SysRegAccess.write(c, r, value);
        } else {
            c.setSysreg(r, value);
        }
    }

    /** ID_AA64PFR0_EL1.GIC, looked up once the table exists (the policies are made while it is built). */
    private static final class GicInterface {
        static final SysReg PFR0 = SysRegs.get("ID_AA64PFR0_EL1");
        static final long GIC = PFR0.field("GIC").mask();
    }
}
