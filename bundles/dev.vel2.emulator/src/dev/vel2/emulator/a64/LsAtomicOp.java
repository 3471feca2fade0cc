// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

/**
 * The operation of an LSE atomic memory instruction (ARM ARM C6.2 LDADD..LDUMIN, SWP): the new memory value from
 * the old one and Rs, at the access size. The instruction returns the OLD value.
 */
enum LsAtomicOp {
    ADD("add"), CLR("clr"), EOR("eor"), SET("set"), SMAX("smax"), SMIN("smin"), UMAX("umax"), UMIN("umin"),
    SWP("swp");

    private static final LsAtomicOp[] BY_OPC = {ADD, CLR, EOR, SET, SMAX, SMIN, UMAX, UMIN};

    final String name;

    LsAtomicOp(String name) {
        this.name = name;
    }

    /** The LD&lt;op&gt; operation for opc (bits 14:12). */
    static LsAtomicOp of(int opc) {
        return BY_OPC[opc];
    }

    /** The value written back to memory; {@code old} is zero-extended from {@code scale}, {@code rs} is Rs. */
    long apply(long old, long rs, int scale) {
        int shift = 64 - (8 << scale);
        return switch (this) {
            case ADD -> old + rs;
            case CLR -> old & ~rs;
            case EOR -> old ^ rs;
            case SET -> old | rs;
            case SMAX -> (old << shift >> shift) >= (rs << shift >> shift) ? old : rs;
            case SMIN -> (old << shift >> shift) <= (rs << shift >> shift) ? old : rs;
            case UMAX -> Long.compareUnsigned(old, rs << shift >>> shift) >= 0 ? old : rs;
            case UMIN -> Long.compareUnsigned(old, rs << shift >>> shift) <= 0 ? old : rs;
            case SWP -> rs;
        };
    }
}
