// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.vel2.emulator.cpu.Cpu;

/**
 * One descriptor of the system register table: encoding, name, fields covering bits 63..0, reset value (null
 * when the architecture says UNKNOWN), access per EL, the HCR_EL2 bits that trap reads and writes from EL0/EL1, the
 * lower-EL enables that gate EL0 (and EL1) access, and the policy that carries out an access. The CPU, the
 * hypervisor, the disassembler and the views all read these; nobody writes a register's layout a second time.
 *
 * @param index         position in its {@link SysRegTable}, also the slot of the register's storage in a vCPU
 * @param el0Enable     {@code REG.FIELD[|FIELD]}: EL0 accesses trap to EL1 (EL2 when HCR_EL2.TGE) unless one of these
 *                      bits is 1, e.g. {@code SCTLR_EL1.UCT}; null when EL0 access is not gated
 * @param el1Enable     {@code REG.FIELD}: EL0/EL1 accesses trap to EL2 unless this bit is 1, e.g.
 *                      {@code CNTHCTL_EL2.EL1PCTEN}; null when not gated
 * @param el2Trap       {@code REG.FIELD}: EL0/EL1 accesses trap to EL2 while this bit is 1, e.g.
 *                      {@code CPTR_EL2.TCPAC}; null when there is none
 * @param fp            accesses are SIMD/FP accesses, trapped by CPACR_EL1.FPEN and CPTR_EL2.TFP (FPCR, FPSR)
 * @param view          how the CPU computes the register (PSTATE views, CCSIDR_EL1), or null
 * @param virtualizedBy the EL2 register whose value EL1 reads without a trap ({@code VPIDR_EL2}), or null
 * @param shadowed      a stage-1 control the virtual EL2 keeps a shadow copy of (its writes trap with HCR_EL2.TVM)
 * @param sanitised     the field values a guest of the virtual EL2 reads of an ID register whatever the PE's are
 * @param readEffect    what a read does besides returning the value ({@code ICC_IAR1_EL1}: acknowledges an
 *                      interrupt), or null: a debugger does not read such a register ({@link Policy#inspect})
 * @param written       what a write keeps of the value: RES0 bits cleared, RES1 and RAO/WI bits set (from the
 *                      fields, once: an MSR, a trapped one too, applies it)
 */
