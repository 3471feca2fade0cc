// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.a64.Decoder;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Translation;
import dev.vel2.emulator.memory.Mmu;
import dev.vel2.emulator.memory.Ram;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.memory.Walk;

/**
 * The debugger's view of guest memory: RAM only (device registers have read side effects), virtual addresses through
 * the side-effect-free MMU walk of a vCPU's current regime. Permissions are not checked: a debugger may read what
 * EL0 cannot, and write code. Callers hold the session suspended.
 */
final class GuestMemory {
    private static final int PAGE = 4096;
    private static final Decoder DECODER = Decoder.a64();
    private final Machine machine;

    GuestMemory(Machine machine) {
        this.machine = machine;
    }

    /** The walk of {@code va} in the regime of the vCPU's current EL (EL2 in guest-EL2 mode at EL2, else EL1&0). */
    Walk translate(Cpu c, long va, int access) {
        return Mmu.walk(c, va, regime(c), access);
    }

    /** The translation regime of the vCPU's current EL. */
    static TranslationRegime regime(Cpu c) {
        return c.el() == 2 ? TranslationRegime.EL2 : TranslationRegime.EL10;
    }

    /** Whether the instruction at the vCPU's PC is a branch with link (BL, BLR, BLRAA...); false where none is read. */
    boolean callAt(Cpu c) {
        Walk w = translate(c, c.pc(), Translation.FETCH);
        if (w.faulted() || !machine.ram().contains(w.pa(), 4)) {
            return false;
        }
        return DECODER.decode((int) machine.ram().read(w.pa(), 4)).flow().isCall();
    }

    byte[] readPhysical(long pa, int length) {
        Ram ram = ram(pa, length);
        byte[] out = new byte[length];
        ram.copyOut(pa, out, 0, length);
        return out;
    }

    void writePhysical(long pa, byte[] data) {
        ram(pa, data.length).load(pa, data, 0, data.length);
        for (int i = 0; i < machine.cpuCount(); i++) {
            machine.cpu(i).invalidateDecodeCache(); // the debugger may have written code
        }
    }

    byte[] readVirtual(Cpu c, long va, int length) {
        return readVirtual(c, va, length, regime(c));
    }

    /** Bytes at {@code va} translated in {@code regime} (the EL1&0 regime's code seen from the guest's EL2, say). */
    byte[] readVirtual(Cpu c, long va, int length, TranslationRegime regime) {
        byte[] out = new byte[length];
        for (int done = 0; done < length; ) {
            int n = chunk(va + done, length - done);
            System.arraycopy(readPhysical(physical(c, va + done, Translation.READ, regime), n), 0, out, done, n);
            done += n;
        }
        return out;
    }

    void writeVirtual(Cpu c, long va, byte[] data) {
        // Translate every page first: a fault leaves memory unchanged.
        long[] pa = new long[(data.length + PAGE) / PAGE + 1];
        int pages = 0;
        for (int done = 0; done < data.length; done += chunk(va + done, data.length - done)) {
            pa[pages++] = physical(c, va + done, Translation.READ, regime(c));
        }
        int done = 0;
        for (int p = 0; p < pages; p++) {
            int n = chunk(va + done, data.length - done);
            writePhysical(pa[p], java.util.Arrays.copyOfRange(data, done, done + n));
            done += n;
        }
    }

    /** Bytes from {@code va} to the end of its 4 KB page (no granule is smaller), at most {@code left}. */
    private static int chunk(long va, int left) {
        return (int) Math.min(left, PAGE - (va & (PAGE - 1)));
    }

    private long physical(Cpu c, long va, int access, TranslationRegime regime) {
        Walk w = Mmu.walk(c, va, regime, access);
        if (w.faulted()) {
            throw new IllegalArgumentException("VA 0x" + Long.toHexString(va) + " does not translate: " + w.fault());
        }
        return w.pa();
    }

    private Ram ram(long pa, int length) {
        Ram ram = machine.ram();
        if (length < 0 || !ram.contains(pa, length)) {
            throw new IllegalArgumentException("PA 0x" + Long.toHexString(pa) + "+" + length + " is not RAM");
        }
        return ram;
    }
}
