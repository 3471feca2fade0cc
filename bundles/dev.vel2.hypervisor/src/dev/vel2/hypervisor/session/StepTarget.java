// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.Optional;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.dwarf.AddressRange;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.LineRow;

/** Where a step or run-to request ends: checked at instruction boundaries through the CPU's address breakpoints. */
sealed interface StepTarget {

    /** The vCPU whose boundaries are checked, or -1 for every vCPU. */
    int vcpu();

    /** The address to watch, or -1 when every boundary of {@link #vcpu()} is one. */
    long address();

    boolean reached(Cpu c, long va);

    /** One instruction (or exception entry) of one vCPU: the next boundary after the skipped first one. */
    record Instruction(int vcpu) implements StepTarget {
        @Override
        public long address() {
            return -1;
        }

        @Override
        public boolean reached(Cpu c, long va) {
            return c.index() == vcpu;
        }
    }

    /**
     * A return to {@code address} at exception level {@code el} with the stack pointer at or above {@code sp}: the
     * frame that made the request, not a deeper recursive activation (the stack grows down).
     */
    record Return(int vcpu, long address, int el, long sp) implements StepTarget {
        @Override
        public boolean reached(Cpu c, long va) {
            return c.index() == vcpu && va == address && c.el() == el && Long.compareUnsigned(c.sp(), sp) >= 0;
        }
    }

    /** Any vCPU at {@code address}, at any exception level. */
    record RunTo(long address) implements StepTarget {
        @Override
        public int vcpu() {
            return -1;
        }

        @Override
        public boolean reached(Cpu c, long va) {
            return va == address;
        }
    }

    /**
     * A step by source line, GDB's {@code next} ({@code step} when {@code into}): ends at the first boundary of the
     * vCPU, at the EL it started at, outside the line's addresses, that is in a caller (a return lands mid-line, as
     * GDB shows it), or starts a statement row (is_stmt) of another line in the same frame, or in a callee when
     * {@code into}. Frames compare by CFA ({@link SourceFrames#cfa}). An exception taken meanwhile runs until it
     * returns (ELR_ELx): a line step never stops in a vector.
     */
    final class Line implements StepTarget {
        private final int vcpu;
        private final boolean into;
        private final LineRow from;
        private final AddressRange range;
        private final int el;
        private final long cfa;
        private final SourceFrames frames;
        /** False for a step that starts in the vector table: its own lines are stepped. */
        private final boolean watchVectors;
        /** Where an exception taken during the step returns to, -1 outside one. */
        private long exceptionReturn = -1;

        private Line(Cpu c, boolean into, LineRow from, AddressRange range, SourceFrames frames) {
            this.vcpu = c.index();
            this.into = into;
            this.from = from;
            this.range = range;
            this.el = c.el();
            this.cfa = frames.cfa(c, c.pc());
            this.frames = frames;
            this.watchVectors = !frames.inVectors(c, c.pc());
        }

        /** The step of {@code c}'s line, or empty where the image has no line for its PC. */
        static Optional<Line> of(Cpu c, boolean into, SourceFrames frames) {
            DebugInfo debug = frames.debug();
            Optional<LineRow> row = debug.statementLine(c.pc());
            Optional<AddressRange> range = debug.lineRange(c.pc());
            if (row.isEmpty() || row.get().line() == 0 || range.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Line(c, into, row.get(), range.get(), frames));
        }

        @Override
        public int vcpu() {
            return vcpu;
        }

        @Override
        public long address() {
            return -1;
        }

        @Override
        public boolean reached(Cpu c, long va) {
            if (c.index() != vcpu) {
                return false;
            }
            if (exceptionReturn >= 0) {
                if (va != exceptionReturn || c.el() != el) {
                    return false;
                }
                exceptionReturn = -1; // back where the exception was taken: the step goes on
            } else if (c.el() != el) {
                return false; // in a higher EL (guest EL2): it returns through a vector's ERET
            } else if (watchVectors && frames.inVectors(c, va)) {
                exceptionReturn = frames.exceptionReturn(c);
                return false;
            }
            if (range.contains(va)) {
                return false;
            }
            int depth = Long.compareUnsigned(frames.cfa(c, va), cfa);
            if (depth > 0) {
                return true; // returned to a caller
            }
            if (depth < 0 && !into) {
                return false; // in a callee of the line
            }
            LineRow row = frames.debug().statementLine(va).orElse(null);
            return row != null && row.address() == va && row.line() != 0
                    && (row.line() != from.line() || !row.file().path().equals(from.file().path()));
        }
    }
}
