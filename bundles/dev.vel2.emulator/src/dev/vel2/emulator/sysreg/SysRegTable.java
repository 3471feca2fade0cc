// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A system register table: descriptors in order, looked up by encoding and name, with every reference between rows
 * (trap bits, enables, virtualizing registers) resolved once. It checks itself when it is built: every register's
 * fields cover bits 63..0 without gaps or overlaps, names and encodings are unique, every trap names a field of
 * HCR_EL2, and every row has what its policy needs. {@link SysRegs#TABLE} is the PE vel2 models; {@link #with}
 * extends a table by rows (a later architecture's registers, a test's), keeping the descriptors it has.
 */
public final class SysRegTable {
    private final List<SysReg> all;
    /** The index of the first row {@link #with} added, or the size: rows from here on the decoder does not know. */
    private final int firstAdded;
    private final Map<Integer, SysReg> byKey = new HashMap<>();
    private final Map<String, SysReg> byName = new HashMap<>();
    private final long[] readTrap;
    private final long[] writeTrap;
    /** Per register: the bits of its fields vel2 keeps without acting on them ({@link Field#gap}). */
    private final long[] gaps;
    private final Enable[] el0Enable;
    private final Enable[] el1Enable;
    private final Enable[] el2Trap;
    private final SysReg[] virtualizedBy;
    private final List<SysReg> shadowed;

    /** A lower-EL enable: access is permitted when any bit of {@code mask} in {@code reg} is 1. */
    public record Enable(SysReg reg, long mask) {
    }

    /** The table of {@code sections}' rows, in order. */
    static SysRegTable of(List<List<SysReg.Builder>> sections) {
        List<SysReg.Builder> rows = new ArrayList<>();
        sections.forEach(rows::addAll);
        return new SysRegTable(List.of(), rows, -1);
    }

    private SysRegTable(List<SysReg> base, List<SysReg.Builder> rows, int firstAdded) {
        List<SysReg> list = new ArrayList<>(base);
        for (SysReg.Builder b : rows) {
            list.add(b.build(list.size()));
        }
        for (SysReg r : list) {
            check(r);
            if (byKey.put(r.key(), r) != null) {
                throw new IllegalStateException("duplicate encoding " + r.name() + " " + r.encodingText());
            }
            if (byName.put(r.name().toUpperCase(Locale.ROOT), r) != null) {
                throw new IllegalStateException("duplicate name " + r.name());
            }
        }
        all = Collections.unmodifiableList(list);
        this.firstAdded = firstAdded < 0 ? list.size() : firstAdded;
        SysReg hcr = get("HCR_EL2");
        int n = list.size();
        readTrap = new long[n];
        writeTrap = new long[n];
        gaps = new long[n];
        el0Enable = new Enable[n];
        el1Enable = new Enable[n];
        el2Trap = new Enable[n];
        virtualizedBy = new SysReg[n];
        List<SysReg> shadow = new ArrayList<>();
        for (SysReg r : list) {
            int i = r.index();
            readTrap[i] = trapMask(hcr, r.readTrap(), r);
            writeTrap[i] = trapMask(hcr, r.writeTrap(), r);
            gaps[i] = r.fields().stream().filter(f -> f.gap() != null).mapToLong(Field::mask)
                    .reduce(0, (a, b) -> a | b);
            el0Enable[i] = enable(r.el0Enable(), r);
            el1Enable[i] = enable(r.el1Enable(), r);
            el2Trap[i] = enable(r.el2Trap(), r);
            virtualizedBy[i] = r.virtualizedBy() == null ? null : reference(r.virtualizedBy(), r);
            checkPolicy(r, hcr);
            if (r.shadowed()) {
                shadow.add(r);
            }
        }
        shadowed = List.copyOf(shadow);
    }

    /** This table's rows, then {@code rows}: the same descriptors and indexes, and the added ones after them. */
    public SysRegTable with(List<SysReg.Builder> rows) {
        return new SysRegTable(all, rows, firstAdded);
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

    /** A row has what its policy reads: a view for PSTATE, the EL2 register for VIRTUALIZED_ID, TVM for a shadow. */
    private void checkPolicy(SysReg r, SysReg hcr) {
        if ((r.policy() == Policy.PSTATE || r.policy() == Policy.LINKED) && r.view() == null) {
            throw new IllegalStateException(r.name() + ": a " + r.policy().name() + " row needs a view");
        }
        if ((r.policy() == Policy.VIRTUALIZED_ID) != (r.virtualizedBy() != null)) {
            throw new IllegalStateException(r.name() + ": virtualized by a register only with VIRTUALIZED_ID");
        }
        if (r.shadowed() && (writeTrapMask(r) & hcr.field("TVM").mask()) == 0) {
            throw new IllegalStateException(r.name() + ": shadowed but its writes are not trapped by TVM");
        }
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

    /** Resolves {@code REG.FIELD[|FIELD...]} to the register and the mask of those fields. */
    private Enable enable(String spec, SysReg r) {
        if (spec == null) {
            return null;
        }
        int dot = spec.indexOf('.');
        SysReg reg = reference(spec.substring(0, dot), r);
        long m = 0;
        for (String f : spec.substring(dot + 1).split("\\|")) {
            m |= reg.field(f).mask();
        }
        return new Enable(reg, m);
    }

    private SysReg reference(String name, SysReg from) {
        SysReg reg = byName(name);
        if (reg == null) {
            throw new IllegalStateException(from.name() + " refers to unknown register " + name);
        }
        return reg;
    }

    /** Every row in table order; a row's {@link SysReg#index()} is its position. */
    public List<SysReg> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** The register with this encoding, or null (an unallocated or IMPLEMENTATION DEFINED encoding). */
    public SysReg byKey(int key) {
        return byKey.get(key);
    }

    public SysReg lookup(int op0, int op1, int crn, int crm, int op2) {
        return byKey.get(SysRegKey.pack(op0, op1, crn, crm, op2));
    }

    /**
     * The row {@link #with} added for this encoding, or null: the CPU and the virtual EL2 ask only when the decoder
     * (which knows the standard table) names no register, and a table with no added row answers without a lookup.
     */
    public SysReg added(int op0, int op1, int crn, int crm, int op2) {
        if (firstAdded == all.size()) {
            return null;
        }
        SysReg r = lookup(op0, op1, crn, crm, op2);
        return r != null && r.index() >= firstAdded ? r : null;
    }

    /** By architectural name, case-insensitive ({@code "ttbr0_el1"}). */
    public SysReg byName(String name) {
        return byName.get(name.toUpperCase(Locale.ROOT));
    }

    public SysReg get(String name) {
        SysReg r = byName(name);
        if (r == null) {
            throw new IllegalArgumentException("no system register " + name);
        }
        return r;
    }

    /** The table's name of an encoding, else its generic form {@code S3_0_C15_C2_0}. */
    public String name(int key) {
        SysReg r = byKey(key);
        return r != null ? r.name() : SysRegKey.of(key).genericName().toUpperCase(Locale.ROOT);
    }

    /** HCR_EL2 bits that trap an EL0/EL1 read of {@code r} (0: none). */
    public long readTrapMask(SysReg r) {
        return readTrap[r.index()];
    }

    /** HCR_EL2 bits that trap an EL0/EL1 write of {@code r} (0: none). */
    public long writeTrapMask(SysReg r) {
        return writeTrap[r.index()];
    }

    /** The bits of {@code r} whose fields vel2 keeps without acting on them (0: none): a write setting one is told. */
    public long gapMask(SysReg r) {
        return gaps[r.index()];
    }

    /** The bits that permit an EL0 access of {@code r} (else it traps to EL1), or null when EL0 is not gated. */
    public Enable el0Enable(SysReg r) {
        return el0Enable[r.index()];
    }

    /** The bit that permits an EL0/EL1 access of {@code r} (else it traps to EL2), or null when not gated. */
    public Enable el1Enable(SysReg r) {
        return el1Enable[r.index()];
    }

    /** The bit that traps an EL0/EL1 access of {@code r} to EL2 while set, or null when none does. */
    public Enable el2Trap(SysReg r) {
        return el2Trap[r.index()];
    }

    /** The EL2 register EL1 reads in place of {@code r} ({@link SysReg#virtualizedBy()}), or null. */
    public SysReg virtualizedBy(SysReg r) {
        return virtualizedBy[r.index()];
    }

    /** The stage-1 controls the virtual EL2 shadows ({@link SysReg#shadowed()}), in table order. */
    public List<SysReg> shadowed() {
        return shadowed;
    }
}
