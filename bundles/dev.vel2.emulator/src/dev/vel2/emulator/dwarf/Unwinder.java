// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Unwinds AArch64 stack frames with the image's call frame information: {@code .debug_frame} first, then
 * {@code .eh_frame} (GDB's order for a pc both describe). For a frame's registers it finds the FDE of the frame's code,
 * runs its CFA program to the frame's pc, and computes the CFA and the caller's registers: a register saved at an
 * offset from the CFA is read from memory, one that no rule names keeps its value (as GDB assumes), the caller's SP is
 * the CFA and its PC the return address column (X30). Where no FDE covers the pc, the return address is undefined or
 * memory cannot be read, there is no caller: the stack ends there.
 */
public final class Unwinder {

    /** Reads guest memory for the unwinder: {@code size} (1 to 8) bytes little-endian, empty when unreadable. */
    @FunctionalInterface
    public interface Memory {
        OptionalLong read(long address, int size);
    }

    /** A frame's CFA (the SP before the call that made it) and its caller's registers. */
    public record Unwound(long cfa, FrameRegisters caller) {
    }

    /** More frames than this end a backtrace: a loop the CFA checks miss. */
    public static final int MAX_FRAMES = 1024;

    private final CallFrames debugFrame;
    private final CallFrames ehFrame;

    Unwinder(DebugSections sections, Warnings warnings) {
        this.debugFrame = new CallFrames(sections.frame(), ".debug_frame", false, 0, warnings);
        this.ehFrame = new CallFrames(sections.ehFrame(), ".eh_frame", true, sections.ehFrameAddress(), warnings);
    }

    /** True when an FDE covers {@code pc}. */
    public boolean covers(long pc) {
        return debugFrame.fde(pc) != null || ehFrame.fde(pc) != null;
    }

    /** The caller of {@code frame}, or empty where the stack ends or cannot be unwound. */
    public Optional<Unwound> unwind(FrameRegisters frame, Memory memory) {
        long pc = frame.lookupPc();
        CallFrames section = debugFrame;
        CallFrames.Fde fde = debugFrame.fde(pc);
        if (fde == null) {
            section = ehFrame;
            fde = ehFrame.fde(pc);
        }
        if (fde == null) {
            return Optional.empty();
        }
        FrameRow row;
        try {
            row = FrameRow.at(section, fde, pc);
        } catch (RuntimeException e) { // malformed instructions: this frame cannot be unwound
            return Optional.empty();
        }
        OptionalLong cfa = cfa(section, row, frame, memory);
        if (cfa.isEmpty()) {
            return Optional.empty();
        }
        int ra = fde.cie().returnAddressRegister();
        if (ra < 0 || ra >= FrameRegisters.COUNT) {
            return Optional.empty();
        }
        OptionalLong returnAddress = callerValue(section, row, ra, frame, cfa.getAsLong(), memory);
        if (returnAddress.isEmpty()) {
            return Optional.empty(); // undefined: the outermost frame
        }
        FrameRegisters caller = new FrameRegisters(returnAddress.getAsLong(), true);
        for (int r = 0; r < FrameRegisters.COUNT; r++) {
            OptionalLong v = callerValue(section, row, r, frame, cfa.getAsLong(), memory);
            if (v.isPresent()) {
                caller.set(r, v.getAsLong());
            }
        }
        return Optional.of(new Unwound(cfa.getAsLong(), caller));
    }

    /**
     * The frames from {@code top} outwards, {@code top} first, as far as they unwind; a caller whose PC is 0 ends it,
     * and so does a frame that repeats the one it was called from (same CFA and PC: GDB's "previous frame identical
     * to this frame"), which is left out.
     */
    public List<FrameRegisters> backtrace(FrameRegisters top, Memory memory) {
        List<FrameRegisters> frames = new ArrayList<>();
        frames.add(top);
        FrameRegisters frame = top;
        long calleeCfa = 0;
        long calleePc = 0;
        while (frames.size() < MAX_FRAMES) {
            Optional<Unwound> next = unwind(frame, memory);
            if (next.isEmpty()) {
                break;
            }
            Unwound u = next.get();
            if (frames.size() > 1 && u.cfa() == calleeCfa && frame.pc() == calleePc) {
                frames.remove(frames.size() - 1);
                break;
            }
            calleeCfa = u.cfa();
            calleePc = frame.pc();
            if (u.caller().pc() == 0) {
                break;
            }
            frame = u.caller();
            frames.add(frame);
        }
        return frames;
    }

    private static OptionalLong cfa(CallFrames section, FrameRow row, FrameRegisters frame, Memory memory) {
        if (row.cfaRegister >= 0) {
            return frame.isKnown(row.cfaRegister) ? OptionalLong.of(frame.value(row.cfaRegister) + row.cfaOffset)
                    : OptionalLong.empty();
        }
        if (row.cfaExpression >= 0) {
            return DwarfExpression.evaluate(section.data, section.name, row.cfaExpression, row.cfaExpressionEnd, null,
                    frame, memory);
        }
        return OptionalLong.empty();
    }

    /** Register {@code r} in the caller, by its rule in {@code row} (DWARF 5 section 6.4.1's register rules). */
    private static OptionalLong callerValue(CallFrames section, FrameRow row, int r, FrameRegisters frame, long cfa,
            Memory memory) {
        long operand = row.operands[r];
        return switch (row.rules[r]) {
            case UNSPECIFIED -> r == FrameRegisters.SP ? OptionalLong.of(cfa) : same(frame, r);
            case SAME_VALUE -> same(frame, r);
            case UNDEFINED -> OptionalLong.empty();
            case OFFSET -> read(memory, cfa + operand);
            case VAL_OFFSET -> OptionalLong.of(cfa + operand);
            case REGISTER -> operand >= 0 && operand < FrameRegisters.COUNT ? same(frame, (int) operand)
                    : OptionalLong.empty();
            case EXPRESSION -> {
                OptionalLong address = DwarfExpression.evaluate(section.data, section.name, (int) operand,
                        row.ends[r], cfa, frame, memory);
                yield address.isPresent() ? read(memory, address.getAsLong()) : address;
            }
            case VAL_EXPRESSION -> DwarfExpression.evaluate(section.data, section.name, (int) operand, row.ends[r],
                    cfa, frame, memory);
        };
    }

    /** A saved register; memory that cannot be read (however the reader says so) saves none. */
    private static OptionalLong read(Memory memory, long address) {
        try {
            return memory.read(address, 8);
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong same(FrameRegisters frame, int r) {
        return frame.isKnown(r) ? OptionalLong.of(frame.value(r)) : OptionalLong.empty();
    }
}
