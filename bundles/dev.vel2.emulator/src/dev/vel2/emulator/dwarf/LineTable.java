// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one line program, kept in arrays and looked up by binary search as binutils does (bfd's dwarf2.c):
 * sequences sorted by start address, a sequence nested in an earlier one dropped and one that overlaps it cut; in a
 * sequence, rows by address, and of several rows at one address the last one counts. A row covers the addresses up
 * to the next row's; the end_sequence row covers none.
 */
final class LineTable {
    private static final int STMT = 1;
    private static final int END = 2;

    private final SourceFile[] files;
    private final long[] address;
    private final int[] file;
    private final int[] line;
    private final int[] column;
    private final int[] discriminator;
    private final byte[] flags;
    /** Per sequence, sorted by {@link #seqLow}: its lowest address (cut to the previous one's end), its rows. */
    private final long[] seqLow;
    private final int[] seqStart;
    private final int[] seqEnd;

    private LineTable(Builder b, long[] seqLow, int[] seqStart, int[] seqEnd) {
        this.files = b.files.toArray(new SourceFile[0]);
        this.address = Arrays.copyOf(b.address, b.n);
        this.file = Arrays.copyOf(b.file, b.n);
        this.line = Arrays.copyOf(b.line, b.n);
        this.column = Arrays.copyOf(b.column, b.n);
        this.discriminator = Arrays.copyOf(b.discriminator, b.n);
        this.flags = Arrays.copyOf(b.flags, b.n);
        this.seqLow = seqLow;
        this.seqStart = seqStart;
        this.seqEnd = seqEnd;
    }

    static final LineTable EMPTY = new Builder(new SourceFile[0]).build();

    /** The files the table names, by number (DWARF 2-4: index 0 is null). */
    List<SourceFile> files() {
        return Arrays.asList(files);
    }

    /** The index of the row that covers {@code pc}, or -1. */
    int rowAt(long pc) {
        int s = sequenceAt(pc);
        if (s < 0) {
            return -1;
        }
        int row = RangeIndex.lastAtOrBelow(address, seqStart[s], seqEnd[s] - 1, pc); // before end_sequence
        return row >= seqStart[s] ? row : -1;
    }

    /**
     * GDB's row where {@link #rowAt} gave {@code row} (symtab.c find_pc_sect_line): where that row is not a statement,
     * the last statement row before it at the same address (none of line 0 between), if there is one; else itself.
     */
    int statementRow(int row) {
        int i = row;
        while (i > 0 && (flags[i] & STMT) == 0 && (flags[i - 1] & END) == 0 && address[i - 1] == address[i]
                && line[i - 1] != 0) {
            i--;
        }
        return (flags[i] & STMT) != 0 ? i : row;
    }

    private int sequenceAt(long pc) {
        int found = RangeIndex.lastAtOrBelow(seqLow, 0, seqLow.length - 1, pc);
        return found >= 0 && Long.compareUnsigned(pc, address[seqEnd[found]]) < 0 ? found : -1;
    }

    LineRow row(int i) {
        return new LineRow(address[i], fileOf(i), line[i], column[i], discriminator[i], (flags[i] & STMT) != 0);
    }

    private SourceFile fileOf(int i) {
        int f = file[i];
        return f >= 0 && f < files.length ? files[f] : null;
    }

    /** The addresses row {@code i} covers: up to the next row at another address. */
    long rowEnd(int i) {
        int j = i + 1;
        while ((flags[j] & END) == 0 && address[j] == address[i]) {
            j++;
        }
        return address[j];
    }

    /**
     * The addresses around row {@code i} (one {@link #rowAt} gave) that are on the same line of the same file: back
     * and forth over the addresses of its sequence whose row (the last at each address) has that file and line.
     */
    AddressRange lineRange(int i) {
        int first = i;
        while (true) {
            int group = first;
            while (group > 0 && (flags[group - 1] & END) == 0 && address[group - 1] == address[first]) {
                group--;
            }
            if (group == 0 || (flags[group - 1] & END) != 0 || !sameLine(group - 1, i)) {
                break;
            }
            first = group - 1; // the row of the address before
        }
        int last = i;
        while ((flags[last + 1] & END) == 0) {
            int row = last + 1;
            while ((flags[row + 1] & END) == 0 && address[row + 1] == address[last + 1]) {
                row++; // the last row at the next address is its row
            }
            if (address[row + 1] == address[last + 1] || !sameLine(row, i)) {
                break; // an address that ends the sequence covers nothing; or another line
            }
            last = row;
        }
        return new AddressRange(address[first], rowEnd(last));
    }

    private boolean sameLine(int a, int b) {
        return line[a] == line[b] && file[a] == file[b];
    }

    /** Number of sequences (for the unit that has no ranges of its own: its line table's). */
    int sequences() {
        return seqLow.length;
    }

    AddressRange sequence(int s) {
        return new AddressRange(address[seqStart[s]], address[seqEnd[s]]);
    }

