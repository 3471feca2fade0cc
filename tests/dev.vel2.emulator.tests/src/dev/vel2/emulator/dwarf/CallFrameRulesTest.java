// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * Call frame instructions and encodings GCC does not write for the guests, on hand-made sections: a version 4 CIE in
 * {@code .debug_frame} and an FDE that uses every register rule (offset, val_offset, register, same_value, undefined,
 * expression, val_expression), every way to move the location (advance_loc1/2/4, set_loc), remember/restore_state
 * (the CFA included), restore and restore_extended, def_cfa_sf and a CFA expression; in {@code .eh_frame}, a "zPLR"
 * CIE with PC-relative pointers and a version 3 "zRS" CIE with absolute 8-byte ones.
 */
class CallFrameRulesTest {
    static final long EH_ADDRESS = 0x4000_0000L;
    /** Memory where the 8 bytes at a holds a + 0x100_0000. */
    static final Unwinder.Memory MEMORY = (address, size) -> OptionalLong.of(address + 0x100_0000L);

    static long saved(long address) {
        return address + 0x100_0000L;
    }

    static DwarfBytes debugFrame() {
        DwarfBytes cie = new DwarfBytes().u32(0xffffffffL).u8(4).string("").u8(8, 0).uleb(4).sleb(-8).uleb(30)
                .u8(0x0c).uleb(31).uleb(0); // def_cfa sp+0
        DwarfBytes program = new DwarfBytes()
                .u8(0x41) // advance_loc 1: 0x1004
                .u8(0x0e).uleb(48) // def_cfa_offset 48
                .u8(0x80 | 29).uleb(6) // x29 at cfa-48
                .u8(0x80 | 30).uleb(5) // x30 at cfa-40
                .u8(0x02, 1) // advance_loc1: 0x1008
                .u8(0x0d).uleb(29) // def_cfa_register x29
                .u8(0x11).uleb(19).sleb(4) // offset_extended_sf: x19 at cfa-32
                .u8(0x14).uleb(20).uleb(2) // val_offset: x20 = cfa-16
                .u8(0x09).uleb(21).uleb(22) // register: x21 in x22
                .u8(0x08).uleb(23) // same_value x23
                .u8(0x07).uleb(24) // undefined x24
                .u8(0x03).u16(4) // advance_loc2: 0x1018
                .u8(0x0a) // remember_state
                .u8(0x0c).uleb(31).uleb(0) // def_cfa sp+0
                .u8(0xc0 | 29) // restore x29
                .u8(0x06).uleb(30) // restore_extended x30
                .u8(0x2d) // AArch64 negate_ra_state: no change
                .u8(0x04).u32(1) // advance_loc4: 0x101c
                .u8(0x0b) // restore_state: CFA x29+48, x29 and x30 saved again
                .u8(0x2e).uleb(16) // GNU_args_size
                .u8(0x12).uleb(31).sleb(-8) // def_cfa_sf: sp + 64
                .u8(0x01).u64(0x1080) // set_loc 0x1080
                .u8(0x0f).uleb(4).u8(0x8f).sleb(16).u8(0x06, 0x96) // def_cfa_expression *(sp + 16); nop
                .u8(0x16).uleb(19).uleb(2).u8(0x35, 0x1e) // val_expression x19 = cfa * 5
                .u8(0x10).uleb(20).uleb(2).u8(0x38, 0x1c); // expression x20 at cfa - 8
        DwarfBytes fde = new DwarfBytes().u32(0).u64(0x1000).u64(0x100).bytes(program);
        return new DwarfBytes().unit(cie).unit(fde);
    }

    static Unwinder unwinder(DwarfBytes frame, DwarfBytes eh, Warnings warnings) {
        return new Unwinder(DwarfBytes.sections(DebugSections.EMPTY, frame.buffer(), eh.buffer(), EH_ADDRESS),
                warnings);
    }

