// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Line programs of the versions and encodings GCC 12 does not write for the guests, by hand: DWARF 2 (no
 * maximum_operations_per_instruction, include_directories from 1, DW_LNE_define_file), DWARF 3 with an opcode of a
 * later version to skip, DWARF 5 with its paths inline (DW_FORM_string) and an MD5 column (DW_FORM_data16); every
 * standard opcode, an unknown extended one, and a program that breaks off.
 */
class LineProgramTest {

    /** A header of version 2 or 3 (line_base -5, line_range 14, 4-byte instructions) with its tables, then program. */
    static DwarfBytes version2or3(int version, int opcodeBase, int[] lengths, DwarfBytes tables, DwarfBytes program) {
        DwarfBytes header = new DwarfBytes().u8(4, 1, -5 & 0xff, 14, opcodeBase);
        for (int l : lengths) {
            header.u8(l);
        }
        header.bytes(tables);
        return new DwarfBytes().unit(new DwarfBytes().u16(version).u32(header.size()).bytes(header).bytes(program));
    }

    static final int[] STANDARD = { 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1 };

    static String rows(LineTable t, long... pcs) {
        List<String> out = new ArrayList<>();
        for (long pc : pcs) {
            int i = t.rowAt(pc);
            if (i < 0) {
                out.add("-");
                continue;
            }
            LineRow r = t.row(i);
            out.add(String.format("%x %s:%d:%d%s%s", r.address(), r.file() == null ? "?" : r.file().path(), r.line(),
                    r.column(), r.discriminator() != 0 ? " d" + r.discriminator() : "", r.statement() ? "" : " !stmt"));
        }
        return String.join(", ", out);
    }

    static LineTable read(DwarfBytes section, String compDir, Warnings warnings) {
        return LineProgram.read(DwarfBytes.sections(section.buffer(), DebugSections.EMPTY, DebugSections.EMPTY, 0), 0,
                compDir, warnings);
    }

    @Test
    void dwarf2() {
        DwarfBytes tables = new DwarfBytes().string("inc").string("").string("a.c").uleb(0).uleb(0).uleb(0)
                .string("b.h").uleb(1).uleb(7).uleb(99).string("");
        DwarfBytes program = new DwarfBytes()
                .u8(0, 9, 2).u64(0x1000) // set_address
                .u8(3).sleb(9).u8(1) // advance_line 9, copy: 0x1000 line 10
                .u8((1 + 5) + 14 + 10) // special: 1 operation, 1 line: 0x1004 line 11
                .u8(4).uleb(2).u8(8).u8(1) // set_file 2, const_add_pc (17 operations), copy: 0x1048
                .u8(6).u8(9).u16(8).u8(5 + 10) // negate_stmt, fixed_advance_pc 8, special 0/0: 0x1050
                .u8(0, 8, 3).string("c.c").uleb(0).uleb(0).uleb(0) // define_file 3
                .u8(4).uleb(3).u8(6).u8(2).uleb(2).u8(3).sleb(-1).u8(1) // file 3, stmt, advance_pc 2: 0x1058 line 10
                .u8(0, 3, 0x80, 0xaa, 0xbb) // an unknown extended opcode: skipped
                .u8(2).uleb(1).u8(0, 1, 1); // advance_pc 1, end_sequence at 0x105c
        Warnings warnings = new Warnings();
        LineTable t = read(version2or3(2, 10, Arrays.copyOf(STANDARD, 9), tables, program), "/cu", warnings);
        assertEquals(List.of(), warnings.list());
        assertEquals("1000 /cu/a.c:10:0, 1004 /cu/a.c:11:0, 1004 /cu/a.c:11:0, 1048 /cu/inc/b.h:11:0, "
                + "1050 /cu/inc/b.h:11:0 !stmt, 1058 /cu/c.c:10:0, -, -",
                rows(t, 0x1000, 0x1004, 0x1047, 0x104c, 0x1050, 0x105b, 0x105c, 0xfff));
        assertEquals(new AddressRange(0x1048, 0x1058), t.lineRange(t.rowAt(0x1050)), "b.h:11, not a.c:11 before it");
    }

