// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.Translation;

/**
 * A vCPU's memory management unit: the {@link Translation} every guest access goes through. With stage 1 and
 * stage 2 off it is a flat mapping checked against the physical address size; otherwise a TLB hit costs one
 * comparison of the vCPU's translation generation and one lookup, and a miss walks the tables
 * ({@link PageTableWalker}) and fills the TLB. A fault becomes the guest's Instruction or Data Abort.
 *
 * <p>TLB entries are tagged by regime context, VMID and ASID ({@link MmuTlb}): a switch of TTBR0_EL1/TTBR1_EL1
 * (another ASID, other tables) or of VTTBR_EL2 (another VMID) keeps them, and global entries match in every ASID. A
 * change of the regime's other controls (SCTLR, TCR, MAIR, HCR_EL2.{VM,DC,TGE} and VTCR for EL1&0; any EL2 control),
 * by the guest, the hypervisor's register switch or a debugger, starts the regime afresh, as do the TLBI forms that
 * invalidate all of it (every VMID's: more than some of them ask for); TLBI by ASID and by VA invalidate those entries
 * of the current VMID only ({@link #invalidate}). The Inner Shareable forms reach every vCPU of the bus
 * ({@link InnerShareable}).
 */
public final class Mmu implements Translation {
    /** The access kind bits of an {@code access} argument: {@link #READ}, {@link #WRITE} or {@link #FETCH}. */
    public static final int ACCESS_KIND = 3;
    /** Or'ed into a READ/WRITE by LDTR/STTR at EL1: checked with EL0 permissions (AArch64.AccessIsPrivileged). */
    public static final int UNPRIVILEGED = 4;
    private static final long TOP_BYTE = 0xff00_0000_0000_0000L;

    /** What a TLB maintenance instruction invalidates (ARM ARM C5.5 "A64 system instructions for TLB maintenance"). */
    public enum Invalidation {
        /** Every EL1&0 entry: VMALLE1, ALLE1, VMALLS12E1, and the stage 2 forms by IPA (entries hold both stages). */
        EL10_ALL,
        /** The EL1&0 entries of the ASID in Xt[63:48]: ASIDE1. */
        EL10_ASID,
        /** The EL1&0 entries for VA[55:12] = Xt[43:0] of the ASID in Xt[63:48], and the global ones: VAE1, VALE1. */
        EL10_VA,
        /** The EL1&0 entries for that VA in every ASID: VAAE1, VAALE1. */
        EL10_VA_ALL_ASIDS,
        /** Every EL2 entry: ALLE2. */
        EL2_ALL,
        /** The EL2 entries for that VA: VAE2, VALE2. */
        EL2_VA
    }

    /** The cached controls of one regime and the tag of its TLB entries. */
    private static final class Context {
        TranslationControls controls;
        /** Which generation of the regime's controls the entries are of; a new one invalidates them all. */
        long tag;
        /** The tag and the VMID shifted into place: the part of a TLB key that says which context an entry is of. */
        long base;
        /** The ASID non-global entries are filled with and match. */
        long asid;
        /** Stage 1 and stage 2 both off. */
        boolean flat;
        /** When flat: the VA bits that must be 0 (above the PA size, below the ignored top byte). */
        long flatFaultBits;
        /** TBI of the lower (TTBR0, EL2) and upper (TTBR1) halves: the top byte is not part of the TLB's page key. */
        boolean tbiLower;
        boolean tbiUpper;
        /** The vCPU's {@link Cpu#translationGeneration()} when the controls were last checked; -1 forces a check. */
        long generation = -1;
    }

    private final MmuTlb tlb = new MmuTlb();
    private final Context el10 = new Context();
    private final Context el2 = new Context();
    private PageTableWalker walker;
    private long nextTag = 1;

    @Override
    public long translate(Cpu cpu, long va, int access) {
        int el = cpu.el();
        Context ctx = el == 2 ? el2 : el10;
        if (ctx.generation != cpu.translationGeneration()) {
            revalidate(cpu, ctx, el == 2);
        }
        if (ctx.flat) {
            if ((va & ctx.flatFaultBits) != 0) {
                throw new MmuFault(MmuFault.Type.ADDRESS_SIZE, 0, false, false, 0).toGuestFault(va, access);
            }
            return va & ((1L << TranslationControls.PA_BITS) - 1);
        }
        boolean user = el == 0 || (el == 1 && (access & UNPRIVILEGED) != 0);
        int kind = access & ACCESS_KIND;
        long page = MmuTlb.page(withoutTag(ctx, va));
        long pa = tlb.lookup(va, page, ctx.base, ctx.asid, PageTableWalker.needed(kind, user));
        return pa >= 0 ? pa : miss(cpu, ctx, va, page, access, el == 2, user);
    }

    /** {@code va} with its top byte as bit 55 extends it where TBI ignores it (the TLB's view of the address). */
    private static long withoutTag(Context ctx, long va) {
        if ((va & (1L << 55)) == 0) {
            return ctx.tbiLower ? va & ~TOP_BYTE : va;
        }
        return ctx.tbiUpper ? va | TOP_BYTE : va;
    }