    static FrameRegisters frame(long pc) {
        long[] x = new long[31];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0x1_0000L * (i + 1);
        }
        return FrameRegisters.of(pc, 0x8000, x);
    }

    static FrameRegisters caller(Unwinder u, long pc) {
        return u.unwind(frame(pc), MEMORY).orElseThrow().caller();
    }

    static long x(FrameRegisters f, int n) {
        return f.register(n).orElseThrow();
    }

    @Test
    void everyRuleOfDebugFrame() {
        Warnings warnings = new Warnings();
        Unwinder u = unwinder(debugFrame(), new DwarfBytes(), warnings);
        assertEquals(List.of(), warnings.list());
        FrameRegisters f = frame(0);

        FrameRegisters atEntry = caller(u, 0x1000);
        assertEquals(0x8000, atEntry.sp(), "CFA sp+0");
        assertEquals(x(f, 30), atEntry.pc(), "x30 unchanged: the return address");
        assertEquals(x(f, 29), x(atEntry, 29));

        FrameRegisters saved = caller(u, 0x1004);
        assertEquals(0x8000 + 48, saved.sp());
        assertEquals(saved(0x8000), x(saved, 29));
        assertEquals(saved(0x8000 + 8), saved.pc());
        assertTrue(saved.returnAddress());

        long cfa = x(f, 29) + 48;
        FrameRegisters rules = caller(u, 0x1010);
        assertEquals(cfa, u.unwind(frame(0x1010), MEMORY).orElseThrow().cfa());
        assertEquals(saved(cfa - 32), x(rules, 19), "offset_extended_sf");
        assertEquals(cfa - 16, x(rules, 20), "val_offset");
        assertEquals(x(f, 22), x(rules, 21), "register");
        assertEquals(x(f, 23), x(rules, 23), "same_value");
        assertEquals(OptionalLong.empty(), rules.register(24), "undefined");

        FrameRegisters remembered = caller(u, 0x1018);
        assertEquals(0x8000, remembered.sp(), "def_cfa sp+0 after remember_state");
        assertEquals(x(f, 29), x(remembered, 29), "restore: the CIE's rule, unspecified");
        assertEquals(x(f, 30), remembered.pc(), "restore_extended, negate_ra_state");
        assertEquals(saved(0x8000 - 32), x(remembered, 19), "kept, from the new CFA");

        FrameRegisters restored = caller(u, 0x1040);
        assertEquals(0x8000 + 64, restored.sp(), "def_cfa_sf after restore_state");
        assertEquals(saved(0x8000 + 64 - 48), x(restored, 29), "restore_state brought x29's rule back");

        assertEquals(0x8000 + 64, caller(u, 0x107f).sp(), "up to set_loc");
        long expressionCfa = saved(0x8000 + 16);
        FrameRegisters expressions = caller(u, 0x1080);
        assertEquals(expressionCfa, expressions.sp(), "def_cfa_expression");
        assertEquals(expressionCfa * 5, x(expressions, 19), "val_expression");
        assertEquals(saved(expressionCfa - 8), x(expressions, 20), "expression");

        assertTrue(u.covers(0x10ff));
        assertFalse(u.covers(0x1100));
        assertTrue(u.unwind(frame(0x1100), MEMORY).isEmpty(), "no FDE: the stack ends");
    }

    @Test
    void aCallersFrameIsLookedUpAtTheCallInstruction() {
        Unwinder u = unwinder(debugFrame(), new DwarfBytes(), new Warnings());
        FrameRegisters returnTo = caller(u, 0x1004); // its PC 0x1000008 + 0x8000 lies in no FDE
        assertTrue(returnTo.returnAddress());
        assertEquals(returnTo.pc() - 1, returnTo.lookupPc());
        FrameRegisters endOfFunction = new FrameRegisters(0x1100, true); // a call as the last instruction
        endOfFunction.set(FrameRegisters.SP, 0x9000);
        endOfFunction.set(30, 0x2222);
        assertEquals(saved(0x9000 + 16), u.unwind(endOfFunction, MEMORY).orElseThrow().cfa(), "the rules at 0x10ff");
    }

    static DwarfBytes ehFrame() {
        DwarfBytes out = new DwarfBytes();
        // CIE 1 at 0: "zPLR", personality indirect|pcrel|sdata4, LSDA and FDE pointers pcrel|sdata4
        DwarfBytes zplr = new DwarfBytes().u32(0).u8(1).string("zPLR").uleb(4).sleb(-8).u8(30).uleb(7)
                .u8(0x9b).u32(0x1234).u8(0x1b).u8(0x1b).u8(0x0c).uleb(31).uleb(0);
        out.unit(zplr);
        int fdeAt = out.size();
        long pcBegin = 0x2000 - (EH_ADDRESS + fdeAt + 8); // pcrel: from the field, after length and CIE pointer
        DwarfBytes fde = new DwarfBytes().u32(fdeAt + 4).u32(pcBegin).u32(0x20).uleb(4).u32(0x40)
                .u8(0x41).u8(0x0e).uleb(16).u8(0x80 | 30).uleb(1);
        out.unit(fde);
        // CIE 3: version 3 "zRS", return address column as ULEB, FDE pointers udata8 absolute
        int cieAt = out.size();
        out.unit(new DwarfBytes().u32(0).u8(3).string("zRS").uleb(4).sleb(-8).uleb(30).uleb(1).u8(0x04)
                .u8(0x0c).uleb(31).uleb(32));
        int fde2At = out.size();
        out.unit(new DwarfBytes().u32(fde2At + 4 - cieAt).u64(0x3000).u64(0x10).uleb(0).u8(0x42).u8(0x9e).uleb(2));
        return out.u32(0); // the terminator
    }

    @Test
    void ehFrameAugmentationsAndPointerEncodings() {
        Warnings warnings = new Warnings();
        Unwinder u = unwinder(new DwarfBytes(), ehFrame(), warnings);
        assertEquals(List.of(), warnings.list());
        assertFalse(u.covers(0x1fff));
        assertTrue(u.covers(0x2000) && u.covers(0x201f));
        assertFalse(u.covers(0x2020));
        FrameRegisters zplr = caller(u, 0x2008);
        assertEquals(0x8000 + 16, zplr.sp());
        assertEquals(saved(0x8000 + 8), zplr.pc());
        FrameRegisters zrs = caller(u, 0x3008);
        assertEquals(0x8000 + 32, zrs.sp(), "the CIE's def_cfa sp+32");
        assertEquals(saved(0x8000 + 16), zrs.pc(), "x30 at cfa-16");
        assertFalse(u.covers(0x3010));
    }

    @Test
    void backtraceEndsAtAnUndefinedReturnAddressOrARepeatedFrame() {
        // .debug_frame: [0x1000, 0x1010) x30 undefined (the outermost frame); [0x2000, 0x2010) CFA = sp, x30 same
        DwarfBytes cie = new DwarfBytes().u32(0xffffffffL).u8(1).string("").uleb(4).sleb(-8).u8(30)
                .u8(0x0c).uleb(31).uleb(0);
        DwarfBytes frame = new DwarfBytes().unit(cie)
                .unit(new DwarfBytes().u32(0).u64(0x1000).u64(0x10).u8(0x07).uleb(30))
                .unit(new DwarfBytes().u32(0).u64(0x2000).u64(0x10));
        Unwinder u = unwinder(frame, new DwarfBytes(), new Warnings());
        long[] x = new long[31];
        x[30] = 0x1004;
        List<FrameRegisters> frames = u.backtrace(FrameRegisters.of(0x2004, 0x8000, x), MEMORY);
        assertEquals(List.of(0x2004L, 0x1004L), frames.stream().map(FrameRegisters::pc).toList());
        x[30] = 0x2008; // returns into itself with the same CFA: GDB's "previous frame identical"
        frames = u.backtrace(FrameRegisters.of(0x2004, 0x8000, x), MEMORY);
        assertEquals(List.of(0x2004L, 0x2008L), frames.stream().map(FrameRegisters::pc).toList());
    }
}
