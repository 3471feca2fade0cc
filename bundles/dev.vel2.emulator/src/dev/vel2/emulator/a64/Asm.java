// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * Helpers that print operands in the syntax of GNU objdump for AArch64, so that every row formats registers,
 * immediates and targets the same way.
 */
public final class Asm {

    /** Names addresses for branch targets: {@code el1_main+0x24}, or null when nothing is known. */
    @FunctionalInterface
    public interface Symbols {
        String label(long address);

        Symbols NONE = a -> null;
    }

    private final long pc;
    private final Symbols symbols;

    public Asm(long pc, Symbols symbols) {
        this.pc = pc;
        this.symbols = symbols == null ? Symbols.NONE : symbols;
    }

    public long pc() {
        return pc;
    }

    /** "mnemonic\toperands", or just the mnemonic when there are no operands. */
    public static String op(String mnemonic, String... operands) {
        if (operands.length == 0) {
            return mnemonic;
        }
        return mnemonic + "\t" + String.join(", ", operands);
    }

    /** General register {@code n} as Xn/Wn where 31 is the zero register. */
    public static String r(boolean sf, int n) {
        if (n == 31) {
            return sf ? "xzr" : "wzr";
        }
        return (sf ? "x" : "w") + n;
    }

    /** General register {@code n} as Xn/Wn where 31 is the stack pointer. */
    public static String rsp(boolean sf, int n) {
        if (n == 31) {
            return sf ? "sp" : "wsp";
        }
        return (sf ? "x" : "w") + n;
    }

    public static String x(int n) {
        return r(true, n);
    }

    public static String w(int n) {
        return r(false, n);
    }

    /** An immediate as objdump prints most of them: {@code #0x1f}, {@code #0x0}, negatives as {@code #-0x10}. */
    public static String hex(long v) {
        return v < 0 ? "#-0x" + Long.toHexString(-v) : "#0x" + Long.toHexString(v);
    }

    /** An immediate in decimal, as objdump prints load/store offsets and shift amounts: {@code #16}. */
    public static String dec(long v) {
        return "#" + v;
    }

    /** A PC-relative target: {@code 40081fa0 <el1_main+0x340>}; {@code 0x40081fa0} where no symbol names it (objdump). */
    public String target(long address) {
        String label = symbols.label(address);
        String a = Long.toHexString(address);
        return label == null ? "0x" + a : a + " <" + label + ">";
    }
}
