// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * The parameters and locals at a pc as {@code objdump --dwarf=info} lists them for dwarf-o0 (GCC 12 -O0, DWARF 5):
 * hypercall's fid (DW_OP_fbreg -72), arg (-80), args (-64, u64[4]) and the register variables x0, x1 (DW_OP_reg0,
 * DW_OP_reg1); a lexical block's local only while the pc is in the block.
 */
class VariablesTest {

    @Test
    void hypercallsParametersAndLocalsAreWhereDwarfPutsThem() throws Exception {
        DebugInfo debug = DebugInfo.of(DwarfGuests.image("dwarf-o0"));
        long hvc = 0x4008280cL; // hvc #0x1 in hypercall (dwarf-o0.objdump)
        List<Variable> vs = debug.variables(hvc);
        assertEquals(List.of("fid", "arg", "args", "x0", "x1"), vs.stream().map(Variable::name).toList());
        assertEquals(List.of(true, true, false, false, false), vs.stream().map(Variable::parameter).toList());
        assertEquals(OptionalLong.of(-72), vs.get(0).cfaOffset());
        assertEquals(OptionalLong.of(-80), vs.get(1).cfaOffset());
        assertEquals(OptionalLong.of(-64), vs.get(2).cfaOffset());
        assertEquals(List.of(-1, -1, -1, 0, 1), vs.stream().map(Variable::register).toList());
        Variable.Type u64 = vs.get(0).type();
        assertEquals("u64", u64.name());
        assertEquals(8, u64.size());
        assertEquals(Variable.Kind.UNSIGNED, u64.kind());
        Variable.Type args = vs.get(2).type();
        assertEquals(Variable.Kind.ARRAY, args.kind());
        assertEquals(4, args.count());
        assertEquals(32, args.size());
        assertEquals("u64", args.element().name());
    }

    @Test
    void aBlocksLocalIsInScopeOnlyInTheBlock() throws Exception {
        DebugInfo debug = DebugInfo.of(DwarfGuests.image("dwarf-o0"));
        int withBlockLocal = 0;
        for (long pc : DwarfGuests.addr2line("dwarf-o0").keySet()) {
            List<Variable> vs = debug.variables(pc);
            long underscores = vs.stream().filter(v -> v.name().equals("_v")).count();
            assertTrue(underscores <= 1, "one RD(...) block at a time at 0x" + Long.toHexString(pc) + ": " + vs);
            withBlockLocal += (int) underscores;
        }
        assertTrue(withBlockLocal > 0, "some pcs are in a block with its _v");
    }
}
