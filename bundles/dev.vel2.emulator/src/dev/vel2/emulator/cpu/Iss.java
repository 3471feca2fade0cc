// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vel2.emulator.memory.MmuFault;
import dev.vel2.emulator.sysreg.Field;

/**
 * ESR_ELx.ISS (bits 24:0) as one typed view per exception class this PE produces (ARM ARM D17.2.37 ESR_EL1, "ISS
 * encoding for an exception from ..."): each view builds its bits ({@link #encode}), decodes them, and lists its
 * fields for a debugger ({@link #layout}). {@link Syndrome} picks the view by EC. The layouts are ARMv8.0's, as
 * the modelled Cortex-A57 reports them; later extensions' fields (FEAT_RAS SET, FEAT_NV VNCR, FEAT_WFxT) are RES0.
 */
public sealed interface Iss {
    /** COND with CV = 1, as a trapped A64 instruction reports it (ARM ARM: "CV is set to 1, COND to 0b1110"). */
    int CONDITION_ALWAYS = 0b1110;
    /** DFSC/IFSC of a synchronous external abort that is not on a translation table walk. */
    int SYNCHRONOUS_EXTERNAL_ABORT = 0b010000;
    /** DFSC of an alignment fault. */
    int ALIGNMENT_FAULT = 0b100001;

    /** The 25 ISS bits. */
    int encode();

    /** The fields, bit 24 first, RES0 included: one for every ISS bit. */
    List<Field> layout();

    private static int put(Field f, long v) {
        return (int) f.set(0, v);
    }

    private static int get(Field f, int iss) {
        return (int) f.get(iss);
    }

    private static int put(Field f, boolean v) {
        return v ? (int) f.mask() : 0;
    }

    private static boolean is(Field f, int iss) {
        return (iss & f.mask()) != 0;
    }

    /** The fault status codes (DFSC, IFSC) vel2 reports, in words: the MMU's fault types at each level and two more. */
    private static Map<Long, String> faultStatusCodes() {
        Map<Long, String> m = new HashMap<>();
        for (MmuFault.Type t : MmuFault.Type.values()) {
            for (int level = 0; level <= 3; level++) {
                m.put((long) (t.code | level), t.description + ", level " + level);
            }
        }
        m.put((long) SYNCHRONOUS_EXTERNAL_ABORT, "Synchronous external abort");
        m.put((long) ALIGNMENT_FAULT, "Alignment fault");
        return m;
    }

    /** EC 0x18: MSR, MRS or a System instruction (SYS, SYSL), and MSR (immediate) to DAIFSet/DAIFClr. */
    record SysRegIss(int op0, int op1, int crn, int crm, int op2, int rt, boolean read) implements Iss {
        private static final Field OP0 = f("Op0", 21, 20, "op0 of the access");
        private static final Field OP2 = f("Op2", 19, 17, "op2 of the access");
        private static final Field OP1 = f("Op1", 16, 14, "op1 of the access");
        private static final Field CRN = f("CRn", 13, 10, "CRn of the access");
        private static final Field RT = f("Rt", 9, 5, "the general-purpose register transferred");
        private static final Field CRM = f("CRm", 4, 1, "CRm of the access");
        private static final Field DIRECTION = bit("Direction", 0, "direction of the access")
                .withValues(Map.of(0L, "write (MSR, SYS)", 1L, "read (MRS, SYSL)"));
        private static final List<Field> LAYOUT = List.of(res0(24, 22), OP0, OP2, OP1, CRN, RT, CRM, DIRECTION);

        @Override
        public int encode() {
            return put(OP0, op0) | put(OP2, op2) | put(OP1, op1) | put(CRN, crn) | put(RT, rt) | put(CRM, crm)
                    | put(DIRECTION, read);
        }

        public static SysRegIss decode(int iss) {
            return new SysRegIss(get(OP0, iss), get(OP1, iss), get(CRN, iss), get(CRM, iss), get(OP2, iss),
                    get(RT, iss), is(DIRECTION, iss));
        }

        @Override
        public List<Field> layout() {
            return LAYOUT;
        }
    }

    /** EC 0x01: a WFI or WFE that trapped. TI says which (bit 1 is RES0 without FEAT_WFxT). */
    record WfxIss(boolean cv, int cond, int ti) implements Iss {
        public static final int TI_WFI = 0;
        public static final int TI_WFE = 1;
        private static final Field CV = bit("CV", 24, "condition code valid");
        private static final Field COND = f("COND", 23, 20, "condition code of the trapped instruction");
        private static final Field TI = f("TI", 1, 0, "trapped instruction").withValues(Map.of(0L, "WFI", 1L, "WFE"));
        private static final List<Field> LAYOUT = List.of(CV, COND, res0(19, 2), TI);

