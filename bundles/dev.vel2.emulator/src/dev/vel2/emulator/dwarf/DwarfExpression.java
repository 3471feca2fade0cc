// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * The DWARF expression stack machine (DWARF 5 section 2.5) for what call frame information computes: the CFA of
 * DW_CFA_def_cfa_expression and the addresses and values of DW_CFA_expression and DW_CFA_val_expression. Literals,
 * register-based addresses (DW_OP_breg*, DW_OP_bregx), memory (DW_OP_deref, DW_OP_deref_size), stack operations,
 * arithmetic and logic, comparisons and branches; anything else, an unknown register or unreadable memory gives no
 * value.
 */
final class DwarfExpression {
    private static final int STACK = 64;

    private final DwarfCursor code;
    private final FrameRegisters registers;
    private final Unwinder.Memory memory;
    private final long[] stack = new long[STACK];
    private int depth;

    private DwarfExpression(DwarfCursor code, FrameRegisters registers, Unwinder.Memory memory) {
        this.code = code;
        this.registers = registers;
        this.memory = memory;
    }

    /** Evaluates the expression in [start, end) of {@code section} with {@code initial} pushed (none if null). */
    static OptionalLong evaluate(ByteBuffer section, String name, int start, int end, Long initial,
            FrameRegisters registers, Unwinder.Memory memory) {
        DwarfCursor c = DwarfCursor.at(section, name, start);
        c.limitTo(end);
        DwarfExpression e = new DwarfExpression(c, registers, memory);
        if (initial != null) {
            e.push(initial);
        }
        try {
            return e.run() && e.depth > 0 ? OptionalLong.of(e.stack[e.depth - 1]) : OptionalLong.empty();
        } catch (RuntimeException x) { // malformed, or the stack over- or underflows: no value
            return OptionalLong.empty();
        }
    }

    private void push(long v) {
        stack[depth++] = v;
    }

    private long pop() {
        return stack[--depth];
    }

    /** Runs to the end; false where the value cannot be computed. */
    private boolean run() {
        DwarfCursor c = code;
        while (c.hasRemaining()) {
            int op = c.u8();
            if (op >= 0x30 && op <= 0x4f) { // DW_OP_lit0..31
                push(op - 0x30);
                continue;
            }
            if (op >= 0x70 && op <= 0x8f) { // DW_OP_breg0..31
                if (!breg(op - 0x70, c.sleb())) {
                    return false;
                }
                continue;
            }
            if (!operation(op, c)) {
                return false;
            }
        }
        return true;
    }

    private boolean breg(long register, long offset) {
        if (!registers.isKnown((int) Math.min(register, Integer.MAX_VALUE))) {
            return false;
        }
        push(registers.value((int) register) + offset);
        return true;
    }

    private boolean operation(int op, DwarfCursor c) {
        switch (op) {
            case 0x03 -> push(c.u64()); // addr
            case 0x06 -> { // deref
                OptionalLong v = memory.read(pop(), 8);
                if (v.isEmpty()) {
                    return false;
                }
                push(v.getAsLong());
            }
            case 0x94 -> { // deref_size
                int size = c.u8();
                if (size < 1 || size > 8) {
                    return false;
                }
                OptionalLong v = memory.read(pop(), size);
                if (v.isEmpty()) {
                    return false;
                }
                push(size == 8 ? v.getAsLong() : v.getAsLong() & ((1L << (8 * size)) - 1));
            }
            case 0x08 -> push(c.u8()); // const1u
            case 0x09 -> push((byte) c.u8()); // const1s
            case 0x0a -> push(c.u16()); // const2u
            case 0x0b -> push((short) c.u16()); // const2s
            case 0x0c -> push(c.u32()); // const4u
            case 0x0d -> push((int) c.u32()); // const4s
            case 0x0e, 0x0f -> push(c.u64()); // const8u, const8s
            case 0x10 -> push(c.uleb()); // constu
            case 0x11 -> push(c.sleb()); // consts
            case 0x12 -> push(stack[depth - 1]); // dup
            case 0x13 -> pop(); // drop
            case 0x14 -> push(stack[depth - 2]); // over
            case 0x15 -> push(stack[depth - 1 - c.u8()]); // pick
            case 0x16 -> { // swap
                long a = pop();
                long b = pop();
                push(a);
                push(b);
            }
            case 0x17 -> { // rot
                long a = pop();
                long b = pop();
                long d = pop();
                push(a);
                push(d);
                push(b);
            }
            case 0x19 -> push(Math.abs(pop())); // abs
            case 0x1f -> push(-pop()); // neg
            case 0x20 -> push(~pop()); // not
            case 0x23 -> push(pop() + c.uleb()); // plus_uconst
            case 0x92 -> { // bregx
                long register = c.uleb();
                return breg(register, c.sleb());
            }
            case 0x2f -> jump(c, (short) c.u16()); // skip
            case 0x28 -> { // bra
                int offset = (short) c.u16();
                if (pop() != 0) {
                    jump(c, offset);
                }
            }
            case 0x96 -> {
                // nop
            }
            default -> {
                return binary(op);
            }
        }
        return true;
    }

    private static void jump(DwarfCursor c, int offset) {
        c.seek(c.position() + offset);
    }

    /** Operations of two operands: the top is the second (DWARF 5 section 2.5.1.4). */
    private boolean binary(int op) {
        if (op < 0x1a || op > 0x2e || op == 0x1f || op == 0x20 || op == 0x23 || op == 0x28) {
            return false; // an operation CFI has no use for (locations, calls, typed stack, TLS...)
        }
        long b = pop();
        long a = pop();
        if (b == 0 && (op == 0x1b || op == 0x1d)) {
            return false; // division by zero
        }
        boolean wide = Long.compareUnsigned(b, 64) >= 0;
        push(switch (op) {
            case 0x1a -> a & b; // and
            case 0x1b -> a / b; // div (signed)
            case 0x1c -> a - b; // minus
            case 0x1d -> Long.remainderUnsigned(a, b); // mod
            case 0x1e -> a * b; // mul
            case 0x21 -> a | b; // or
            case 0x22 -> a + b; // plus
            case 0x24 -> wide ? 0 : a << b; // shl
            case 0x25 -> wide ? 0 : a >>> b; // shr
            case 0x26 -> a >> (wide ? 63 : b); // shra
            case 0x27 -> a ^ b; // xor
            case 0x29 -> a == b ? 1 : 0; // eq
            case 0x2a -> a >= b ? 1 : 0; // ge
            case 0x2b -> a > b ? 1 : 0; // gt
            case 0x2c -> a <= b ? 1 : 0; // le
            case 0x2d -> a < b ? 1 : 0; // lt
            default -> a != b ? 1 : 0; // ne (0x2e)
        });
        return true;
    }
}
