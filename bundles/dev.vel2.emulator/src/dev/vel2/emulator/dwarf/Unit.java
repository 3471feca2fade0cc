// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.Arrays;

import dev.vel2.emulator.dwarf.Abbreviations.Abbrev;

/**
 * A unit of {@code .debug_info} (DWARF 5 section 7.5.1, and the version 2-4 header): its header, its abbreviations and
 * what its first entry says (name, compilation directory, line program, address ranges, the bases of its indexed
 * forms), and the resolution of the raw values its entries hold: strings, addresses, references, range lists.
 */
final class Unit {
    final DebugSections sections;
    final long offset;
    final long end;
    final int version;
    final int unitType;
    final int addressSize;
    final boolean dwarf64;
    final long firstEntry;
    final Abbreviations abbreviations;
    String name = "";
    String compDir;
    String producer = "";
    int language;
    long stmtList = -1;
    /** The base address of the unit's range lists and location lists: its DW_AT_low_pc, else 0. */
    long base;
    /** The unit's address ranges as [low, high) pairs; empty when its entry gives none. */
    long[] ranges = new long[0];
    private long strOffsetsBase;
    private long addrBase;
    private long rnglistsBase;

    private Unit(DebugSections sections, long offset, long end, int version, int unitType, int addressSize,
            boolean dwarf64, long firstEntry, Abbreviations abbreviations) {
        this.sections = sections;
        this.offset = offset;
        this.end = end;
        this.version = version;
        this.unitType = unitType;
        this.addressSize = addressSize;
        this.dwarf64 = dwarf64;
        this.firstEntry = firstEntry;
        this.abbreviations = abbreviations;
        // without the attributes, DWARF 5's bases point past the tables' 32-bit headers (sections 7.26, 7.27, 7.28)
        this.strOffsetsBase = dwarf64 ? 16 : 8;
        this.addrBase = 8;
        this.rnglistsBase = dwarf64 ? 20 : 12;
    }

    /** The offset of the unit after the one at {@code offset} (its initial length says); malformed throws. */
    static long next(DebugSections s, long offset) {
        DwarfCursor c = DwarfCursor.at(s.info(), ".debug_info", offset);
        long length = c.initialLength();
        long end = c.position() + length;
        if (end > c.limit() || end < c.position()) {
            throw c.bad("unit at 0x" + Long.toHexString(offset) + " runs past the section's end (length 0x"
                    + Long.toHexString(length) + ")");
        }
        return end;
    }

    /** Reads the header and the first entry of the unit at {@code offset}. */
    static Unit read(DebugSections s, long offset, AbbreviationCache abbreviations) {
        DwarfCursor c = DwarfCursor.at(s.info(), ".debug_info", offset);
        long length = c.initialLength();
        boolean is64 = c.dwarf64();
        c.limitTo(c.position() + length);
        int version = c.u16();
        if (version < 2 || version > 5) {
            throw c.bad("unit at 0x" + Long.toHexString(offset) + " has version " + version + " (2 to 5 are read)");
        }
        int type = Dw.UT_COMPILE;
        int addressSize;
        long abbrevOffset;
        if (version >= 5) {
            type = c.u8();
            addressSize = c.u8();
            abbrevOffset = c.offset(is64);
            switch (type) {
                case Dw.UT_SKELETON, Dw.UT_SPLIT_COMPILE -> c.u64(); // dwo_id
                case Dw.UT_TYPE, Dw.UT_SPLIT_TYPE -> {
                    c.u64(); // type_signature
                    c.offset(is64); // type_offset
                }
                case Dw.UT_COMPILE, Dw.UT_PARTIAL -> {
                }
                default -> throw c.bad("unit at 0x" + Long.toHexString(offset) + " has unit type " + type);
            }
        } else {
            abbrevOffset = c.offset(is64);
            addressSize = c.u8();
        }
        if (addressSize != 4 && addressSize != 8) {
            throw c.bad("unit at 0x" + Long.toHexString(offset) + " has " + addressSize + "-byte addresses");
        }
        Unit u = new Unit(s, offset, c.limit(), version, type, addressSize, is64, c.position(),
                abbreviations.at(abbrevOffset));
        u.readFirstEntry(c);
        return u;
    }

