// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import dev.vel2.emulator.a64.LsOperands.LsAtomic;
import dev.vel2.emulator.a64.LsOperands.LsCas;
import dev.vel2.emulator.a64.LsOperands.LsExclusive;
import dev.vel2.emulator.a64.LsOperands.LsImm;
import dev.vel2.emulator.a64.LsOperands.LsIndex;
import dev.vel2.emulator.a64.LsOperands.LsLiteral;
import dev.vel2.emulator.a64.LsOperands.LsOrdered;
import dev.vel2.emulator.a64.LsOperands.LsPair;
import dev.vel2.emulator.a64.LsOperands.LsReg;

/** How {@code aarch64-linux-gnu-objdump -d} (binutils 2.40) prints the Loads and Stores rows. */
final class LoadStoreSyntax {
    private static final String[] SIZE_SUFFIX = {"b", "h", "", ""};
    private static final String[] PRF_TYPE = {"pld", "pli", "pst"};

    private LoadStoreSyntax() {
    }

    /** {@code [xn]}, {@code [xn, #off]}, {@code [xn, #off]!} (pre-index, even #0), {@code [xn], #off}. */
    static String address(int rn, LsIndex index, long offset) {
        String base = Asm.rsp(true, rn);
        return switch (index) {
            case PRE -> "[" + base + ", " + Asm.dec(offset) + "]!";
            case POST -> "[" + base + "], " + Asm.dec(offset);
            default -> offset == 0 ? "[" + base + "]" : "[" + base + ", " + Asm.dec(offset) + "]";
        };
    }

    /** The PRFM operation: {@code pldl1keep}, or {@code #0x18} for the unallocated ones. */
    static String prfop(int rt) {
        int type = rt >>> 3;
        int target = (rt >>> 1) & 3;
        if (type == 3 || target == 3) {
            return String.format("#0x%02x", rt);
        }
        return PRF_TYPE[type] + "l" + (target + 1) + ((rt & 1) == 0 ? "keep" : "strm");
    }

    private static String rt(LsType t, int rt) {
        return t == LsType.PRFM ? prfop(rt) : t.register(rt);
    }

    static String imm(LsImm o, Asm asm) {
        String form = switch (o.index()) {
            case UNSCALED -> "ur";
            case UNPRIVILEGED -> "tr";
            default -> "r";
        };
        return Asm.op(o.type().mnemonic(form), rt(o.type(), o.rt()), address(o.rn(), o.index(), o.offset()));
    }

    /** {@code [xn, xm]}, {@code [xn, xm, lsl #3]}, {@code [xn, wm, sxtw]}; a scaled byte access shows {@code #0}. */
    static String reg(LsReg o, Asm asm) {
        StringBuilder a = new StringBuilder("[").append(Asm.rsp(true, o.rn())).append(", ")
                .append(Asm.r((o.option() & 1) != 0, o.rm()));
        if (o.option() != 3 || o.s()) {
            a.append(", ").append(o.option() == 3 ? "lsl" : DpSyntax.extend(o.option()));
            if (o.s()) {
                a.append(" #").append(o.shift());
            }
        }
        return Asm.op(o.type().mnemonic("r"), rt(o.type(), o.rt()), a.append(']').toString());
    }

    static String literal(LsLiteral o, Asm asm) {
        return Asm.op(o.type().mnemonic("r"), rt(o.type(), o.rt()), asm.target(asm.pc() + o.offset()));
    }

    static String pair(LsPair o, Asm asm) {
        LsType t = o.type();
        String m = t == LsType.LDRSW ? "ldpsw"
                : (t.store() ? "st" : "ld") + (o.index() == LsIndex.NONTEMPORAL ? "np" : "p");
        return Asm.op(m, t.register(o.rt()), t.register(o.rt2()), address(o.rn(), o.index(), o.offset()));
    }

    /** {@code [xn]}, {@code [sp]}. */
    static String mem(int rn) {
        return "[" + Asm.rsp(true, rn) + "]";
    }

    static String loadExclusive(LsExclusive o, Asm asm) {
        boolean sf = o.scale() == 3;
        String m = (o.ordered() ? "ldax" : "ldx") + (o.pair() ? "p" : "r" + SIZE_SUFFIX[o.scale()]);
        return o.pair() ? Asm.op(m, Asm.r(sf, o.rt()), Asm.r(sf, o.rt2()), mem(o.rn()))
                : Asm.op(m, Asm.r(sf, o.rt()), mem(o.rn()));
    }

    static String storeExclusive(LsExclusive o, Asm asm) {
        boolean sf = o.scale() == 3;
        String m = (o.ordered() ? "stlx" : "stx") + (o.pair() ? "p" : "r" + SIZE_SUFFIX[o.scale()]);
        return o.pair() ? Asm.op(m, Asm.w(o.rs()), Asm.r(sf, o.rt()), Asm.r(sf, o.rt2()), mem(o.rn()))
                : Asm.op(m, Asm.w(o.rs()), Asm.r(sf, o.rt()), mem(o.rn()));
    }

    static String ordered(String mnemonic, LsOrdered o) {
        return Asm.op(mnemonic + SIZE_SUFFIX[o.scale()], Asm.r(o.scale() == 3, o.rt()), mem(o.rn()));
    }

    private static String ordering(boolean acquire, boolean release) {
        return (acquire ? "a" : "") + (release ? "l" : "");
    }

    static String cas(LsCas o, Asm asm) {
        boolean sf = o.scale() == 3;
        String order = ordering(o.acquire(), o.release());
        if (o.pair()) {
            return Asm.op("casp" + order, Asm.r(sf, o.rs()), Asm.r(sf, o.rs() + 1), Asm.r(sf, o.rt()),
                    Asm.r(sf, o.rt() + 1), mem(o.rn()));
        }
        return Asm.op("cas" + order + SIZE_SUFFIX[o.scale()], Asm.r(sf, o.rs()), Asm.r(sf, o.rt()), mem(o.rn()));
    }

    /** LD&lt;op&gt;/SWP; without acquire and with Rt = XZR objdump prints the ST&lt;op&gt; alias (not for SWP). */
    static String atomic(LsAtomic o, Asm asm) {
        boolean sf = o.scale() == 3;
        String suffix = SIZE_SUFFIX[o.scale()];
        LsAtomicOp op = o.op();
        if (op != LsAtomicOp.SWP && !o.acquire() && o.rt() == 31) {
            return Asm.op("st" + op.name + ordering(false, o.release()) + suffix, Asm.r(sf, o.rs()), mem(o.rn()));
        }
        String m = (op == LsAtomicOp.SWP ? "swp" : "ld" + op.name) + ordering(o.acquire(), o.release()) + suffix;
        return Asm.op(m, Asm.r(sf, o.rs()), Asm.r(sf, o.rt()), mem(o.rn()));
    }
}
