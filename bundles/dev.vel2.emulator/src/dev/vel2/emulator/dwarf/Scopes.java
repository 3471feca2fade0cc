// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The subprograms and inlined subroutines of one unit that have code, with their nesting, and an index of their
 * address ranges for finding the scopes at a pc. Names are looked up later (they may sit in another entry, reached
 * through DW_AT_abstract_origin or DW_AT_specification), by the DIE offset kept here.
 */
final class Scopes {
    static final Scopes NONE = new Scopes(new Builder());

    private final long[] die;
    private final int[] parent;
    private final boolean[] inlined;
    private final long[][] ranges;
    private final long[] entry;
    private final int[] callFile;
    private final int[] callLine;
    private final int[] callColumn;
    private final RangeIndex index;

    private Scopes(Builder b) {
        int n = b.die.size();
        die = new long[n];
        parent = new int[n];
        inlined = new boolean[n];
        ranges = b.ranges.toArray(new long[0][]);
        entry = new long[n];
        callFile = new int[n];
        callLine = new int[n];
        callColumn = new int[n];
        for (int i = 0; i < n; i++) {
            long[] s = b.scalars.get(i);
            die[i] = b.die.get(i);
            parent[i] = (int) s[0];
            inlined[i] = s[1] != 0;
            entry[i] = s[2];
            callFile[i] = (int) s[3];
            callLine[i] = (int) s[4];
            callColumn[i] = (int) s[5];
        }
        index = new RangeIndex(ranges);
    }

    /** Walks the unit's entries and keeps those of subprograms, entry points and inlined subroutines with code. */
    static Scopes read(Unit u) {
        Builder b = new Builder();
        DwarfCursor c = u.cursor(u.firstEntry);
        FormReader r = u.reader(c);
        Entry e = new Entry();
        int[] scopeAtDepth = new int[64];
        int depth = 0;
        scopeAtDepth[0] = -1;
        while (c.hasRemaining()) {
            if (!u.readEntry(r, e)) {
                if (--depth <= 0) {
                    break; // the unit's entry has no more children: padding may follow
                }
                continue;
            }
            int enclosing = scopeAtDepth[depth];
            int scope = enclosing;
            boolean function = e.tag == Dw.TAG_SUBPROGRAM || e.tag == Dw.TAG_ENTRY_POINT;
            if (function || e.tag == Dw.TAG_INLINED_SUBROUTINE) {
                long[] rs = u.ranges(e);
                if (rs.length > 0) {
                    long start = e.entryPc != null && e.entryPc.kind == Form.Kind.ADDRESS
                            ? u.address(e.entryPc, e.entryPcValue) : lowest(rs);
                    scope = b.add(e.offset, enclosing, !function, start, e, rs);
                }
            }
            if (e.children) {
                depth++;
                if (depth == scopeAtDepth.length) {
                    scopeAtDepth = Arrays.copyOf(scopeAtDepth, depth * 2);
                }
                scopeAtDepth[depth] = scope;
            }
        }
        return b.die.isEmpty() ? NONE : new Scopes(b);
    }

    private static long lowest(long[] pairs) {
        long low = pairs[0];
        for (int i = 2; i < pairs.length; i += 2) {
            low = Long.compareUnsigned(pairs[i], low) < 0 ? pairs[i] : low;
        }
        return low;
    }

    /**
     * The scope binutils names for {@code pc}: of those whose ranges hold it, the one whose holding range is the
     * smallest; of equal ones, the first by lowest address, highest end, then entry order (bfd's
     * lookup_address_in_function_table). -1 when none holds it.
     */
    int innermost(long pc) {
        int[] best = { -1 };
        long[] bestLength = { 0 };
        index.holding(pc, piece -> {
            long length = index.high(piece) - index.low(piece);
            int s = index.owner(piece);
            if (best[0] < 0 || Long.compareUnsigned(length, bestLength[0]) < 0
                    || length == bestLength[0] && before(s, best[0])) {
                best[0] = s;
                bestLength[0] = length;
            }
        });
        return best[0];
    }

    /** bfd's order of functions with equal ranges: lowest address, then highest end, then entry order. */
    private boolean before(int a, int b) {
        int byLow = Long.compareUnsigned(low(a), low(b));
        if (byLow != 0) {
            return byLow < 0;
        }
        int byHigh = Long.compareUnsigned(high(a), high(b));
        return byHigh != 0 ? byHigh < 0 : a < b;
    }

    private long low(int s) {
        return lowest(ranges[s]);
    }

    private long high(int s) {
        long high = ranges[s][1];
        for (int i = 3; i < ranges[s].length; i += 2) {
            high = Long.compareUnsigned(ranges[s][i], high) > 0 ? ranges[s][i] : high;
        }
        return high;
    }

    int parent(int s) {
        return parent[s];
    }

    long die(int s) {
        return die[s];
    }

    int count() {
        return die.length;
    }

    /** Scope {@code s} as the API shows it, named {@code name}, its call file resolved in {@code lines}. */
    FunctionScope scope(int s, String name, LineTable lines) {
        List<AddressRange> rs = new ArrayList<>();
        for (int i = 0; i < ranges[s].length; i += 2) {
            rs.add(new AddressRange(ranges[s][i], ranges[s][i + 1]));
        }
        SourceFile file = null;
        if (inlined[s] && callFile[s] >= 0 && callFile[s] < lines.files().size()) {
            file = lines.files().get(callFile[s]);
        }
        return new FunctionScope(inlined[s] ? FunctionScope.Kind.INLINED_SUBROUTINE : FunctionScope.Kind.SUBPROGRAM,
                name, entry[s], List.copyOf(rs), file, inlined[s] ? callLine[s] : 0, inlined[s] ? callColumn[s] : 0);
    }

    private static final class Builder {
        final List<Long> die = new ArrayList<>();
        final List<long[]> scalars = new ArrayList<>();
        final List<long[]> ranges = new ArrayList<>();

        int add(long offset, int enclosing, boolean inlined, long entry, Entry e, long[] rs) {
            die.add(offset);
            scalars.add(new long[] { enclosing, inlined ? 1 : 0, entry, e.callFile, e.callLine, e.callColumn });
            ranges.add(rs);
            return die.size() - 1;
        }
    }
}
