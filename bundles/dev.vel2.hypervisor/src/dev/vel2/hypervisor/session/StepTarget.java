// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.emulator.cpu.Cpu;

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
}