    /** A reader of this unit's entries' values at {@code c}. */
    FormReader reader(DwarfCursor c) {
        return new FormReader(c, addressSize, dwarf64, version);
    }

    /** A cursor over this unit's entries, at {@code at}. */
    DwarfCursor cursor(long at) {
        DwarfCursor c = DwarfCursor.at(sections.info(), ".debug_info", offset);
        c.limitTo(end);
        c.seek(at);
        return c;
    }

    /**
     * Reads the entry at {@code r}'s cursor into {@code e}; false for a null entry (the end of a list of
     * siblings). An unknown abbreviation code is malformed.
     */
    boolean readEntry(FormReader r, Entry e) {
        e.offset = r.cursor.position();
        int code = r.cursor.ulebInt();
        if (code == 0) {
            return false;
        }
        Abbrev a = abbreviations.get(code);
        if (a == null) {
            throw r.cursor.bad("entry at 0x" + Long.toHexString(e.offset) + " has unknown abbreviation " + code);
        }
        e.read(r, offset, a);
        return true;
    }

    private void readFirstEntry(DwarfCursor c) {
        Entry e = new Entry();
        if (!readEntry(reader(c), e)) {
            return;
        }
        if (e.strOffsetsBase >= 0) {
            strOffsetsBase = e.strOffsetsBase;
        }
        if (e.addrBase >= 0) {
            addrBase = e.addrBase;
        }
        if (e.rnglistsBase >= 0) {
            rnglistsBase = e.rnglistsBase;
        }
        name = e.name == null ? "" : string(e.name, e.nameValue);
        compDir = e.compDir == null ? null : string(e.compDir, e.compDirValue);
        producer = e.producer == null ? "" : string(e.producer, e.producerValue);
        language = e.language;
        stmtList = e.stmtList;
        base = e.lowPc == null ? 0 : address(e.lowPc, e.lowPcValue);
        ranges = ranges(e);
    }

    /** A string value of form {@code f}; a form that does not give a string is malformed. */
    String string(Form f, long v) {
        return switch (f) {
            case STRING -> new DwarfCursor(sections.info(), ".debug_info").stringAt(v);
            case STRP -> new DwarfCursor(sections.str(), ".debug_str").stringAt(v);
            case LINE_STRP -> new DwarfCursor(sections.lineStr(), ".debug_line_str").stringAt(v);
            case STRX, STRX1, STRX2, STRX3, STRX4, GNU_STR_INDEX -> {
                int size = dwarf64 ? 8 : 4;
                DwarfCursor offsets = DwarfCursor.at(sections.strOffsets(), ".debug_str_offsets",
                        strOffsetsBase + v * size);
                yield new DwarfCursor(sections.str(), ".debug_str").stringAt(offsets.offset(dwarf64));
            }
            case STRP_SUP, GNU_STRP_ALT -> ""; // in a supplementary file this reader does not open
            default -> throw new DwarfFormatException(".debug_info", "form " + f + " where a string belongs");
        };
    }

    /** An address value of form {@code f} (DW_FORM_addr, or an index into {@code .debug_addr}). */
    long address(Form f, long v) {
        if (f == Form.ADDR) {
            return v;
        }
        if (f.kind != Form.Kind.ADDRESS) {
            throw new DwarfFormatException(".debug_info", "form " + f + " where an address belongs");
        }
        return DwarfCursor.at(sections.addr(), ".debug_addr", addrBase + v * addressSize).unsigned(addressSize);
    }

