// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.memory.Mmu;
import dev.vel2.emulator.sysreg.SysReg;

/** System instructions (TLBI, DC, IC, AT) performed once {@link SysRegAccess} permitted them. */
final class SystemOperations {
    /** DCZID_EL0.BS = 4: DC ZVA zeroes 16 words. */
    private static final int ZVA_BYTES = 64;
    /** PAR_EL1 bit 11 is RES1 for a successful translation. */
    private static final long PAR_RES1 = 1L << 11;

    private SystemOperations() {
    }

    static void perform(Cpu c, SysReg r, long arg) {
        String n = r.name();
        if (n.startsWith("TLBI_") || n.startsWith("IC_")) {
            if (n.startsWith("TLBI_") && c.translation instanceof Mmu mmu) {
                mmu.invalidate(n.endsWith("IS")); // the Inner Shareable forms reach every vCPU's TLB
            }
            c.invalidateDecodeCache();
        } else if (n.equals("DC_ZVA")) {
            long base = arg & -ZVA_BYTES;
            for (int i = 0; i < ZVA_BYTES; i += 8) {
                c.write(base + i, 8, 0);
            }
        } else if (n.startsWith("AT_")) {
            at(c, n, arg);
        }
        // Other DC operations: caches are not modelled, so clean/invalidate have no visible effect.
    }

    /**
     * AT: translates with the current regime and writes PAR_EL1 (F=0 and the PA, or F=1 and the fault status).
     * Approximation: the EL0 forms check with the current EL's permissions.
     */
    private static void at(Cpu c, String n, long va) {
        int access = n.endsWith("W") ? Cpu.Translation.WRITE : Cpu.Translation.READ;
        long par;
        try {
            long pa = c.translation.translate(c, va, access);
            par = (pa & 0x0000_ffff_ffff_f000L) | PAR_RES1;
        } catch (GuestFault f) {
            par = 1 | ((long) (f.iss & 0x3f) << 1) | (f.toEl2 ? PAR_RES1 : 0);
        }
        c.sys[SysRegAccess.PAR_EL1.index()] = par;
    }
}
