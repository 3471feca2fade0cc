// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

/**
 * The DWARF 5 codes this reader uses (DWARF 5 section 7, "Data Representation", and the GNU extensions GCC writes),
 * named as the standard names them without the {@code DW_} prefix. Tags and attributes are open sets (vendors add
 * their own), so they are numbers here; forms are the closed set {@link Form}.
 */
final class Dw {
    private Dw() {
    }

    // 7.5.1 unit types (DWARF 5 unit headers)
    static final int UT_COMPILE = 0x01;
    static final int UT_TYPE = 0x02;
    static final int UT_PARTIAL = 0x03;
    static final int UT_SKELETON = 0x04;
    static final int UT_SPLIT_COMPILE = 0x05;
    static final int UT_SPLIT_TYPE = 0x06;

    // 7.5.3 tags
    static final int TAG_ARRAY_TYPE = 0x01;
    static final int TAG_ENTRY_POINT = 0x03;
    static final int TAG_ENUMERATION_TYPE = 0x04;
    static final int TAG_FORMAL_PARAMETER = 0x05;
    static final int TAG_LEXICAL_BLOCK = 0x0b;
    static final int TAG_MEMBER = 0x0d;
    static final int TAG_POINTER_TYPE = 0x0f;
    static final int TAG_STRUCTURE_TYPE = 0x13;
    static final int TAG_TYPEDEF = 0x16;
    static final int TAG_UNION_TYPE = 0x17;
    static final int TAG_INLINED_SUBROUTINE = 0x1d;
    static final int TAG_SUBRANGE_TYPE = 0x21;
    static final int TAG_BASE_TYPE = 0x24;
    static final int TAG_CONST_TYPE = 0x26;
    static final int TAG_SUBPROGRAM = 0x2e;
    static final int TAG_VARIABLE = 0x34;
    static final int TAG_VOLATILE_TYPE = 0x35;

    // 7.5.4 attributes
    static final int AT_LOCATION = 0x02;
    static final int AT_NAME = 0x03;
    static final int AT_BYTE_SIZE = 0x0b;
    static final int AT_STMT_LIST = 0x10;
    static final int AT_LOW_PC = 0x11;
    static final int AT_HIGH_PC = 0x12;
    static final int AT_LANGUAGE = 0x13;
    static final int AT_COMP_DIR = 0x1b;
    static final int AT_PRODUCER = 0x25;
    static final int AT_UPPER_BOUND = 0x2f;
    static final int AT_ABSTRACT_ORIGIN = 0x31;
    static final int AT_COUNT = 0x37;
    static final int AT_DATA_MEMBER_LOCATION = 0x38;
    static final int AT_ENCODING = 0x3e;
    static final int AT_FRAME_BASE = 0x40;
    static final int AT_SPECIFICATION = 0x47;
    static final int AT_TYPE = 0x49;
    static final int AT_ENTRY_PC = 0x52;
    static final int AT_RANGES = 0x55;
    static final int AT_CALL_COLUMN = 0x57;
    static final int AT_CALL_FILE = 0x58;
    static final int AT_CALL_LINE = 0x59;
    static final int AT_LINKAGE_NAME = 0x6e;
    static final int AT_STR_OFFSETS_BASE = 0x72;
    static final int AT_ADDR_BASE = 0x73;
    static final int AT_RNGLISTS_BASE = 0x74;
    static final int AT_MIPS_LINKAGE_NAME = 0x2007;
    static final int AT_GNU_ADDR_BASE = 0x2133;

