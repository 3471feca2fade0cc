// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ElfImage.Section;

/**
 * A listing of an image's executable sections in the layout of {@code aarch64-linux-gnu-objdump -d} (GNU binutils
 * 2.40), including its file-format header line, so that the two can be compared with {@code diff}:
 * <pre>
 *
 * NAME.elf:     file format elf64-littleaarch64
 *
 *
 * Disassembly of section .text:
 *
 * 0000000040080000 &lt;_start&gt;:
 *     40080000:	580001c0 	ldr	x0, 40080038 &lt;_start+0x38&gt;
 *     40080038:	40089000 	.word	0x40089000
 * 	...
 * </pre>
 * Chunks run from one symbol to the next, labelled and cut as objdump does ({@link DisasmSymbols.InSection#chunks});
 * inside them, {@code $d} mapping symbols turn words into {@code .word} (or {@code .short}/{@code .byte} where
 * alignment or the next mapping symbol cuts them short), and a run of at least 8 zero bytes prints as {@code ...}, as
 * objdump's {@code disassemble_bytes} does; a chunk that an object symbol labels is dumped as bytes and text instead.
 * Instruction text comes from the A64 table's rows ({@link Insn#text}). {@link #sourceListing} adds the lines of
 * {@code objdump -d -l} from the image's DWARF ({@link SourceLines}).
 */
public final class Disassembler {

    /** objdump's SKIP_ZEROES and SKIP_ZEROES_AT_END. */
    static final int SKIP_ZEROES = 8;
    static final int SKIP_ZEROES_AT_END = 3;
    /** objdump's octets per line when it dumps bytes instead of disassembling them. */
    static final int RAW_BYTES_PER_LINE = 16;

    /** The text after the word column for the instruction {@code word} at {@code pc}. */
    @FunctionalInterface
    interface InsnText {
        String text(long pc, int word, Asm.Symbols symbols);
    }

    /** Row syntax; a row whose syntax throws must not take the whole listing down, so its line says so. */
    static final InsnText A64_TEXT = (pc, word, symbols) -> {
        Insn insn = Decoder.a64().decode(word);
        try {
            return insn.text(pc, symbols);
        } catch (RuntimeException e) {
            return String.format(".inst\t0x%08x ; %s failed: %s", word, insn.name(), e);
        }
    };

    private Disassembler() {
    }

    public static void listing(ElfImage image, Appendable out) {
        listing(image, image.name(), out);
    }

    /** The listing headed by {@code file}, as objdump heads it with the path it was given. */
    public static void listing(ElfImage image, String file, Appendable out) {
        listing(image, file, out, A64_TEXT, null);
    }

    /** The listing of {@code objdump -d -l}: each address preceded by the function and source line changes. */
    public static void sourceListing(ElfImage image, String file, DebugInfo debug, Appendable out) {
        listing(image, file, out, A64_TEXT, new SourceLines(debug));
    }

    static void listing(ElfImage image, Appendable out, InsnText insnText) {
        listing(image, image.name(), out, insnText, null);
    }

