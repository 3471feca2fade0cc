// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

/** Maps a virtual address to a physical one for an access, or throws a {@link GuestFault}. */
@FunctionalInterface
public interface Translation {
    long translate(Cpu cpu, long va, int access);

    int READ = 0;
    int WRITE = 1;
    int FETCH = 2;

    Translation IDENTITY = (cpu, va, access) -> va;
}
