// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

/**
 * Attribute forms (DWARF 5 section 7.5.6, table 7.6, and the GNU forms of split and supplementary files): how an
 * attribute's value is encoded in {@code .debug_info} and in DWARF 5 line table headers, grouped by the class of
 * value they give so that a reader switches on the class.
 */
enum Form {
    ADDR(0x01, Kind.ADDRESS),
    BLOCK2(0x03, Kind.BLOCK),
    BLOCK4(0x04, Kind.BLOCK),
    DATA2(0x05, Kind.CONSTANT),
    DATA4(0x06, Kind.CONSTANT),
    DATA8(0x07, Kind.CONSTANT),
    STRING(0x08, Kind.STRING),
    BLOCK(0x09, Kind.BLOCK),
    BLOCK1(0x0a, Kind.BLOCK),
    DATA1(0x0b, Kind.CONSTANT),
    FLAG(0x0c, Kind.CONSTANT),
    SDATA(0x0d, Kind.CONSTANT),
    STRP(0x0e, Kind.STRING),
    UDATA(0x0f, Kind.CONSTANT),
    REF_ADDR(0x10, Kind.REFERENCE),
    REF1(0x11, Kind.REFERENCE),
    REF2(0x12, Kind.REFERENCE),
    REF4(0x13, Kind.REFERENCE),
    REF8(0x14, Kind.REFERENCE),
    REF_UDATA(0x15, Kind.REFERENCE),
    INDIRECT(0x16, Kind.INDIRECT),
    SEC_OFFSET(0x17, Kind.SECTION_OFFSET),
    EXPRLOC(0x18, Kind.BLOCK),
    FLAG_PRESENT(0x19, Kind.CONSTANT),
    STRX(0x1a, Kind.STRING),
    ADDRX(0x1b, Kind.ADDRESS),
    REF_SUP4(0x1c, Kind.FOREIGN),
    STRP_SUP(0x1d, Kind.FOREIGN),
    DATA16(0x1e, Kind.BLOCK),
    LINE_STRP(0x1f, Kind.STRING),
    REF_SIG8(0x20, Kind.FOREIGN),
    IMPLICIT_CONST(0x21, Kind.CONSTANT),
    LOCLISTX(0x22, Kind.LIST_INDEX),
    RNGLISTX(0x23, Kind.LIST_INDEX),
    REF_SUP8(0x24, Kind.FOREIGN),
    STRX1(0x25, Kind.STRING),
    STRX2(0x26, Kind.STRING),
    STRX3(0x27, Kind.STRING),
    STRX4(0x28, Kind.STRING),
    ADDRX1(0x29, Kind.ADDRESS),
    ADDRX2(0x2a, Kind.ADDRESS),
    ADDRX3(0x2b, Kind.ADDRESS),
    ADDRX4(0x2c, Kind.ADDRESS),
    GNU_ADDR_INDEX(0x1f01, Kind.ADDRESS),
    GNU_STR_INDEX(0x1f02, Kind.STRING),
    GNU_REF_ALT(0x1f20, Kind.FOREIGN),
    GNU_STRP_ALT(0x1f21, Kind.FOREIGN);

    /** The class of value a form gives (DWARF 5 section 7.5.5, with references to other files apart). */
    enum Kind {
        ADDRESS, BLOCK, CONSTANT, STRING, REFERENCE, SECTION_OFFSET, LIST_INDEX, INDIRECT,
        /** In another file (supplementary, alternate or type unit): read past, never followed. */
        FOREIGN
    }

    private static final Form[] BY_CODE = new Form[0x2d];
    static {
        for (Form f : values()) {
            if (f.code < BY_CODE.length) {
                BY_CODE[f.code] = f;
            }
        }
    }

    final int code;
    final Kind kind;

    Form(int code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The form of {@code code}, or null for a code DWARF 5 and GNU do not define. */
    static Form of(long code) {
        if (code >= 0 && code < BY_CODE.length) {
            return BY_CODE[(int) code];
        }
        for (Form f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }
}