    private static void listing(ElfImage image, String file, Appendable out, InsnText insnText, SourceLines lines) {
        try {
            Listing listing = new Listing(new DisasmSymbols(image), out, insnText, lines);
            out.append('\n').append(file).append(":     file format elf64-littleaarch64\n\n");
            for (Section s : image.sections()) {
                if (s.executable() && s.data().length > 0) {
                    out.append("\nDisassembly of section ").append(s.name()).append(":\n");
                    listing.section(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sections of one image: chunks between labels, zero runs, data and instruction lines, raw dumps. */
    private static final class Listing {
        private final DisasmSymbols symbols;
        private final Appendable out;
        private final InsnText insnText;
        /** objdump -l's source lines, or null. */
        private final SourceLines lines;
        /** objdump's bytes_per_chunk: the size of the last item decoded, by which a raw dump groups (0: none yet). */
        private int bytesPerChunk;
        private Section section;
        private DisasmSymbols.InSection names;
        private int skip;

        Listing(DisasmSymbols symbols, Appendable out, InsnText insnText, SourceLines lines) {
            this.symbols = symbols;
            this.out = out;
            this.insnText = insnText;
            this.lines = lines;
        }

        void section(Section s) throws IOException {
            section = s;
            names = symbols.in(s);
            skip = skipAddressChars(s.addr() + s.size());
            for (DisasmSymbols.Chunk c : names.chunks()) {
                chunk(c);
            }
        }

        private int offset(long address) {
            return (int) (address - section.addr());
        }

        private void chunk(DisasmSymbols.Chunk c) throws IOException {
            out.append(String.format("\n%016x <%s>:\n", c.start(), c.label()));
            byte[] data = section.data();
            int off = offset(c.start());
            int stop = offset(c.end());
            while (off < stop) {
                int zeros = zeroRun(data, off, stop);
                boolean toEnd = off + zeros == stop;
                if (zeros >= SKIP_ZEROES || (toEnd && zeros < SKIP_ZEROES_AT_END && zeros > 0)) {
                    // objdump skips whole words unless the run reaches the chunk's end
                    off += toEnd ? zeros : zeros & ~3;
                    out.append("\t...\n");
                    continue;
                }
                if (lines != null) {
                    lines.before(section.addr() + off, out);
                }
                off += c.code() ? line(off, stop) : rawLine(off, stop);
            }
        }

        /** Prints the instruction or data item at {@code off}; returns its size. */
        private int line(int off, int stop) throws IOException {
            long pc = section.addr() + off;
            out.append(address(pc, skip)).append(":\t");
            if (!symbols.isData(pc) && stop - off >= 4) {
                int word = le(section.data(), off, 4);
                out.append(String.format("%08x \t", word)).append(insnText.text(pc, word, names)).append('\n');
                bytesPerChunk = 4;
                return 4;
            }
            int n = dataSize(pc, stop - off);
            long v = le(section.data(), off, n) & 0xffffffffL;
            String hex = String.format("%0" + 2 * n + "x", v);
            out.append(hex).append(' ');
            for (int pad = n; pad < 4; pad += n) {
                out.append(" ".repeat(2 * n + 1));
            }
            String directive = switch (n) {
                case 1 -> ".byte";
                case 2 -> ".short";
                default -> ".word";
            };
            out.append('\t').append(directive).append("\t0x").append(hex).append('\n');
            bytesPerChunk = n;
            return n;
        }

        /**
         * A line of a chunk that an object symbol labels, which objdump dumps instead of disassembling: up to 16
         * bytes in little-endian groups of {@link #bytesPerChunk}, padded, then as text; returns their number.
         */
        private int rawLine(int off, int stop) throws IOException {
            byte[] data = section.data();
            int n = Math.min(RAW_BYTES_PER_LINE, stop - off);
            int group = bytesPerChunk == 0 ? 1 : bytesPerChunk;
            StringBuilder b = new StringBuilder(address(section.addr() + off, skip)).append(":\t");
            for (int j = off; j < off + n; j += group) {
                for (int k = group - 1; k >= 0 && j + group <= stop; k--) { // a group the end cuts prints blank
                    b.append(String.format("%02x", data[j + k] & 0xff));
                }
                b.append(' ');
            }
            for (int pad = n; pad < RAW_BYTES_PER_LINE; pad += group) {
                b.append("  ".repeat(group)).append(' ');
            }
            b.append("    ");
            for (int j = off; j < off + n; j++) {
                int ch = data[j] & 0xff;
                b.append(ch >= 0x20 && ch < 0x7f ? (char) ch : '.');
            }
            out.append(b).append('\n');
            return n;
        }

        /** aarch64-dis.c: a data item is a word cut short by alignment, the next mapping symbol or the end. */
        private int dataSize(long pc, int left) {
            long n = 4 - (pc & 3);
            long next = symbols.nextMapping(pc);
            if (next != -1L && next - pc < n) {
                n = next - pc;
            }
            n = Math.min(n, left);
            if (n == 3) {
                n = (pc & 1) != 0 ? 1 : 2;
            }
            return (int) n;
        }
    }

    private static int zeroRun(byte[] data, int off, int stop) {
        int z = off;
        while (z < stop && data[z] == 0) {
            z++;
        }
        return z - off;
    }

    private static int le(byte[] data, int off, int n) {
        int v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = (v << 8) | (data[off + k] & 0xff);
        }
        return v;
    }

    /**
     * objdump drops leading zeros of the 16-digit address in groups of four, keeping at least one, as many as
     * the section's end address allows; remaining leading zeros print as spaces.
     */
    static int skipAddressChars(long end) {
        String buf = String.format("%016x", end);
        int z = 0;
        while (z < 16 && buf.charAt(z) == '0') {
            z++;
        }
        if (z == 16 && end != 0) {
            return 0;
        }
        return z == 0 ? 0 : (z - 1) & ~3;
    }

    static String address(long pc, int skip) {
        char[] buf = String.format("%016x", pc).substring(skip).toCharArray();
        int i = 0;
        while (i < buf.length - 1 && buf[i] == '0') {
            buf[i++] = ' ';
        }
        return new String(buf);
    }
}
