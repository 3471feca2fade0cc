// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.List;
import java.util.OptionalLong;

/**
 * A parameter or local variable of the function at a pc (DW_TAG_formal_parameter, DW_TAG_variable, of the
 * subprogram and of the lexical blocks that hold the pc), with its type and, where DWARF places it in the frame, the
 * offset of its storage from the frame's CFA (DW_OP_fbreg on a frame base of DW_OP_call_frame_cfa, as GCC writes at
 * -O0), or the register that holds it (DW_OP_regN, -1 where none); neither where it lives elsewhere (a location
 * list, an expression this reader does not place).
 */
public record Variable(String name, boolean parameter, Type type, OptionalLong cfaOffset, int register) {

    /** What a type is, as far as a debugger shows values. */
    public enum Kind {
        SIGNED, UNSIGNED, BOOLEAN, FLOAT, POINTER, STRUCT, ARRAY, OTHER
    }

    /**
     * A type with typedefs and qualifiers looked through (its {@code name} is the one written: {@code u64}): size in
     * bytes, kind, a struct's members, an array's element and count (-1 where unknown).
     */
    public record Type(String name, int size, Kind kind, List<Member> members, Type element, long count) {
    }

    /** A struct member at {@code offset} bytes from the struct's start. */
    public record Member(String name, long offset, Type type) {
    }
}
