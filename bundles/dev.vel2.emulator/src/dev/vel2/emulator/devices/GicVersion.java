// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

/** The board's GIC architecture version, as QEMU's {@code -M virt,gic-version=N}. */
public enum GicVersion {
    /** GICv2 ({@link Gicv2}): memory-mapped CPU interface, GICv2m; QEMU virt's default. */
    V2,
    /** GICv3 ({@link Gicv3}): redistributors and the system-register CPU interface, no ITS. */
    V3;

    /** The version's number, as {@code --gic} takes it. */
    public int number() {
        return this == V2 ? 2 : 3;
    }

    /** The version numbered {@code n}; an IllegalArgumentException for another number. */
    public static GicVersion of(int n) {
        return switch (n) {
            case 2 -> V2;
            case 3 -> V3;
            default -> throw new IllegalArgumentException("GIC version must be 2 or 3, not " + n);
        };
    }
}
