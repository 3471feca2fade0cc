// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.memory.Mmu;
import dev.vel2.emulator.memory.MmuFault;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.memory.Walk;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;

/** System instructions (TLBI, DC, IC, AT) performed once {@link SysRegAccess} permitted them (the OPERATION policy). */
public final class SystemOperations {
    /** DCZID_EL0.BS = 4: DC ZVA zeroes 16 words. */
    private static final int ZVA_BYTES = 64;
    private static final SysReg PAR = SysRegAccess.PAR_EL1;
    private static final Field PAR_ATTR = PAR.field("ATTR");
    private static final Field PAR_PA = PAR.field("PA");
    private static final Field PAR_S = PAR.field("S");
    private static final Field PAR_SH = PAR.field("SH");
    private static final Field PAR_FST = PAR.field("FST");
    private static final Field PAR_F = PAR.field("F");
    /** PAR_EL1.PTW (F=1): bit 8, which the table describes as SH[1] of the F=0 layout. */
    private static final long PAR_PTW = 1L << 8;
    /** The MAIR encoding of Device-nGnRnE and of Normal Inner/Outer Non-cacheable. */
    private static final int DEVICE_NGNRNE = 0x00;
    private static final int NORMAL_NON_CACHEABLE = 0x44;
    private static final int NORMAL_WRITE_BACK = 0xff;
    private static final int OUTER_SHAREABLE = 0b10;
    private static final long HCR_DC = SysRegAccess.HCR_EL2.field("DC").mask();
    private static final long HCR_FB = SysRegAccess.HCR_EL2.field("FB").mask();

    private SystemOperations() {
    }