        /** The syndrome of a trapped A64 WFI or WFE. */
        public static WfxIss of(boolean wfe) {
            return new WfxIss(true, CONDITION_ALWAYS, wfe ? TI_WFE : TI_WFI);
        }

        /** WFE (TI[0] = 1; WFET too, with FEAT_WFxT). */
        public boolean wfe() {
            return (ti & TI_WFE) != 0;
        }

        @Override
        public int encode() {
            return put(CV, cv) | put(COND, cond) | put(TI, ti);
        }

        public static WfxIss decode(int iss) {
            return new WfxIss(is(CV, iss), get(COND, iss), get(TI, iss));
        }

        @Override
        public List<Field> layout() {
            return LAYOUT;
        }
    }

    /** EC 0x07: a SIMD or floating-point access trapped by CPACR_EL1.FPEN or CPTR_EL2.TFP. */
    record FpAccessIss(boolean cv, int cond) implements Iss {
        /** What every trapped A64 instruction reports. */
        public static final FpAccessIss A64 = new FpAccessIss(true, CONDITION_ALWAYS);
        private static final Field CV = bit("CV", 24, "condition code valid");
        private static final Field COND = f("COND", 23, 20, "condition code of the trapped instruction");
        private static final List<Field> LAYOUT = List.of(CV, COND, res0(19, 0));

        @Override
        public int encode() {
            return put(CV, cv) | put(COND, cond);
        }

        public static FpAccessIss decode(int iss) {
            return new FpAccessIss(is(CV, iss), get(COND, iss));
        }

        @Override
        public List<Field> layout() {
            return LAYOUT;
        }
    }

    /** EC 0x15, 0x16, 0x17: SVC, HVC or SMC, with the instruction's immediate. */
    record CallIss(int imm16) implements Iss {
        private static final Field IMM16 = f("imm16", 15, 0, "the instruction's immediate");
        private static final List<Field> LAYOUT = List.of(res0(24, 16), IMM16);

        @Override
        public int encode() {
            return put(IMM16, imm16);
        }

        public static CallIss decode(int iss) {
            return new CallIss(get(IMM16, iss));
        }

        @Override
        public List<Field> layout() {
            return LAYOUT;
        }
    }

    /** EC 0x3c: BRK, with the instruction's immediate as the comment. */
    record BrkIss(int comment) implements Iss {
        private static final Field COMMENT = f("Comment", 15, 0, "the instruction's immediate");
        private static final List<Field> LAYOUT = List.of(res0(24, 16), COMMENT);

        @Override
        public int encode() {
            return put(COMMENT, comment);
        }

        public static BrkIss decode(int iss) {
            return new BrkIss(get(COMMENT, iss));
        }

        @Override
        public List<Field> layout() {
            return LAYOUT;
        }
    }

