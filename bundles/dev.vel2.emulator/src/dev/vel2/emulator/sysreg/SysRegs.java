// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The system register table: one list of descriptors assembled from sections ({@link El2Registers},
 * {@link El1Registers}, ...). It checks itself when it loads: every register's fields cover bits 63..0 without
 * gaps or overlaps, names and encodings are unique, and every trap names a field of HCR_EL2.
 */
public final class SysRegs {

    public static final List<SysReg> ALL;
    private static final Map<Integer, SysReg> BY_KEY = new HashMap<>();
    private static final Map<String, SysReg> BY_NAME = new HashMap<>();
    private static final long[] READ_TRAP;
    private static final long[] WRITE_TRAP;
    private static final Enable[] EL0_ENABLE;
    private static final Enable[] EL1_ENABLE;
    private static final Enable[] EL2_TRAP;

    /** A lower-EL enable: access is permitted when any bit of {@code mask} in {@code reg} is 1. */
    public record Enable(SysReg reg, long mask) {
    }

    static {
        List<SysReg.Builder> builders = new ArrayList<>();
        builders.addAll(El2Registers.ROWS);
        builders.addAll(El1Registers.ROWS);
        builders.addAll(IdRegisters.ROWS);
        builders.addAll(TimerRegisters.ROWS);
        builders.addAll(PstateRegisters.ROWS);
        builders.addAll(SystemInstructions.ROWS);
        List<SysReg> all = new ArrayList<>(builders.size());
        for (SysReg.Builder b : builders) {
            SysReg r = b.build(all.size());
            check(r);
            if (BY_KEY.put(r.key(), r) != null) {
                throw new IllegalStateException("duplicate encoding " + r.name() + " " + r.encodingText());
            }
            if (BY_NAME.put(r.name().toUpperCase(Locale.ROOT), r) != null) {
                throw new IllegalStateException("duplicate name " + r.name());
            }
            all.add(r);
        }
        ALL = Collections.unmodifiableList(all);
        SysReg hcr = byName("HCR_EL2");
        READ_TRAP = new long[all.size()];
        WRITE_TRAP = new long[all.size()];
        EL0_ENABLE = new Enable[all.size()];
        EL1_ENABLE = new Enable[all.size()];
        EL2_TRAP = new Enable[all.size()];
        for (SysReg r : all) {
            READ_TRAP[r.index()] = trapMask(hcr, r.readTrap(), r);
            WRITE_TRAP[r.index()] = trapMask(hcr, r.writeTrap(), r);
            EL0_ENABLE[r.index()] = enable(r.el0Enable(), r);
            EL1_ENABLE[r.index()] = enable(r.el1Enable(), r);
            EL2_TRAP[r.index()] = enable(r.el2Trap(), r);
        }
    }

    /** Resolves {@code REG.FIELD[|FIELD...]} to the register and the mask of those fields. */
    private static Enable enable(String spec, SysReg r) {
        if (spec == null) {
            return null;
        }
        int dot = spec.indexOf('.');
        SysReg reg = byName(spec.substring(0, dot));
        if (reg == null) {
            throw new IllegalStateException(r.name() + " enabled by unknown register " + spec);
        }
        long m = 0;
        for (String f : spec.substring(dot + 1).split("\\|")) {
            m |= reg.field(f).mask();
        }
        return new Enable(reg, m);
    }

    private SysRegs() {
    }

    private static long trapMask(SysReg hcr, String bits, SysReg r) {
        if (bits == null) {
            return 0;
        }
        long m = 0;
        for (String b : bits.split("\\|")) {
            try {
                m |= hcr.field(b).mask();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(r.name() + " trapped by unknown HCR_EL2 field " + b, e);
            }
        }
        return m;
    }

    /** Fields must tile 63..0 exactly, listed from msb down. */
    static void check(SysReg r) {
        int next = 63;
        for (Field f : r.fields()) {
            if (f.msb() != next) {
                throw new IllegalStateException(r.name() + ": field " + f.name() + " starts at bit " + f.msb()
                        + ", expected " + next);
            }
            next = f.lsb() - 1;
        }
        if (next != -1) {
            throw new IllegalStateException(r.name() + ": fields leave bits " + next + ":0 undescribed");
        }
    }

    /** The register with this encoding, or null (an unallocated or IMPLEMENTATION DEFINED encoding). */
    public static SysReg byKey(int key) {
        return BY_KEY.get(key);
    }

    public static SysReg lookup(int op0, int op1, int crn, int crm, int op2) {
        return BY_KEY.get(SysReg.key(op0, op1, crn, crm, op2));
    }

    /** The table's name of an encoding, else its generic form {@code S3_0_C15_C2_0}. */
    public static String name(int key) {
        SysReg r = byKey(key);
        return r != null ? r.name() : SysRegKey.of(key).genericName().toUpperCase(Locale.ROOT);
    }

    /** By architectural name, case-insensitive ({@code "ttbr0_el1"}). */
    public static SysReg byName(String name) {
        return BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    /** HCR_EL2 bits that trap an EL0/EL1 read of {@code r} (0: none). */
    public static long readTrapMask(SysReg r) {
        return READ_TRAP[r.index()];
    }

    /** HCR_EL2 bits that trap an EL0/EL1 write of {@code r} (0: none). */
    public static long writeTrapMask(SysReg r) {
        return WRITE_TRAP[r.index()];
    }

    /** The bits that permit an EL0 access of {@code r} (else it traps to EL1), or null when EL0 is not gated. */
    public static Enable el0Enable(SysReg r) {
        return EL0_ENABLE[r.index()];
    }

    /** The bit that permits an EL0/EL1 access of {@code r} (else it traps to EL2), or null when not gated. */
    public static Enable el1Enable(SysReg r) {
        return EL1_ENABLE[r.index()];
    }

    /** The bit that traps an EL0/EL1 access of {@code r} to EL2 while set, or null when none does. */
    public static Enable el2Trap(SysReg r) {
        return EL2_TRAP[r.index()];
    }

    public static SysReg get(String name) {
        SysReg r = byName(name);
        if (r == null) {
            throw new IllegalArgumentException("no system register " + name);
        }
        return r;
    }
}
