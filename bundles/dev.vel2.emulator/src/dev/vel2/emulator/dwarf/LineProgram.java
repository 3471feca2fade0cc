// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line number program of {@code .debug_line} (DWARF 5 section 6.2; versions 2 to 5): the header with its
 * directory and file tables (DWARF 5: described by entry formats, names in {@code .debug_line_str}), then runs the
 * program's state machine into a {@link LineTable}. A program that breaks off keeps the sequences it completed.
 */
final class LineProgram {
    private final DebugSections sections;
    private final DwarfCursor c;
    private final String compDir;
    private int version;
    private boolean dwarf64;
    private int addressSize = 8;
    private int minimumInstructionLength;
    private int maximumOperations;
    private boolean defaultIsStmt;
    private int lineBase;
    private int lineRange;
    private int opcodeBase;
    private int[] standardLengths;
    private final List<String> directories = new ArrayList<>();
    private final List<SourceFile> files = new ArrayList<>();

    private LineProgram(DebugSections sections, long offset, String compDir) {
        this.sections = sections;
        this.c = DwarfCursor.at(sections.line(), ".debug_line", offset);
        this.compDir = compDir;
    }

    /**
     * The table of the program at {@code offset}, its files named against {@code compDir}. A malformed header
     * throws; a program that breaks off adds a warning and keeps its complete sequences.
     */
    static LineTable read(DebugSections sections, long offset, String compDir, Warnings warnings) {
        LineProgram p = new LineProgram(sections, offset, compDir);
        long programStart = p.header();
        LineTable.Builder rows = new LineTable.Builder(p.files.toArray(new SourceFile[0]));
        try {
            p.c.seek(programStart);
            p.run(rows);
        } catch (RuntimeException e) {
            warnings.add(e, "line programs", "; the line program at 0x" + Long.toHexString(offset)
                    + " keeps the sequences before it");
        }
        return rows.build();
    }

