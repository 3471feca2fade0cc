// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

/**
 * Who may access a register: the lowest exception level that may read it and the lowest that may write it
 * (4 = never). Accesses from a lower level are UNDEFINED unless a trap rule takes them first.
 */
public record Access(int readEl, int writeEl) {
    public static final int NEVER = 4;

    public static final Access EL0_RW = new Access(0, 0);
    public static final Access EL0_RO = new Access(0, NEVER);
    public static final Access EL0_WO = new Access(NEVER, 0);
    public static final Access EL1_RW = new Access(1, 1);
    public static final Access EL1_RO = new Access(1, NEVER);
    public static final Access EL1_WO = new Access(NEVER, 1);
    public static final Access EL2_RW = new Access(2, 2);
    public static final Access EL2_RO = new Access(2, NEVER);
    public static final Access EL2_WO = new Access(NEVER, 2);

    public boolean canRead(int el) {
        return el >= readEl;
    }

    public boolean canWrite(int el) {
        return el >= writeEl;
    }
}
