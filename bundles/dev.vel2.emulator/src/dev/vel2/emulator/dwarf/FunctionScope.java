// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.List;

/**
 * A function's code as {@code .debug_info} describes it: a subprogram, or a subroutine inlined into another scope
 * (DWARF 5 sections 3.3 and 3.3.8). {@code name} is the one binutils prints (DW_AT_linkage_name if there is one,
 * else DW_AT_name, through DW_AT_abstract_origin and DW_AT_specification; C++ names stay mangled); {@code entry} is
 * DW_AT_entry_pc, else the lowest address. An inlined subroutine has its call site: the file, line and column of the
 * call in the scope it was inlined into (file null and line 0 when the entry gives none).
 */
public record FunctionScope(Kind kind, String name, long entry, List<AddressRange> ranges, SourceFile callFile,
        int callLine, int callColumn) {

    public enum Kind {
        SUBPROGRAM, INLINED_SUBROUTINE
    }

    public boolean inlined() {
        return kind == Kind.INLINED_SUBROUTINE;
    }
}