    /**
     * The address ranges of an entry as [low, high) pairs: DW_AT_low_pc with DW_AT_high_pc (an address, or since
     * DWARF 4 a length), or DW_AT_ranges; empty ranges are left out.
     */
    long[] ranges(Entry e) {
        if (e.ranges != null) {
            return rangeList(e.ranges, e.rangesValue);
        }
        if (e.lowPc != null && e.highPc != null) {
            long low = address(e.lowPc, e.lowPcValue);
            long high = e.highPc.kind == Form.Kind.ADDRESS ? address(e.highPc, e.highPcValue) : low + e.highPcValue;
            return Long.compareUnsigned(high, low) > 0 ? new long[] { low, high } : new long[0];
        }
        return new long[0];
    }

    private long[] rangeList(Form f, long v) {
        if (version >= 5 || f == Form.RNGLISTX) {
            long at = v;
            if (f == Form.RNGLISTX) {
                DwarfCursor table = DwarfCursor.at(sections.rnglists(), ".debug_rnglists",
                        rnglistsBase + v * (dwarf64 ? 8 : 4));
                at = rnglistsBase + table.offset(dwarf64);
            }
            return rnglist(DwarfCursor.at(sections.rnglists(), ".debug_rnglists", at));
        }
        return ranges(DwarfCursor.at(sections.ranges(), ".debug_ranges", v));
    }

    /** A DWARF 5 range list (section 2.17.3): entries DW_RLE_* up to DW_RLE_end_of_list. */
    private long[] rnglist(DwarfCursor c) {
        RangeBuilder out = new RangeBuilder();
        long b = base;
        while (true) {
            int kind = c.u8();
            switch (kind) {
                case Dw.RLE_END_OF_LIST -> {
                    return out.toArray();
                }
                case Dw.RLE_BASE_ADDRESSX -> b = address(Form.ADDRX, c.uleb());
                case Dw.RLE_STARTX_ENDX -> out.add(address(Form.ADDRX, c.uleb()), address(Form.ADDRX, c.uleb()));
                case Dw.RLE_STARTX_LENGTH -> {
                    long start = address(Form.ADDRX, c.uleb());
                    out.add(start, start + c.uleb());
                }
                case Dw.RLE_OFFSET_PAIR -> out.add(b + c.uleb(), b + c.uleb());
                case Dw.RLE_BASE_ADDRESS -> b = c.unsigned(addressSize);
                case Dw.RLE_START_END -> out.add(c.unsigned(addressSize), c.unsigned(addressSize));
                case Dw.RLE_START_LENGTH -> {
                    long start = c.unsigned(addressSize);
                    out.add(start, start + c.uleb());
                }
                default -> throw c.bad("range list entry kind " + kind + " at 0x"
                        + Integer.toHexString(c.position() - 1));
            }
        }
    }

    /** A DWARF 2-4 range list (DWARF 4 section 2.17.3): pairs up to (0, 0); a largest-address start sets the base. */
    private long[] ranges(DwarfCursor c) {
        RangeBuilder out = new RangeBuilder();
        long largest = addressSize == 8 ? -1L : 0xffffffffL;
        long b = base;
        while (true) {
            long start = c.unsigned(addressSize);
            long stop = c.unsigned(addressSize);
            if (start == 0 && stop == 0) {
                return out.toArray();
            }
            if (start == largest) {
                b = stop;
            } else {
                out.add(b + start, b + stop);
            }
        }
    }

    /** [low, high) pairs in the order found, empty ones left out. */
    static final class RangeBuilder {
        private long[] pairs = new long[4];
        private int n;

        void add(long low, long high) {
            if (Long.compareUnsigned(high, low) <= 0) {
                return;
            }
            if (n == pairs.length) {
                pairs = Arrays.copyOf(pairs, n * 2);
            }
            pairs[n++] = low;
            pairs[n++] = high;
        }

        long[] toArray() {
            return Arrays.copyOf(pairs, n);
        }
    }
}