    @Test
    void dwarf3SkipsAnOpcodeOfALaterVersion() {
        int[] lengths = Arrays.copyOf(STANDARD, 13);
        lengths[12] = 2; // opcode 13: two ULEB operands
        DwarfBytes tables = new DwarfBytes().string("").string("m.c").uleb(0).uleb(0).uleb(0).string("");
        DwarfBytes program = new DwarfBytes().u8(0, 9, 2).u64(0x4000).u8(5).uleb(7).u8(1) // column 7, copy
                .u8(13).uleb(300).uleb(1) // the unknown standard opcode
                .u8(0, 2, 4, 3) // set_discriminator 3
                .u8(10, 11, 7).u8(12).uleb(1) // prologue_end, epilogue_begin, basic_block, set_isa
                .u8(2 * 14 + 2 + 5 + 14) // special: 2 operations, 2 lines: 0x4008 line 3
                .u8(2).uleb(1).u8(0, 1, 1);
        LineTable t = read(version2or3(3, 14, lengths, tables, program), null, new Warnings());
        assertEquals("4000 m.c:1:7, 4008 m.c:3:7 d3", rows(t, 0x4004, 0x4008));
    }

    @Test
    void dwarf5WithInlinePathsAndMd5() {
        DwarfBytes tables = new DwarfBytes()
                .u8(1).uleb(1).uleb(0x08) // directory format: path as DW_FORM_string
                .uleb(2).string("/abs/comp").string("sub")
                .u8(3).uleb(1).uleb(0x08).uleb(2).uleb(0x0f).uleb(5).uleb(0x1e) // path, directory index, MD5
                .uleb(3);
        for (String[] f : new String[][] { { "main.c", "0" }, { "x.h", "1" }, { "/abs/y.h", "1" } }) {
            tables.string(f[0]).uleb(Integer.parseInt(f[1]));
            for (int i = 0; i < 16; i++) {
                tables.u8(i);
            }
        }
        DwarfBytes header = new DwarfBytes().u8(4, 1, 1, -5 & 0xff, 14, 13);
        for (int l : STANDARD) {
            header.u8(l);
        }
        header.bytes(tables);
        DwarfBytes program = new DwarfBytes().u8(0, 9, 2).u64(0x8000).u8(4).uleb(0).u8(1) // file 0 (DWARF 5)
                .u8(4).uleb(1).u8(5 + 1 + 14 + 13) // file 1, special 1/1
                .u8(4).uleb(2).u8(5 + 1 + 14 + 13).u8(2).uleb(1).u8(0, 1, 1);
        DwarfBytes section = new DwarfBytes().unit(new DwarfBytes().u16(5).u8(8, 0).u32(header.size()).bytes(header)
                .bytes(program));
        LineTable t = read(section, "/cu", new Warnings());
        assertEquals("8000 /abs/comp/main.c:1:0, 8004 /cu/sub/x.h:2:0, 8008 /abs/y.h:3:0",
                rows(t, 0x8000, 0x8004, 0x8008));
        assertEquals(new SourceFile("/cu", "sub", "x.h"), t.files().get(1));
    }

    @Test
    void aProgramThatBreaksOffKeepsItsCompleteSequences() {
        DwarfBytes tables = new DwarfBytes().string("").string("a.c").uleb(0).uleb(0).uleb(0).string("");
        DwarfBytes program = new DwarfBytes().u8(0, 9, 2).u64(0x1000).u8(1).u8(2).uleb(4).u8(0, 1, 1) // to 0x1010
                .u8(0, 9, 2).u64(0x2000).u8(1).u8(0, 9, 2).u8(0x20); // a set_address cut short
        Warnings warnings = new Warnings();
        LineTable t = read(version2or3(3, 13, STANDARD, tables, program), "/cu", warnings);
        assertEquals("1000 /cu/a.c:1:0, -", rows(t, 0x100c, 0x2000));
        assertEquals(1, warnings.list().size());
        String warning = warnings.list().get(0);
        assertTrue(warning.startsWith(".debug_line: truncated at 0x"), warning);
        assertTrue(warning.endsWith("keeps the sequences before it"), warning);
    }
}
