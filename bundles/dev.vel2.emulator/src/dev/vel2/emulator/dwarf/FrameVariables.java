// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the parameters and locals of one subprogram entry that are in scope at a pc, and their types (DWARF 5 sections
 * 4.1, 5.1-5.7): the entries the subprogram owns directly or through lexical blocks whose ranges hold the pc.
 */
final class FrameVariables {
    private static final int OP_FBREG = 0x91;
    private static final int OP_CALL_FRAME_CFA = 0x9c;
    private static final int OP_REG0 = 0x50;
    private static final int OP_REG31 = 0x6f;
    /** Deeper types than this (a struct within a struct within...) are shown by name alone. */
    private static final int TYPE_DEPTH = 4;

    private final Unit unit;

    private FrameVariables(Unit unit) {
        this.unit = unit;
    }

    static List<Variable> read(Unit unit, long subprogram, long pc) {
        return new FrameVariables(unit).variables(subprogram, pc);
    }

    private List<Variable> variables(long subprogram, long pc) {
        DwarfCursor c = unit.cursor(subprogram);
        FormReader r = unit.reader(c);
        Entry e = new Entry();
        if (!unit.readEntry(r, e) || !e.children) {
            return List.of();
        }
        boolean cfaBase = e.frameBase != null && expression(e.frameBaseValue, e.frameBaseEnd, e.frameBase)
                .equals(List.of((long) OP_CALL_FRAME_CFA));
        List<Variable> out = new ArrayList<>();
        int depth = 1;
        boolean[] inScope = new boolean[64];
        inScope[1] = true;
        while (depth > 0 && c.hasRemaining()) {
            if (!unit.readEntry(r, e)) {
                depth--;
                continue;
            }
            boolean visible = depth < inScope.length && inScope[depth];
            if (visible && (e.tag == Dw.TAG_FORMAL_PARAMETER || e.tag == Dw.TAG_VARIABLE) && e.name != null) {
                List<Long> ops = e.location == null ? List.of() : expression(e.locationValue, e.locationEnd, e.location);
                boolean inFrame = cfaBase && ops.size() == 2 && ops.get(0) == OP_FBREG;
                int register = ops.size() == 1 && ops.get(0) >= OP_REG0 && ops.get(0) <= OP_REG31
                        ? (int) (ops.get(0) - OP_REG0) : -1;
                out.add(new Variable(unit.string(e.name, e.nameValue), e.tag == Dw.TAG_FORMAL_PARAMETER,
                        type(e.type, 0), inFrame ? OptionalLong.of(ops.get(1)) : OptionalLong.empty(), register));
            }
            if (e.children) {
                depth++;
                if (depth < inScope.length) {
                    inScope[depth] = visible && e.tag == Dw.TAG_LEXICAL_BLOCK && holds(unit.ranges(e), pc);
                }
            }
        }
        return out;
    }