public record SysReg(int index, String name, SysRegKey encoding, List<Field> fields, Long reset, Access access,
        String readTrap, String writeTrap, String el0Enable, String el1Enable, String el2Trap, boolean fp,
        Policy policy, View view, String virtualizedBy, boolean shadowed, Sanitised sanitised, String description,
        String readEffect, Sanitised written) {

    /** How the CPU computes a register it does not simply store: a view of PSTATE, a value derived from others. */
    public interface View {
        long read(Cpu c);

        default void write(Cpu c, long value) {
            // a read-only view
        }

        /** False where the access is UNDEFINED in the vCPU's state (SP_EL0 while PSTATE.SP selects it). */
        default boolean accessible(Cpu c) {
            return true;
        }
    }

    /**
     * Bits {@code mask} of a value forced to {@code bits}: of an ID register read under the virtual EL2 (KVM's
     * ID_SANITISED), of any register written ({@link #written}).
     */
    public record Sanitised(long mask, long bits) {
        public static final Sanitised NONE = new Sanitised(0, 0);

        public long apply(long real) {
            return (real & ~mask) | bits;
        }
    }

    /** The encoding key used by lookups: op0:op1:CRn:CRm:op2 packed as in the MRS/MSR instruction. */
    public static int key(int op0, int op1, int crn, int crm, int op2) {
        return SysRegKey.pack(op0, op1, crn, crm, op2);
    }

    public int key() {
        return encoding.packed();
    }

    /** The generic name objdump prints for an encoding it does not know: {@code s3_0_c0_c7_0}. */
    public static String genericName(int op0, int op1, int crn, int crm, int op2) {
        return new SysRegKey(op0, op1, crn, crm, op2).genericName();
    }

    /** The name as the disassembler prints it: lower case. */
    public String asmName() {
        return name.toLowerCase(Locale.ROOT);
    }

    public Field field(String fieldName) {
        return field(name, fields, fieldName);
    }

    private static Field field(String reg, List<Field> fields, String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        throw new IllegalArgumentException(reg + " has no field " + fieldName);
    }

    /**
     * What {@code value} asks for that vel2 does not do, through the fields it keeps without acting on them
     * ({@link Field#gap}): {@code ICH_HCR_EL2.TC: EL1's ICC_ accesses do not trap}, several joined by "; ", or null.
     */
    public String gaps(long value) {
        StringBuilder b = null;
        for (Field f : fields) {
            if (f.gap() != null && f.get(value) != 0) {
                b = b == null ? new StringBuilder() : b.append("; ");
                b.append(name).append('.').append(f.name()).append(": ").append(f.gap());
            }
        }
        return b == null ? null : b.toString();
    }

    /** The fields that are RES1. */
    private static final Predicate<Field> RES1 = f -> f.kind() == Field.Kind.RES1;
    /** The fields that read as one and ignore writes on this PE ({@link Field#readsAsOne}). */
    private static final Predicate<Field> RAO = f -> f.readsAsOne() != null;
    /** The fields a write may change: not RES0/RES1, not RAO/WI. */
    private static final Predicate<Field> WRITABLE = f -> !f.reserved() && f.readsAsOne() == null;

    /** Bits that are RES1. */
    public long res1Mask() {
        return mask(fields, RES1);
    }

    /** Bits of the fields that read as one and ignore writes on this PE ({@link Field#readsAsOne}). */
    public long raoMask() {
        return mask(fields, RAO);
    }

    /** Bits a write may change (everything but RES0/RES1 and RAO/WI). */
    public long writableMask() {
        return ~written.mask();
    }

    /** Normalises a written value: RES0 bits cleared, RES1 and RAO/WI bits set. */
    public long sanitiseWrite(long v) {
        return written.apply(v);
    }

    private static long mask(List<Field> fields, Predicate<Field> which) {
        long m = 0;
        for (Field f : fields) {
            if (which.test(f)) {
                m |= f.mask();
            }
        }
        return m;
    }

    /** What a guest of the virtual EL2 reads of this ID register when the PE holds {@code real}. */
    public long sanitisedId(long real) {
        return sanitised.apply(real);
    }

    public boolean isSystemInstruction() {
        return policy.operation();
    }

    /**
     * DC: data cache maintenance, which changes no system state here (caches are not modelled; DC ZVA is a store), so
     * that blocks hold it and it makes no interrupt check.
     */
    public boolean isDataCacheMaintenance() {
        return isSystemInstruction() && name.startsWith("DC_");
    }

    /** A system instruction whose Xt carries an argument (objdump prints it); false when Xt is ignored. */
    public boolean takesRegister() {
        return writableMask() != 0;
    }

    public String encodingText() {
        return encoding.text();
    }

    /** Fluent construction for the table sections. */
    public static final class Builder {
        private final String name;
        private final SysRegKey encoding;
        private final List<Field> fields = new ArrayList<>();
        private Long reset;
        private Access access = Access.EL1_RW;
        private String readTrap;
        private String writeTrap;
        private String el0Enable;
        private String el1Enable;
        private String el2Trap;
        private boolean fp;
        private Policy policy = Policy.STORED;
        private View view;
        private String virtualizedBy;
        private boolean shadowed;
        private final Map<String, Long> sanitise = new LinkedHashMap<>();
        private String description = "";
        private String readEffect;

        Builder(String name, SysRegKey encoding) {
            this.name = name;
            this.encoding = encoding;
        }

        public Builder fields(Field... f) {
            Collections.addAll(fields, f);
            return this;
        }

        /** A register with one field over all 64 bits (addresses, counters, plain values). */
        public Builder value(String fieldName, String meaning) {
            fields.add(Field.f(fieldName, 63, 0, meaning));
            return this;
        }

        public Builder reset(long v) {
            reset = v;
            return this;
        }

        public Builder access(Access a) {
            access = a;
            return this;
        }

        /** HCR_EL2 field that traps EL0/EL1 reads of this register, e.g. {@code TID3}. */
        public Builder readTrap(String hcrField) {
            readTrap = hcrField;
            return this;
        }

        /** HCR_EL2 field that traps EL0/EL1 writes of this register, e.g. {@code TVM}. */
        public Builder writeTrap(String hcrField) {
            writeTrap = hcrField;
            return this;
        }

        /** HCR_EL2 field that traps EL0/EL1 reads and writes alike, e.g. {@code TID2} for CSSELR_EL1. */
        public Builder trap(String hcrField) {
            readTrap = hcrField;
            writeTrap = hcrField;
            return this;
        }

        /** One of the virtual memory controls: HCR_EL2.TVM traps EL0/EL1 writes, HCR_EL2.TRVM reads. */
        public Builder vmControl() {
            return writeTrap("TVM").readTrap("TRVM");
        }

        /** A stage-1 control the virtual EL2 shadows: the table's shadow set (a {@link #vmControl()} too). */
        public Builder shadowed() {
            shadowed = true;
            return vmControl();
        }

        /** EL0 access needs one of these bits set ({@code SCTLR_EL1.UCT}), else it traps to EL1 with EC 0x18. */
        public Builder el0Enable(String registerFields) {
            el0Enable = registerFields;
            return this;
        }

        /** EL0/EL1 access needs this bit set ({@code CNTHCTL_EL2.EL1PCTEN}), else it traps to EL2 with EC 0x18. */
        public Builder el1Enable(String registerField) {
            el1Enable = registerField;
            return this;
        }

        /** EL0/EL1 access traps to EL2 with EC 0x18 while this bit is set ({@code CPTR_EL2.TCPAC}). */
        public Builder el2Trap(String registerField) {
            el2Trap = registerField;
            return this;
        }

        /** Accesses are SIMD/FP accesses (CPACR_EL1.FPEN, CPTR_EL2.TFP trap them with EC 0x07). */
        public Builder fp() {
            fp = true;
            return this;
        }

        public Builder policy(Policy p) {
            policy = p;
            return this;
        }

        /** The CPU computes the register through {@code v} (PSTATE rows; an ID value derived from another). */
        public Builder view(View v) {
            view = v;
            return this;
        }

        /** A {@link Policy#PSTATE} row: the CPU reads and writes it through {@code v}. */
        public Builder pstate(View v) {
            return policy(Policy.PSTATE).view(v);
        }

        /** EL1 reads return {@code el2Register} when EL2 is enabled ({@link Policy#VIRTUALIZED_ID}). */
        public Builder virtualizedBy(String el2Register) {
            virtualizedBy = el2Register;
            return this;
        }

        /** Field {@code fieldName} of this ID register reads as {@code value} under the virtual EL2. */
        public Builder sanitise(String fieldName, long value) {
            sanitise.put(fieldName, value);
            return this;
        }

        public Builder about(String d) {
            description = d;
            return this;
        }

        /** A read does {@code what} besides returning the value: a debugger shows the register without reading it. */
        public Builder readEffect(String what) {
            readEffect = what;
            return this;
        }

        SysReg build(int index) {
            long mask = 0;
            long bits = 0;
            for (Map.Entry<String, Long> e : sanitise.entrySet()) {
                Field f = field(name, fields, e.getKey());
                mask |= f.mask();
                bits = f.set(bits, e.getValue());
            }
            long writable = mask(fields, WRITABLE);
            long ones = mask(fields, RES1.or(RAO));
            return new SysReg(index, name, encoding, List.copyOf(fields), reset, access, readTrap, writeTrap,
                    el0Enable, el1Enable, el2Trap, fp, policy, view, virtualizedBy, shadowed,
                    mask == 0 ? Sanitised.NONE : new Sanitised(mask, bits), description, readEffect,
                    new Sanitised(~writable, ones));
        }
    }

    public static Builder reg(String name, int op0, int op1, int crn, int crm, int op2) {
        return new Builder(name, new SysRegKey(op0, op1, crn, crm, op2));
    }
}
