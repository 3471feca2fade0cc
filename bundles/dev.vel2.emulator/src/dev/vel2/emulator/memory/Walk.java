// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.util.List;

/**
 * What the debugger sees of one translation ({@link Mmu#walk}): every descriptor read on the way, in order (stage 1
 * table reads through stage 2 appear as their stage 2 steps followed by the stage 1 step), the addresses at each
 * stage, the leaf descriptors' attributes, and the fault the guest would take, if any.
 *
 * @param ipa the intermediate physical address (the VA when stage 1 is off), -1 when stage 1 did not produce one
 * @param pa the physical address, or -1 on a fault
 * @param s1Level level of the stage 1 leaf descriptor, -1 when stage 1 is off or did not reach one
 * @param s2Level level of the stage 2 leaf descriptor for the output IPA, -1 when stage 2 is off or not reached
 * @param permissions what the stages walked grant (up to the fault, if any): see {@link #permitted}
 * @param memoryAttribute the MAIR_ELx byte stage 1's AttrIndx selects, -1 without a stage 1 leaf
 * @param fault null when the translation succeeds
 */
public record Walk(long va, TranslationRegime regime, int access, long ipa, long pa, List<Step> steps,
        long s1Descriptor, int s1Level, long s2Descriptor, int s2Level, int permissions, int memoryAttribute,
        MmuFault fault) {

    /**
     * One descriptor read.
     *
     * @param stage 1 or 2
     * @param tableAddress base of the table, in the stage's output space (an IPA for stage 1 with stage 2 on)
     * @param descriptorAddress physical address the descriptor was read from
     */
    public record Step(int stage, int level, long tableAddress, long descriptorAddress, long descriptor) {
        @Override
        public String toString() {
            return String.format("S%d L%d table 0x%x [0x%x] = 0x%016x %s", stage, level, tableAddress,
                    descriptorAddress, descriptor, Descriptor.describe(descriptor, level, stage == 2));
        }
    }

    public boolean faulted() {
        return fault != null;
    }

    /** Whether both stages allow an access of {@code kind} (READ/WRITE/FETCH) at EL0 ({@code el0}) or above. */
    public boolean permitted(int kind, boolean el0) {
        return (permissions & PageTableWalker.needed(kind & Mmu.ACCESS_KIND, el0)) != 0;
    }

    /** {@code rwx/rwx}: privileged, then EL0; dashes for what is not allowed. */
    public String permissionText() {
        return PageTableWalker.permissionText(permissions);
    }

    /** Stage 1 SH[1:0] of the leaf, -1 without one. */
    public int shareability() {
        return s1Level < 0 ? -1 : Descriptor.shareability(s1Descriptor);
    }

    /** Stage 1 nG: the mapping belongs to an ASID. */
    public boolean notGlobal() {
        return s1Level >= 0 && (s1Descriptor & Descriptor.NG) != 0;
    }

    /** Stage 2 MemAttr[3:0] of the leaf, -1 without one. */
    public int s2MemAttr() {
        return s2Level < 0 ? -1 : Descriptor.s2MemAttr(s2Descriptor);
    }
}
