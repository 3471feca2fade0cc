// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One descriptor of the system register table: encoding, name, fields covering bits 63..0, reset value (null
 * when the architecture says UNKNOWN), access per EL, the HCR_EL2 bits that trap reads and writes from EL0/EL1, and
 * the policy that carries out a permitted access. The CPU, the hypervisor, the disassembler and the views all
 * read these; nobody writes a register's layout a second time.
 *
 * @param index position in {@link SysRegs#ALL}, also the slot of the register's storage in a vCPU
 */
public record SysReg(int index, String name, int op0, int op1, int crn, int crm, int op2, List<Field> fields,
        Long reset, Access access, String readTrap, String writeTrap, Policy policy, String description) {

    /** The encoding key used by lookups: op0:op1:CRn:CRm:op2 packed as in the MRS/MSR instruction. */
    public static int key(int op0, int op1, int crn, int crm, int op2) {
        return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    }

    public int key() {
        return key(op0, op1, crn, crm, op2);
    }

    /** The generic name objdump prints for an encoding it does not know: {@code s3_0_c0_c7_0}. */
    public static String genericName(int op0, int op1, int crn, int crm, int op2) {
        return "s" + op0 + "_" + op1 + "_c" + crn + "_c" + crm + "_" + op2;
    }

    /** The name as the disassembler prints it: lower case. */
    public String asmName() {
        return name.toLowerCase(Locale.ROOT);
    }

    public Field field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name + " has no field " + fieldName);
    }

    /** Bits that are RES1. */
    public long res1Mask() {
        long m = 0;
        for (Field f : fields) {
            if (f.name().equals("RES1")) {
                m |= f.mask();
            }
        }
        return m;
    }

    /** Bits a write may change (everything but RES0/RES1). */
    public long writableMask() {
        long m = 0;
        for (Field f : fields) {
            if (!f.reserved()) {
                m |= f.mask();
            }
        }
        return m;
    }

    /** Normalises a written value: RES0 bits cleared, RES1 bits set. */
    public long sanitiseWrite(long v) {
        return (v & writableMask()) | res1Mask();
    }

    public boolean isSystemInstruction() {
        return policy == Policy.OPERATION;
    }

    public String encodingText() {
        return "op0=" + op0 + " op1=" + op1 + " CRn=" + crn + " CRm=" + crm + " op2=" + op2;
    }

    /** Fluent construction for the table sections. */
    public static final class Builder {
        private final String name;
        private final int op0, op1, crn, crm, op2;
        private final List<Field> fields = new ArrayList<>();
        private Long reset;
        private Access access = Access.EL1_RW;
        private String readTrap;
        private String writeTrap;
        private Policy policy = Policy.STORED;
        private String description = "";

        Builder(String name, int op0, int op1, int crn, int crm, int op2) {
            this.name = name;
            this.op0 = op0;
            this.op1 = op1;
            this.crn = crn;
            this.crm = crm;
            this.op2 = op2;
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

        public Builder policy(Policy p) {
            policy = p;
            return this;
        }

        public Builder about(String d) {
            description = d;
            return this;
        }

        SysReg build(int index) {
            return new SysReg(index, name, op0, op1, crn, crm, op2, List.copyOf(fields), reset, access, readTrap,
                    writeTrap, policy, description);
        }
    }

    public static Builder reg(String name, int op0, int op1, int crn, int crm, int op2) {
        return new Builder(name, op0, op1, crn, crm, op2);
    }
}