    private long miss(Cpu cpu, Context ctx, long va, long page, int access, boolean atEl2, boolean user) {
        if (walker == null) {
            walker = new PageTableWalker(cpu.bus().ram(), null);
        }
        PageTableWalker w = walker;
        TranslationRegime regime = atEl2 ? TranslationRegime.EL2 : TranslationRegime.EL10;
        if (!w.translate(ctx.controls, regime, va, access & ACCESS_KIND, user)) {
            throw w.fault.toGuestFault(va, access);
        }
        boolean global = atEl2 || w.s1Level < 0 || (w.s1Descriptor & Descriptor.NG) == 0;
        tlb.fill(page, ctx.base | (global ? MmuTlb.GLOBAL : ctx.asid), w.pa, w.permissions, w.s1LeafShift);
        return w.pa;
    }

    /**
     * A system register was written (or TLB maintenance happened) since the context was checked: keep its TLB
     * entries when the controls it was walked with still hold (most writes are to other registers) or only the
     * EL1&0 TTBRs changed, else start afresh.
     */
    private void revalidate(Cpu cpu, Context ctx, boolean atEl2) {
        if (ctx.controls == null || !ctx.controls.matches(cpu)) {
            refresh(cpu, ctx, atEl2);
        }
        ctx.generation = cpu.translationGeneration();
    }

    private void refresh(Cpu cpu, Context ctx, boolean atEl2) {
        TranslationControls c = atEl2 ? TranslationControls.el2(cpu) : TranslationControls.el10(cpu);
        if (ctx.controls == null || !ctx.controls.sameBesidesTableBases(c)) {
            ctx.tag = nextTag++;
        }
        ctx.controls = c;
        ctx.base = ctx.tag << MmuTlb.TAG_SHIFT | c.vmid() << MmuTlb.VMID_SHIFT;
        ctx.asid = c.asid();
        ctx.flat = !c.stage1Enabled() && !c.stage2Enabled();
        ctx.tbiLower = c.topByteIgnored(false);
        ctx.tbiUpper = !atEl2 && c.topByteIgnored(true);
        ctx.flatFaultBits = (ctx.tbiLower ? ~TOP_BYTE : -1L) & (-1L << TranslationControls.PA_BITS);
    }

    /** Every entry of the context's old tag is dead, whatever its VMID: no key will match it again. */
    private void retag(Context ctx) {
        ctx.tag = nextTag++;
        ctx.base = ctx.tag << MmuTlb.TAG_SHIFT | ctx.controls.vmid() << MmuTlb.VMID_SHIFT;
    }

    /**
     * TLB maintenance of {@code cpu}'s TLB, with the TLBI's argument {@code xt}. The context is brought up to date
     * first, so that the ASID size and the tag are the current ones.
     */
    public void invalidate(Cpu cpu, Invalidation what, long xt) {
        boolean atEl2 = what == Invalidation.EL2_ALL || what == Invalidation.EL2_VA;
        Context ctx = atEl2 ? el2 : el10;
        revalidate(cpu, ctx, atEl2);
        // Xt[43:0] is VA[55:12]: sign-extended from VA bit 55, it is the TLB's page key.
        long page = (xt << 20) >> 20;
        switch (what) {
            case EL10_ALL, EL2_ALL -> retag(ctx);
            case EL10_ASID -> tlb.invalidateAsid(ctx.base, ctx.controls.asidOf(xt));
            case EL10_VA -> tlb.invalidateVa(ctx.base, page, ctx.controls.asidOf(xt), false);
            case EL10_VA_ALL_ASIDS, EL2_VA -> tlb.invalidateVa(ctx.base, page, 0, true);
        }
    }

    /**
     * The debugger's translation of {@code va} in {@code regime} with the vCPU's live controls: every descriptor
     * read, the result and the fault the guest would take, with no effect on the guest (no exception, no TLB fill,
     * no device read). {@code access} is READ, WRITE or FETCH, with {@link #UNPRIVILEGED} for EL0's view.
     */
    public static Walk walk(Cpu cpu, long va, TranslationRegime regime, int access) {
        TranslationControls c = regime == TranslationRegime.EL2 ? TranslationControls.el2(cpu)
                : TranslationControls.el10(cpu);
        return walk(cpu.bus().ram(), c, va, regime, access);
    }

    /** As {@link #walk(Cpu, long, TranslationRegime, int)} with given controls (a saved or shadow copy). */
    public static Walk walk(Ram ram, TranslationControls controls, long va, TranslationRegime regime, int access) {
        List<Walk.Step> steps = new ArrayList<>();
        PageTableWalker w = new PageTableWalker(ram, steps);
        boolean user = (access & UNPRIVILEGED) != 0 && regime != TranslationRegime.EL2;
        w.translate(controls, regime, va, access & ACCESS_KIND, user);
        int attribute = w.s1Level < 0 ? -1
                : (int) (controls.mair() >>> (8 * Descriptor.attrIndx(w.s1Descriptor))) & 0xff;
        return new Walk(va, regime, access, w.ipa, w.pa, List.copyOf(steps), w.s1Descriptor, w.s1Level,
                w.s2Descriptor, w.s2Level, w.permissions, attribute, w.fault);
    }
}