    // 7.22 line number opcodes
    static final int LNS_COPY = 0x01;
    static final int LNS_ADVANCE_PC = 0x02;
    static final int LNS_ADVANCE_LINE = 0x03;
    static final int LNS_SET_FILE = 0x04;
    static final int LNS_SET_COLUMN = 0x05;
    static final int LNS_NEGATE_STMT = 0x06;
    static final int LNS_SET_BASIC_BLOCK = 0x07;
    static final int LNS_CONST_ADD_PC = 0x08;
    static final int LNS_FIXED_ADVANCE_PC = 0x09;
    static final int LNS_SET_PROLOGUE_END = 0x0a;
    static final int LNS_SET_EPILOGUE_BEGIN = 0x0b;
    static final int LNS_SET_ISA = 0x0c;
    static final int LNE_END_SEQUENCE = 0x01;
    static final int LNE_SET_ADDRESS = 0x02;
    static final int LNE_DEFINE_FILE = 0x03;
    static final int LNE_SET_DISCRIMINATOR = 0x04;
    // 7.22 line number header entry formats
    static final int LNCT_PATH = 0x1;
    static final int LNCT_DIRECTORY_INDEX = 0x2;

    // 7.25 range list entries (.debug_rnglists)
    static final int RLE_END_OF_LIST = 0x00;
    static final int RLE_BASE_ADDRESSX = 0x01;
    static final int RLE_STARTX_ENDX = 0x02;
    static final int RLE_STARTX_LENGTH = 0x03;
    static final int RLE_OFFSET_PAIR = 0x04;
    static final int RLE_BASE_ADDRESS = 0x05;
    static final int RLE_START_END = 0x06;
    static final int RLE_START_LENGTH = 0x07;

    // 7.24 call frame instructions: the high two bits, then the rest
    static final int CFA_ADVANCE_LOC = 0x40;
    static final int CFA_OFFSET = 0x80;
    static final int CFA_RESTORE = 0xc0;
    static final int CFA_NOP = 0x00;
    static final int CFA_SET_LOC = 0x01;
    static final int CFA_ADVANCE_LOC1 = 0x02;
    static final int CFA_ADVANCE_LOC2 = 0x03;
    static final int CFA_ADVANCE_LOC4 = 0x04;
    static final int CFA_OFFSET_EXTENDED = 0x05;
    static final int CFA_RESTORE_EXTENDED = 0x06;
    static final int CFA_UNDEFINED = 0x07;
    static final int CFA_SAME_VALUE = 0x08;
    static final int CFA_REGISTER = 0x09;
    static final int CFA_REMEMBER_STATE = 0x0a;
    static final int CFA_RESTORE_STATE = 0x0b;
    static final int CFA_DEF_CFA = 0x0c;
    static final int CFA_DEF_CFA_REGISTER = 0x0d;
    static final int CFA_DEF_CFA_OFFSET = 0x0e;
    static final int CFA_DEF_CFA_EXPRESSION = 0x0f;
    static final int CFA_EXPRESSION = 0x10;
    static final int CFA_OFFSET_EXTENDED_SF = 0x11;
    static final int CFA_DEF_CFA_SF = 0x12;
    static final int CFA_DEF_CFA_OFFSET_SF = 0x13;
    static final int CFA_VAL_OFFSET = 0x14;
    static final int CFA_VAL_OFFSET_SF = 0x15;
    static final int CFA_VAL_EXPRESSION = 0x16;
    /** DW_CFA_AARCH64_negate_ra_state (AArch64 DWARF ABI; DW_CFA_GNU_window_save elsewhere). */
    static final int CFA_AARCH64_NEGATE_RA_STATE = 0x2d;
    static final int CFA_GNU_ARGS_SIZE = 0x2e;
    static final int CFA_GNU_NEGATIVE_OFFSET_EXTENDED = 0x2f;

    // .eh_frame pointer encodings (LSB 5.0, "DWARF Extensions": DW_EH_PE_*)
    static final int EH_PE_ABSPTR = 0x00;
    static final int EH_PE_ULEB128 = 0x01;
    static final int EH_PE_UDATA2 = 0x02;
    static final int EH_PE_UDATA4 = 0x03;
    static final int EH_PE_UDATA8 = 0x04;
    static final int EH_PE_SLEB128 = 0x09;
    static final int EH_PE_SDATA2 = 0x0a;
    static final int EH_PE_SDATA4 = 0x0b;
    static final int EH_PE_SDATA8 = 0x0c;
    static final int EH_PE_PCREL = 0x10;
    static final int EH_PE_INDIRECT = 0x80;
    static final int EH_PE_OMIT = 0xff;
}
