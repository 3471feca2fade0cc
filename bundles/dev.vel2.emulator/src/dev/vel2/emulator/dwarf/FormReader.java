// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

/**
 * Reads attribute values of any {@link Form} at a cursor, for a unit of a given address size and offset format (units
 * of {@code .debug_info} and DWARF 5 line table headers). A value is read "raw": the number as encoded, which the
 * caller resolves by the form's {@link Form.Kind}; strings and blocks in place give their offset in the section. The
 * form a {@link Form#INDIRECT} value turned out to have is {@link #form()}.
 */
final class FormReader {
    final DwarfCursor cursor;
    final int addressSize;
    final boolean dwarf64;
    final int version;
    private Form form;

    FormReader(DwarfCursor cursor, int addressSize, boolean dwarf64, int version) {
        this.cursor = cursor;
        this.addressSize = addressSize;
        this.dwarf64 = dwarf64;
        this.version = version;
    }

    /** The form of the last value read (the one an indirect form named). */
    Form form() {
        return form;
    }

    /** Reads a value of {@code f}; {@code implicitConstant} is the abbreviation's value for implicit_const. */
    long raw(Form f, long implicitConstant) {
        form = f;
        DwarfCursor c = cursor;
        return switch (f) {
            case ADDR -> c.unsigned(addressSize);
            case ADDRX, STRX, UDATA, REF_UDATA, LOCLISTX, RNGLISTX, GNU_ADDR_INDEX, GNU_STR_INDEX -> c.uleb();
            case ADDRX1, STRX1, DATA1, REF1, FLAG -> c.u8();
            case ADDRX2, STRX2, DATA2, REF2 -> c.u16();
            case ADDRX3, STRX3 -> c.u24();
            case ADDRX4, STRX4, DATA4, REF4, REF_SUP4 -> c.u32();
            case DATA8, REF8, REF_SIG8, REF_SUP8 -> c.u64();
            case SDATA -> c.sleb();
            case STRP, LINE_STRP, SEC_OFFSET, STRP_SUP, GNU_REF_ALT, GNU_STRP_ALT -> c.offset(dwarf64);
            // DWARF 2 wrote DW_FORM_ref_addr as an address (DWARF 3 section 7.5.4 made it an offset)
            case REF_ADDR -> version <= 2 ? c.unsigned(addressSize) : c.offset(dwarf64);
            case STRING -> {
                long at = c.position();
                c.skipString();
                yield at;
            }
            case BLOCK1 -> block(c.u8());
            case BLOCK2 -> block(c.u16());
            case BLOCK4 -> block(c.u32());
            case BLOCK, EXPRLOC -> block(c.uleb());
            case DATA16 -> block(16);
            case FLAG_PRESENT -> 1;
            case IMPLICIT_CONST -> implicitConstant;
            case INDIRECT -> {
                Form named = Form.of(c.uleb());
                if (named == null || named == Form.INDIRECT || named == Form.IMPLICIT_CONST) {
                    throw c.bad("bad indirect form at 0x" + Integer.toHexString(c.position()));
                }
                yield raw(named, 0);
            }
        };
    }

    /** Skips a block of {@code length} bytes; the value is where it starts. */
    private long block(long length) {
        long at = cursor.position();
        cursor.skip(length);
        return at;
    }
}