    /**
     * EC 0x24, 0x25: a Data Abort. With ISV = 0 (all but a stage 2 abort of a single general-purpose register load or
     * store, see {@code a64/InstructionSyndrome}) SAS, SSE, SRT, SF and AR are RES0.
     */
    record DataAbortIss(boolean isv, int sas, boolean sse, int srt, boolean sf, boolean ar, boolean fnv,
            boolean ea, boolean cm, boolean s1ptw, boolean wnr, int dfsc) implements Iss {
        private static final Field ISV = bit("ISV", 24, "instruction syndrome valid (bits 23:14)");
        private static final Field SAS = f("SAS", 23, 22, "syndrome access size")
                .withValues(Map.of(0L, "byte", 1L, "halfword", 2L, "word", 3L, "doubleword"));
        private static final Field SSE = bit("SSE", 21, "syndrome sign extend");
        private static final Field SRT = f("SRT", 20, 16, "syndrome register transfer");
        private static final Field SF = bit("SF", 15, "the register is 64-bit");
        private static final Field AR = bit("AR", 14, "acquire/release semantics");
        private static final Field FNV = bit("FnV", 10, "FAR not valid");
        private static final Field EA = bit("EA", 9, "external abort type");
        private static final Field CM = bit("CM", 8, "cache maintenance or address translation instruction");
        private static final Field S1PTW = bit("S1PTW", 7, "stage 2 fault on a stage 1 translation table walk");
        private static final Field WNR = bit("WnR", 6, "write not read").withValues(Map.of(0L, "read", 1L, "write"));
        private static final Field DFSC = f("DFSC", 5, 0, "data fault status code").withValues(faultStatusCodes());
        private static final List<Field> LAYOUT = List.of(ISV, SAS, SSE, SRT, SF, AR, res0(13, 11), FNV, EA, CM,
                S1PTW, WNR, DFSC);
        private static final List<Field> LAYOUT_WITHOUT_SYNDROME = List.of(ISV, res0(23, 11), FNV, EA, CM, S1PTW,
                WNR, DFSC);

        /** A Data Abort without an instruction syndrome (ISV = 0) and without CM. */
        public static DataAbortIss of(int dfsc, boolean wnr, boolean s1ptw) {
            return new DataAbortIss(false, 0, false, 0, false, false, false, false, false, s1ptw, wnr, dfsc);
        }

        /**
         * The same abort with an instruction syndrome (ISV = 1): the access size (log2 bytes), sign extension, the
         * register transferred, whether it is 64-bit, acquire/release.
         */
        public DataAbortIss withSyndrome(int accessSize, boolean signExtend, int rt, boolean sixtyFour,
                boolean acquireRelease) {
            return new DataAbortIss(true, accessSize, signExtend, rt, sixtyFour, acquireRelease, fnv, ea, cm, s1ptw,
                    wnr, dfsc);
        }

        /** The same abort caused by a cache maintenance or address translation instruction (CM = 1). */
        public DataAbortIss withCm() {
            return new DataAbortIss(isv, sas, sse, srt, sf, ar, fnv, ea, true, s1ptw, wnr, dfsc);
        }

        @Override
        public int encode() {
            return put(ISV, isv) | put(SAS, sas) | put(SSE, sse) | put(SRT, srt) | put(SF, sf) | put(AR, ar)
                    | put(FNV, fnv) | put(EA, ea) | put(CM, cm) | put(S1PTW, s1ptw) | put(WNR, wnr) | put(DFSC, dfsc);
        }

        public static DataAbortIss decode(int iss) {
            return new DataAbortIss(is(ISV, iss), get(SAS, iss), is(SSE, iss), get(SRT, iss), is(SF, iss),
                    is(AR, iss), is(FNV, iss), is(EA, iss), is(CM, iss), is(S1PTW, iss), is(WNR, iss), get(DFSC, iss));
        }

        /** Bits 23:14 are RES0 when ISV is 0. */
        @Override
        public List<Field> layout() {
            return isv ? LAYOUT : LAYOUT_WITHOUT_SYNDROME;
        }
    }

    /** EC 0x20, 0x21: an Instruction Abort. */
    record InstructionAbortIss(boolean fnv, boolean ea, boolean s1ptw, int ifsc) implements Iss {
        private static final Field FNV = bit("FnV", 10, "FAR not valid");
        private static final Field EA = bit("EA", 9, "external abort type");
        private static final Field S1PTW = bit("S1PTW", 7, "stage 2 fault on a stage 1 translation table walk");
        private static final Field IFSC = f("IFSC", 5, 0, "instruction fault status code")
                .withValues(faultStatusCodes());
        private static final List<Field> LAYOUT = List.of(res0(24, 11), FNV, EA, res0(8, 8), S1PTW, res0(6, 6),
                IFSC);

        public static InstructionAbortIss of(int ifsc, boolean s1ptw) {
            return new InstructionAbortIss(false, false, s1ptw, ifsc);
        }

        @Override
        public int encode() {
            return put(FNV, fnv) | put(EA, ea) | put(S1PTW, s1ptw) | put(IFSC, ifsc);
        }

        public static InstructionAbortIss decode(int iss) {
            return new InstructionAbortIss(is(FNV, iss), is(EA, iss), is(S1PTW, iss), get(IFSC, iss));
        }

        @Override
        public List<Field> layout() {
            return LAYOUT;
        }
    }

    /**
     * Every other class: UNKNOWN (UNDEFINED instructions), illegal execution state and PC alignment (ISS RES0 for
     * all three), and the classes vel2 does not produce; the bits as they are.
     */
    record UnknownIss(int bits) implements Iss {
        public static final UnknownIss ZERO = new UnknownIss(0);
        private static final Field ISS = f("ISS", 24, 0, "not decoded for this class");
        private static final List<Field> LAYOUT = List.of(ISS);

        @Override
        public int encode() {
            return put(ISS, bits);
        }

        @Override
        public List<Field> layout() {
            return LAYOUT;
        }
    }
}
