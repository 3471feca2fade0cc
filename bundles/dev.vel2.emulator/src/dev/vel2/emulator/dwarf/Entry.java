// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import dev.vel2.emulator.dwarf.Abbreviations.Abbrev;

/**
 * The attributes of one debugging information entry that this reader uses, read raw ({@link FormReader}) and
 * resolved by its {@link Unit} afterwards, since a unit's bases (DW_AT_addr_base, DW_AT_str_offsets_base) may come
 * after the attributes that need them. One instance is reused for every entry a walk reads.
 */
final class Entry {
    long offset;
    int tag;
    boolean children;
    Form name;
    long nameValue;
    Form linkageName;
    long linkageNameValue;
    Form lowPc;
    long lowPcValue;
    Form highPc;
    long highPcValue;
    Form entryPc;
    long entryPcValue;
    Form ranges;
    long rangesValue;
    long abstractOrigin;
    long specification;
    long callFile;
    long callLine;
    long callColumn;
    long stmtList;
    Form compDir;
    long compDirValue;
    Form producer;
    long producerValue;
    int language;
    long strOffsetsBase;
    long addrBase;
    long rnglistsBase;
    /** DW_AT_type as a {@code .debug_info} offset, -1 where none. */
    long type;
    Form location;
    long locationValue;
    /** Where DW_AT_location's value ends in the section (an expression's end). */
    long locationEnd;
    Form frameBase;
    long frameBaseValue;
    long frameBaseEnd;
    long byteSize;
    int encoding;
    /** DW_AT_data_member_location as a constant, -1 where none or an expression. */
    long memberOffset;
    /** DW_AT_upper_bound + 1, or DW_AT_count, of an array's subrange; -1 where none. */
    long count;

    /** Reads the entry of abbreviation {@code a} at {@code r}'s cursor; references are made absolute by unitOffset. */
    void read(FormReader r, long unitOffset, Abbrev a) {
        clear();
        tag = a.tag();
        children = a.children();
        int[] names = a.names();
        Form[] forms = a.forms();
        for (int i = 0; i < names.length; i++) {
            long v = r.raw(forms[i], a.constants()[i]);
            Form f = r.form();
            switch (names[i]) {
                case Dw.AT_NAME -> { name = f; nameValue = v; }
                case Dw.AT_LINKAGE_NAME, Dw.AT_MIPS_LINKAGE_NAME -> { linkageName = f; linkageNameValue = v; }
                case Dw.AT_LOW_PC -> { lowPc = f; lowPcValue = v; }
                case Dw.AT_HIGH_PC -> { highPc = f; highPcValue = v; }
                case Dw.AT_ENTRY_PC -> { entryPc = f; entryPcValue = v; }
                case Dw.AT_RANGES -> { ranges = f; rangesValue = v; }
                case Dw.AT_ABSTRACT_ORIGIN -> abstractOrigin = reference(f, v, unitOffset);
                case Dw.AT_SPECIFICATION -> specification = reference(f, v, unitOffset);
                case Dw.AT_CALL_FILE -> callFile = v;
                case Dw.AT_CALL_LINE -> callLine = v;
                case Dw.AT_CALL_COLUMN -> callColumn = v;
                case Dw.AT_STMT_LIST -> stmtList = v;
                case Dw.AT_COMP_DIR -> { compDir = f; compDirValue = v; }
                case Dw.AT_PRODUCER -> { producer = f; producerValue = v; }
                case Dw.AT_LANGUAGE -> language = (int) v;
                case Dw.AT_STR_OFFSETS_BASE -> strOffsetsBase = v;
                case Dw.AT_ADDR_BASE, Dw.AT_GNU_ADDR_BASE -> addrBase = v;
                case Dw.AT_RNGLISTS_BASE -> rnglistsBase = v;
                case Dw.AT_TYPE -> type = reference(f, v, unitOffset);
                case Dw.AT_LOCATION -> { location = f; locationValue = v; locationEnd = r.cursor.position(); }
                case Dw.AT_FRAME_BASE -> { frameBase = f; frameBaseValue = v; frameBaseEnd = r.cursor.position(); }
                case Dw.AT_BYTE_SIZE -> byteSize = v;
                case Dw.AT_ENCODING -> encoding = (int) v;
                case Dw.AT_DATA_MEMBER_LOCATION -> memberOffset = f.kind == Form.Kind.CONSTANT ? v : -1;
                case Dw.AT_UPPER_BOUND -> count = f.kind == Form.Kind.CONSTANT ? v + 1 : -1;
                case Dw.AT_COUNT -> count = f.kind == Form.Kind.CONSTANT ? v : -1;
                default -> {
                }
            }
        }
    }

    private void clear() {
        name = linkageName = lowPc = highPc = entryPc = ranges = compDir = producer = location = frameBase = null;
        abstractOrigin = specification = stmtList = strOffsetsBase = addrBase = rnglistsBase = type = -1;
        memberOffset = count = -1;
        byteSize = 0;
        encoding = 0;
        callFile = callLine = callColumn = 0;
        language = 0;
    }

    /** A reference as a {@code .debug_info} offset; -1 for one into another file or a type unit. */
    static long reference(Form f, long v, long unitOffset) {
        return switch (f) {
            case REF1, REF2, REF4, REF8, REF_UDATA -> unitOffset + v;
            case REF_ADDR -> v;
            default -> -1;
        };
    }
}