    /** Reads the header; returns where the program starts. */
    private long header() {
        long length = c.initialLength();
        dwarf64 = c.dwarf64();
        c.limitTo(c.position() + length);
        version = c.u16();
        if (version < 2 || version > 5) {
            throw c.bad("line program at 0x" + Long.toHexString(c.position() - 2) + " has version " + version
                    + " (2 to 5 are read)");
        }
        if (version >= 5) {
            addressSize = c.u8();
            c.u8(); // segment_selector_size
        }
        long headerLength = c.offset(dwarf64);
        long programStart = c.position() + headerLength;
        minimumInstructionLength = c.u8();
        maximumOperations = version >= 4 ? c.u8() : 1;
        defaultIsStmt = c.u8() != 0;
        lineBase = (byte) c.u8();
        lineRange = c.u8();
        opcodeBase = c.u8();
        if (lineRange == 0 || maximumOperations == 0 || opcodeBase == 0) {
            throw c.bad("line program header with line_range " + lineRange + ", maximum_operations_per_instruction "
                    + maximumOperations + ", opcode_base " + opcodeBase);
        }
        standardLengths = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) {
            standardLengths[i] = c.u8();
        }
        if (version >= 5) {
            entries(false);
            entries(true);
        } else {
            for (String d = c.cstring(); !d.isEmpty(); d = c.cstring()) {
                directories.add(d);
            }
            files.add(null); // DWARF 2-4 number files from 1
            for (String name = c.cstring(); !name.isEmpty(); name = c.cstring()) {
                files.add(file(name, c.uleb()));
                c.uleb(); // modification time
                c.uleb(); // length
            }
        }
        if (programStart > c.limit() || programStart < c.position()) {
            throw c.bad("line program header runs to 0x" + Long.toHexString(programStart) + ", past its unit");
        }
        return programStart;
    }

    /** DWARF 5's directory or file name table: entry formats, then the entries (section 6.2.4.1). */
    private void entries(boolean fileNames) {
        int formats = c.u8();
        int[] types = new int[formats];
        Form[] forms = new Form[formats];
        for (int i = 0; i < formats; i++) {
            types[i] = c.ulebInt();
            long code = c.uleb();
            forms[i] = Form.of(code);
            if (forms[i] == null) {
                throw c.bad("line table entry format with unknown form 0x" + Long.toHexString(code));
            }
        }
        int count = c.ulebInt();
        FormReader r = new FormReader(c, addressSize, dwarf64, version);
        for (int n = 0; n < count; n++) {
            String path = "";
            long directory = 0;
            for (int i = 0; i < formats; i++) {
                long v = r.raw(forms[i], 0);
                switch (types[i]) {
                    case Dw.LNCT_PATH -> path = string(r.form(), v);
                    case Dw.LNCT_DIRECTORY_INDEX -> directory = v;
                    default -> {
                    }
                }
            }
            if (fileNames) {
                files.add(file(path, directory));
            } else {
                directories.add(path);
            }
        }
    }

    private String string(Form f, long v) {
        return switch (f) {
            case STRING -> c.stringAt(v);
            case LINE_STRP -> new DwarfCursor(sections.lineStr(), ".debug_line_str").stringAt(v);
            case STRP -> new DwarfCursor(sections.str(), ".debug_str").stringAt(v);
            default -> throw c.bad("line table path of form " + f);
        };
    }

    /** A file entry: DWARF 5 numbers directories from 0 (the compilation directory's entry), DWARF 2-4 from 1. */
    private SourceFile file(String name, long directory) {
        long index = version >= 5 ? directory : directory - 1;
        String dir = index >= 0 && index < directories.size() ? directories.get((int) index) : null;
        return new SourceFile(compDir, dir, name);
    }

    /** The state machine (section 6.2.5): each special opcode, DW_LNS_copy and end_sequence append a row. */
    private void run(LineTable.Builder rows) {
        State s = new State();
        while (c.hasRemaining()) {
            int opcode = c.u8();
            if (opcode >= opcodeBase) {
                int adjusted = opcode - opcodeBase;
                s.advance(adjusted / lineRange);
                s.line += lineBase + adjusted % lineRange;
                s.emit(rows, false);
            } else if (opcode == 0) {
                extended(s, rows);
            } else {
                standard(opcode, s, rows);
            }
        }
    }

    private void standard(int opcode, State s, LineTable.Builder rows) {
        switch (opcode) {
            case Dw.LNS_COPY -> s.emit(rows, false);
            case Dw.LNS_ADVANCE_PC -> s.advance(c.uleb());
            case Dw.LNS_ADVANCE_LINE -> s.line += c.sleb();
            case Dw.LNS_SET_FILE -> s.file = c.uleb();
            case Dw.LNS_SET_COLUMN -> s.column = c.uleb();
            case Dw.LNS_NEGATE_STMT -> s.isStmt = !s.isStmt;
            case Dw.LNS_SET_BASIC_BLOCK, Dw.LNS_SET_PROLOGUE_END, Dw.LNS_SET_EPILOGUE_BEGIN -> {
            }
            case Dw.LNS_CONST_ADD_PC -> s.advance((255 - opcodeBase) / lineRange);
            case Dw.LNS_FIXED_ADVANCE_PC -> {
                s.address += c.u16();
                s.opIndex = 0;
            }
            case Dw.LNS_SET_ISA -> c.uleb();
            default -> {
                for (int i = 0; i < standardLengths[opcode]; i++) { // an opcode of a later version: skip its operands
                    c.uleb();
                }
            }
        }
    }

    private void extended(State s, LineTable.Builder rows) {
        long length = c.uleb();
        if (length == 0) {
            return;
        }
        int start = c.position();
        int sub = c.u8();
        switch (sub) {
            case Dw.LNE_END_SEQUENCE -> {
                s.emit(rows, true);
                s.reset();
            }
            case Dw.LNE_SET_ADDRESS -> {
                s.address = c.unsigned((int) length - 1);
                s.opIndex = 0;
            }
            case Dw.LNE_DEFINE_FILE -> {
                String name = c.cstring();
                long dir = c.uleb();
                c.uleb();
                c.uleb();
                rows.addFile(file(name, dir));
            }
            case Dw.LNE_SET_DISCRIMINATOR -> s.discriminator = c.uleb();
            default -> {
            }
        }
        c.seek(start);
        c.skip(length);
    }

    /** The state machine's registers (table 6.3). */
    private final class State {
        long address;
        long opIndex;
        long file;
        long line;
        long column;
        boolean isStmt;
        long discriminator;

        State() {
            reset();
        }

        void reset() {
            address = 0;
            opIndex = 0;
            file = 1;
            line = 1;
            column = 0;
            isStmt = defaultIsStmt;
            discriminator = 0;
        }

        /** Advances by an operation advance (section 6.2.5.1; op_index stays 0 when one operation fits). */
        void advance(long operations) {
            if (maximumOperations == 1) {
                address += minimumInstructionLength * operations;
            } else {
                long ops = opIndex + operations;
                address += minimumInstructionLength * (ops / maximumOperations);
                opIndex = ops % maximumOperations;
            }
        }

        void emit(LineTable.Builder rows, boolean endSequence) {
            rows.add(address, (int) file, (int) line, (int) column, (int) discriminator, isStmt, endSequence);
            discriminator = 0;
        }
    }
}