    /**
     * Every address where a statement of {@code line} of {@code f} starts: is_stmt rows of that line that follow a
     * row of another line (or start their sequence), in address order.
     */
    void statements(SourceFile f, int wanted, List<Long> out) {
        for (int s = 0; s < seqStart.length; s++) {
            for (int i = seqStart[s]; i < seqEnd[s]; i++) {
                if (line[i] == wanted && (flags[i] & STMT) != 0 && f.equals(fileOf(i))
                        && (i == seqStart[s] || !sameLine(i - 1, i))) {
                    out.add(address[i]);
                }
            }
        }
    }

    /** The lowest line above {@code line} of file {@code f} that has a statement, or 0. */
    int nextLineWithCode(SourceFile f, int after) {
        int best = 0;
        for (int i = 0; i < address.length; i++) {
            if (line[i] > after && (best == 0 || line[i] < best) && (flags[i] & STMT) != 0 && (flags[i] & END) == 0
                    && f.equals(fileOf(i))) {
                best = line[i];
            }
        }
        return best;
    }

    /** Collects rows as the state machine emits them; {@link #build} sorts and indexes the sequences. */
    static final class Builder {
        private final List<SourceFile> files;
        private long[] address = new long[64];
        private int[] file = new int[64];
        private int[] line = new int[64];
        private int[] column = new int[64];
        private int[] discriminator = new int[64];
        private byte[] flags = new byte[64];
        private int n;
        private final List<int[]> sequences = new ArrayList<>();
        private int sequenceStart;

        Builder(SourceFile[] files) {
            this.files = new ArrayList<>(Arrays.asList(files));
        }

        void addFile(SourceFile f) {
            files.add(f);
        }

        void add(long pc, int f, int l, int col, int disc, boolean stmt, boolean end) {
            if (n == address.length) {
                int size = n * 2;
                address = Arrays.copyOf(address, size);
                file = Arrays.copyOf(file, size);
                line = Arrays.copyOf(line, size);
                column = Arrays.copyOf(column, size);
                discriminator = Arrays.copyOf(discriminator, size);
                flags = Arrays.copyOf(flags, size);
            }
            address[n] = pc;
            file[n] = f;
            line[n] = l;
            column[n] = col;
            discriminator[n] = disc;
            flags[n] = (byte) ((stmt ? STMT : 0) | (end ? END : 0));
            n++;
            if (end) {
                sortSequence(sequenceStart, n - 1);
                sequences.add(new int[] { sequenceStart, n - 1 });
                sequenceStart = n;
            }
        }

        /** Rows of a sequence in address order (as compilers write them; a stable sort mends those that do not). */
        private void sortSequence(int from, int end) {
            boolean sorted = true;
            for (int i = from + 1; i < end && sorted; i++) {
                sorted = Long.compareUnsigned(address[i - 1], address[i]) <= 0;
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[end - from];
            for (int i = 0; i < order.length; i++) {
                order[i] = from + i;
            }
            Arrays.sort(order, (a, b) -> Long.compareUnsigned(address[a], address[b]));
            long[] a2 = address.clone();
            int[] f2 = file.clone();
            int[] l2 = line.clone();
            int[] c2 = column.clone();
            int[] d2 = discriminator.clone();
            byte[] g2 = flags.clone();
            for (int i = 0; i < order.length; i++) {
                int k = order[i];
                address[from + i] = a2[k];
                file[from + i] = f2[k];
                line[from + i] = l2[k];
                column[from + i] = c2[k];
                discriminator[from + i] = d2[k];
                flags[from + i] = g2[k];
            }
        }

        /** The table; rows after the last end_sequence are dropped (a sequence never ended). */
        LineTable build() {
            n = sequenceStart;
            List<int[]> seqs = new ArrayList<>(sequences);
            // by start address, the larger of two at one address first, then in program order (bfd's order)
            seqs.sort((x, y) -> {
                int byLow = Long.compareUnsigned(address[x[0]], address[y[0]]);
                return byLow != 0 ? byLow : Long.compareUnsigned(address[y[1]], address[x[1]]);
            });
            long[] low = new long[seqs.size()];
            int[] start = new int[seqs.size()];
            int[] end = new int[seqs.size()];
            int k = 0;
            long lastHigh = 0;
            for (int[] s : seqs) {
                long lo = address[s[0]];
                long hi = address[s[1]];
                if (Long.compareUnsigned(hi, lo) <= 0) {
                    continue; // covers nothing
                }
                if (k > 0 && Long.compareUnsigned(lo, lastHigh) < 0) {
                    if (Long.compareUnsigned(hi, lastHigh) <= 0) {
                        continue; // nested in the previous one
                    }
                    lo = lastHigh; // overlaps it: cut
                }
                low[k] = lo;
                start[k] = s[0];
                end[k] = s[1];
                lastHigh = hi;
                k++;
            }
            return new LineTable(this, Arrays.copyOf(low, k), Arrays.copyOf(start, k), Arrays.copyOf(end, k));
        }
    }
}
