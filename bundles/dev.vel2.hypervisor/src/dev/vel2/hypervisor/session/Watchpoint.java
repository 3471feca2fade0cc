// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.Locale;

import dev.vel2.emulator.cpu.Watchpoints;

/**
 * Stops a vCPU at a load or store that touches {@code length} bytes from a virtual address (in whatever translation
 * regime is current), before the access: the PC at the instruction, which runs when the vCPU resumes, as a hardware
 * watchpoint's debug exception leaves it. A session takes any number of them.
 *
 * @see Session#addWatchpoint(long, int, Access, int)
 */
public final class Watchpoint extends VcpuScoped implements Breakpoint {

    /** The accesses it stops at (GDB's watch, rwatch and awatch). */
    public enum Access {
        WRITE, READ, ACCESS;

        boolean stopsAt(boolean write) {
            return this == ACCESS || (this == WRITE) == write;
        }

        /** The emulator's {@link Watchpoints} kinds. */
        int kinds() {
            return switch (this) {
                case WRITE -> Watchpoints.WRITE;
                case READ -> Watchpoints.READ;
                case ACCESS -> Watchpoints.READ | Watchpoints.WRITE;
            };
        }
    }

    private final long address;
    private final int length;
    private final Access access;

    Watchpoint(long address, int length, Access access, int vcpu) {
        super(vcpu);
        if (length <= 0) {
            throw new IllegalArgumentException("watchpoint of " + length + " bytes");
        }
        this.address = address;
        this.length = length;
        this.access = access;
    }

    public long address() {
        return address;
    }

    public int length() {
        return length;
    }

    public Access access() {
        return access;
    }

    /** Whether an access of {@code size} bytes at {@code va} by vCPU {@code cpu} stops here. */
    boolean hit(int cpu, long va, int size, boolean write) {
        return appliesTo(cpu) && access.stopsAt(write) && Long.compareUnsigned(va, address + length) < 0
                && Long.compareUnsigned(va + size, address) > 0;
    }

    @Override
    public String toString() {
        return access.name().toLowerCase(Locale.ROOT) + " watchpoint 0x" + Long.toHexString(address) + "+"
                + length + (vcpu() < 0 ? "" : " on vCPU " + vcpu());
    }
}