    private static boolean holds(long[] ranges, long pc) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (Long.compareUnsigned(pc, ranges[i]) >= 0 && Long.compareUnsigned(pc, ranges[i + 1]) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short expression as its opcodes and DW_OP_fbreg's operand: DW_OP_call_frame_cfa, DW_OP_fbreg N, DW_OP_regN;
     * empty for a location list or another operation.
     */
    private List<Long> expression(long start, long end, Form form) {
        if (form.kind != Form.Kind.BLOCK) {
            return List.of();
        }
        DwarfCursor c = unit.cursor(start);
        List<Long> ops = new ArrayList<>();
        while (c.position() < end && ops.size() < 4) {
            int op = c.u8();
            ops.add((long) op);
            if (op == OP_FBREG) {
                ops.add(c.sleb());
            } else if (op != OP_CALL_FRAME_CFA && (op < OP_REG0 || op > OP_REG31)) {
                return List.of(); // not one this reader places
            }
        }
        return ops;
    }

    /** The type at {@code die} (-1: none, C's void), typedefs and qualifiers looked through. */
    private Variable.Type type(long die, int depth) {
        String written = null;
        for (int hops = 0; hops < 8 && die >= 0; hops++) {
            Entry e = entry(die);
            if (e == null) {
                break;
            }
            String name = e.name == null ? null : unit.string(e.name, e.nameValue);
            if (e.tag == Dw.TAG_TYPEDEF || e.tag == Dw.TAG_CONST_TYPE || e.tag == Dw.TAG_VOLATILE_TYPE) {
                written = written == null ? name : written;
                die = e.type;
                continue;
            }
            String shown = written != null ? written : name;
            return switch (e.tag) {
                case Dw.TAG_BASE_TYPE -> new Variable.Type(shown, (int) e.byteSize, kind(e.encoding), List.of(), null,
                        -1);
                case Dw.TAG_POINTER_TYPE -> {
                    Variable.Type target = depth < TYPE_DEPTH ? type(e.type, TYPE_DEPTH) : null;
                    yield new Variable.Type(shown != null ? shown : (target == null || target.name() == null ? "void"
                            : target.name()) + " *", e.byteSize == 0 ? 8 : (int) e.byteSize, Variable.Kind.POINTER,
                            List.of(), null, -1);
                }
                case Dw.TAG_STRUCTURE_TYPE, Dw.TAG_UNION_TYPE -> new Variable.Type(shown, (int) e.byteSize,
                        Variable.Kind.STRUCT, depth < TYPE_DEPTH ? members(die, depth + 1) : List.of(), null, -1);
                case Dw.TAG_ARRAY_TYPE -> array(die, e, shown, depth);
                case Dw.TAG_ENUMERATION_TYPE -> new Variable.Type(shown, (int) e.byteSize, Variable.Kind.SIGNED,
                        List.of(), null, -1);
                default -> new Variable.Type(shown, (int) e.byteSize, Variable.Kind.OTHER, List.of(), null, -1);
            };
        }
        return new Variable.Type(written == null ? "void" : written, 0, Variable.Kind.OTHER, List.of(), null, -1);
    }

    private Variable.Type array(long die, Entry e, String name, int depth) {
        Variable.Type element = type(e.type, depth + 1);
        long count = -1;
        DwarfCursor c = unit.cursor(die);
        FormReader r = unit.reader(c);
        Entry child = new Entry();
        unit.readEntry(r, child);
        if (child.children && unit.readEntry(r, child) && child.tag == Dw.TAG_SUBRANGE_TYPE) {
            count = child.count;
        }
        String shown = name != null ? name : element.name() + "[" + (count < 0 ? "" : count) + "]";
        int size = count < 0 ? 0 : (int) (count * element.size());
        return new Variable.Type(shown, size, Variable.Kind.ARRAY, List.of(), element, count);
    }

    private List<Variable.Member> members(long die, int depth) {
        List<Variable.Member> out = new ArrayList<>();
        DwarfCursor c = unit.cursor(die);
        FormReader r = unit.reader(c);
        Entry e = new Entry();
        unit.readEntry(r, e);
        if (!e.children) {
            return out;
        }
        int level = 1;
        while (level > 0 && c.hasRemaining()) {
            if (!unit.readEntry(r, e)) {
                level--;
                continue;
            }
            if (level == 1 && e.tag == Dw.TAG_MEMBER) {
                long type = e.type;
                String name = e.name == null ? "" : unit.string(e.name, e.nameValue);
                long offset = Math.max(0, e.memberOffset);
                out.add(new Variable.Member(name, offset, type(type, depth)));
            }
            if (e.children) {
                level++;
            }
        }
        return out;
    }

    private Entry entry(long die) {
        if (die < unit.firstEntry || die >= unit.end) {
            return null; // another unit's type: not followed
        }
        Entry e = new Entry();
        return unit.readEntry(unit.reader(unit.cursor(die)), e) ? e : null;
    }

    private static Variable.Kind kind(int encoding) {
        return switch (encoding) {
            case 0x02 -> Variable.Kind.BOOLEAN; // DW_ATE_boolean
            case 0x04 -> Variable.Kind.FLOAT; // DW_ATE_float
            case 0x05, 0x06 -> Variable.Kind.SIGNED; // DW_ATE_signed, DW_ATE_signed_char
            case 0x07, 0x08, 0x10 -> Variable.Kind.UNSIGNED; // DW_ATE_unsigned, unsigned_char, UTF
            default -> Variable.Kind.OTHER;
        };
    }
}