    public static void perform(Cpu c, SysReg r, long arg) {
        String n = r.name();
        if (n.startsWith("TLBI_")) {
            tlbi(c, n.substring("TLBI_".length()), arg);
        } else if (n.startsWith("IC_")) {
            ic(c, n, arg);
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
     * TLBI: the Inner Shareable forms, and at EL1 every form while HCR_EL2.FB is set, reach every vCPU of the bus
     * (ARM ARM D5.10.2). Entries hold both stages of a translation, so the stage 2 forms by IPA invalidate every
     * EL1&0 entry; the "last level" forms act as the others (invalidating more than asked is allowed).
     */
    private static void tlbi(Cpu c, String op, long xt) {
        boolean shareable = op.endsWith("IS");
        Mmu.Invalidation what = switch (shareable ? op.substring(0, op.length() - 2) : op) {
            case "VMALLE1", "ALLE1", "VMALLS12E1", "IPAS2E1", "IPAS2LE1" -> Mmu.Invalidation.EL10_ALL;
            case "ASIDE1" -> Mmu.Invalidation.EL10_ASID;
            case "VAE1", "VALE1" -> Mmu.Invalidation.EL10_VA;
            case "VAAE1", "VAALE1" -> Mmu.Invalidation.EL10_VA_ALL_ASIDS;
            case "ALLE2" -> Mmu.Invalidation.EL2_ALL;
            case "VAE2", "VALE2" -> Mmu.Invalidation.EL2_VA;
            default -> throw new IllegalStateException("no TLB maintenance TLBI " + op);
        };
        if (broadcast(c, shareable)) {
            c.bus.innerShareable().broadcast(t -> tlbi(t, what, xt));
        } else {
            tlbi(c, what, xt);
        }
    }

    private static void tlbi(Cpu c, Mmu.Invalidation what, long xt) {
        if (c.translation instanceof Mmu mmu) {
            mmu.invalidate(c, what, xt);
        }
        c.translationsChanged();
    }

    /**
     * IC: decoded code already follows this vCPU's stores, so what instruction cache maintenance adds is another
     * vCPU's stores. IC IVAU reaches every vCPU of the bus (maintenance by VA applies to the location's shareability
     * domain, ARM ARM D7.4.9) and drops the decoded code of one physical page; IC IALLUIS drops every vCPU's, IC IALLU
     * this vCPU's (every vCPU's with HCR_EL2.FB at EL1).
     */
    private static void ic(Cpu c, String n, long va) {
        switch (n) {
            case "IC_IVAU" -> {
                long pa;
                try {
                    pa = c.translation.translate(c, va, Translation.READ);
                } catch (GuestFault f) {
                    // As QEMU, IC IVAU never faults; with no page to name, every decoded page goes.
                    c.bus.innerShareable().broadcast(Cpu::invalidateDecodeCache);
                    return;
                }
                c.bus.innerShareable().broadcast(t -> t.invalidateCode(pa));
            }
            case "IC_IALLUIS" -> c.bus.innerShareable().broadcast(Cpu::invalidateDecodeCache);
            default -> {
                if (broadcast(c, false)) {
                    c.bus.innerShareable().broadcast(Cpu::invalidateDecodeCache);
                } else {
                    c.invalidateDecodeCache();
                }
            }
        }
    }

    /** An Inner Shareable form, or HCR_EL2.FB forcing broadcast of the other forms at EL1. */
    private static boolean broadcast(Cpu c, boolean shareable) {
        return shareable || (c.el == 1 && (c.hcr() & HCR_FB) != 0);
    }

    /**
     * AT (ARM ARM C5.5 "A64 system instructions for address translation"): S1E1 and S1E0 translate in the EL1&0
     * regime's stage 1 (to the IPA), S12E1 and S12E0 through both stages, S1E2 in the EL2 regime, whatever the
     * current EL; the E0 forms check EL0's permissions. The result goes to PAR_EL1, the TLB is not touched. A stage 2
     * fault on a stage 1 table walk of an S1 form executed at EL1 is not reported in PAR_EL1: it is a Data Abort to
     * EL2 (S1PTW, CM). ATTR is stage 1's MAIR byte (stage 2's attributes are not combined).
     */
    private static void at(Cpu c, String n, long va) {
        boolean stage12 = n.startsWith("AT_S12");
        TranslationRegime regime = n.startsWith("AT_S1E2") ? TranslationRegime.EL2
                : stage12 ? TranslationRegime.EL10 : TranslationRegime.EL10_STAGE1;
        int access = (n.endsWith("W") ? Translation.WRITE : Translation.READ)
                | (n.contains("E0") ? Mmu.UNPRIVILEGED : 0);
        Walk w = Mmu.walk(c, va, regime, access);
        MmuFault f = w.fault();
        if (f != null && f.stage2() && !stage12 && c.el < 2) {
            GuestFault abort = f.toGuestFault(va, access);
            throw new GuestFault(abort.ec, ((Iss.DataAbortIss) abort.iss).withCm(), va, true, true, abort.ipa);
        }
        c.sys[PAR.index()] = f == null ? success(c, w, regime) : fault(f);
    }

    /** PAR_EL1 for a translation: PA, ATTR, SH (Device and Non-cacheable memory report Outer Shareable). */
    private static long success(Cpu c, Walk w, TranslationRegime regime) {
        int attr = w.memoryAttribute();
        if (attr < 0) {
            // Stage 1 off: Device-nGnRnE, or Normal Write-Back with HCR_EL2.DC (AArch64.TranslateAddressS1Off).
            boolean dc = regime != TranslationRegime.EL2 && (c.hcr() & HCR_DC) != 0;
            attr = dc ? NORMAL_WRITE_BACK : DEVICE_NGNRNE;
        }
        int sh = Math.max(w.shareability(), 0);
        if ((attr & 0xf0) == 0 || attr == NORMAL_NON_CACHEABLE) {
            sh = OUTER_SHAREABLE;
        }
        long par = PAR_ATTR.set(0, attr) | PAR_PA.set(0, w.pa() >>> PAR_PA.lsb()) | PAR_SH.set(0, sh);
        return par | PAR.res1Mask();
    }

    /** PAR_EL1 for a fault: F, FST, PTW (on a stage 1 walk), S (at stage 2). */
    private static long fault(MmuFault f) {
        long par = PAR_F.mask() | PAR_FST.set(0, f.statusCode()) | (f.s1ptw() ? PAR_PTW : 0)
                | (f.stage2() ? PAR_S.mask() : 0);
        return par | PAR.res1Mask();
    }
}
