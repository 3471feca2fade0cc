// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.cpu.Cpu;

/**
 * A vCPU's memory management unit: the {@link Cpu.Translation} every guest access goes through. With stage 1 and
 * stage 2 off it is a flat mapping checked against the physical address size; otherwise a TLB hit costs one
 * comparison of the vCPU's translation generation and one lookup, and a miss walks the tables
 * ({@link PageTableWalker}) and fills the TLB. A fault becomes the guest's Instruction or Data Abort.
 *
 * <p>The TLB is dropped when the controls of the current regime change (any write of SCTLR, TCR, TTBRn, MAIR,
 * HCR_EL2.{VM,DC,TGE}, VTTBR or VTCR, by the guest, the hypervisor's register switch or a debugger), on TLBI, and,
 * for the Inner Shareable TLBI forms, on every vCPU. It is not tagged by ASID/VMID: a change of TTBR or VTTBR (a
 * context switch) empties it, which is stricter than the architecture requires.
 */
public final class Mmu implements Cpu.Translation {
    /** The access kind bits of an {@code access} argument: {@link #READ}, {@link #WRITE} or {@link #FETCH}. */
    public static final int ACCESS_KIND = 3;
    /** Or'ed into a READ/WRITE by LDTR/STTR at EL1: checked with EL0 permissions (AArch64.AccessIsPrivileged). */
    public static final int UNPRIVILEGED = 4;

    /**
     * Bumped by Inner Shareable TLB maintenance; each vCPU flushes when it sees a new value. A plain field on
     * purpose: a volatile read on every access cost ~10x the flat path in measurements, and the interpreter loop's
     * calls keep the JIT from caching the value, so another vCPU sees the bump within a few instructions (a TLBI
     * completes only at the next DSB anyway; vCPUs that need a hard guarantee synchronise through their scheduler).
     */
    private static long broadcastInvalidations;

    /** The cached controls of one regime and the tag of its TLB entries. */
    private static final class Context {
        TranslationControls controls;
        long tag;
        /** Stage 1 and stage 2 both off. */
        boolean flat;
        /** When flat: the VA bits that must be 0 (above the PA size, below the ignored top byte). */
        long flatFaultBits;
        /** The vCPU's {@link Cpu#translationGeneration()} when the controls were last checked; -1 forces a check. */
        long generation = -1;
    }

    /** The count of Inner Shareable TLB maintenance operations so far, on any vCPU. */
    public static long broadcastInvalidations() {
        return broadcastInvalidations;
    }

    private final MmuTlb tlb = new MmuTlb();
    private final Context el10 = new Context();
    private final Context el2 = new Context();
    private PageTableWalker walker;
    private long nextTag = 1;
    private long broadcastSeen;

    @Override
    public long translate(Cpu cpu, long va, int access) {
        int el = cpu.el();
        Context ctx = el == 2 ? el2 : el10;
        if (ctx.generation != cpu.translationGeneration() || broadcastSeen != broadcastInvalidations) {
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
        long pa = tlb.lookup(va, ctx.tag, PageTableWalker.needed(kind, user));
        return pa >= 0 ? pa : miss(cpu, ctx, va, access, el == 2, user);
    }

    private long miss(Cpu cpu, Context ctx, long va, int access, boolean atEl2, boolean user) {
        if (walker == null) {
            walker = new PageTableWalker(cpu.bus().ram(), null);
        }
        PageTableWalker w = walker;
        TranslationRegime regime = atEl2 ? TranslationRegime.EL2 : TranslationRegime.EL10;
        if (!w.translate(ctx.controls, regime, va, access & ACCESS_KIND, user)) {
            throw w.fault.toGuestFault(va, access);
        }
        tlb.fill(va, ctx.tag, w.pa, w.permissions);
        return w.pa;
    }

    /**
     * A system register was written (or a TLBI happened) since the context was checked: keep its TLB entries
     * when the controls it was walked with still hold (most writes are to other registers), else start afresh.
     */
    private void revalidate(Cpu cpu, Context ctx, boolean atEl2) {
        long broadcast = broadcastInvalidations;
        if (broadcastSeen != broadcast) {
            broadcastSeen = broadcast;
            invalidate(false);
        }
        if (ctx.controls == null || !ctx.controls.matches(cpu)) {
            refresh(cpu, ctx, atEl2);
        }
        ctx.generation = cpu.translationGeneration();
    }

    private void refresh(Cpu cpu, Context ctx, boolean atEl2) {
        TranslationControls c = atEl2 ? TranslationControls.el2(cpu) : TranslationControls.el10(cpu);
        ctx.controls = c;
        ctx.tag = nextTag++;
        ctx.flat = !c.stage1Enabled() && !c.stage2Enabled();
        boolean tbi0 = c.topByteIgnored(false);
        ctx.flatFaultBits = (tbi0 ? 0x00ff_ffff_ffff_ffffL : -1L) & (-1L << TranslationControls.PA_BITS);
    }

    /**
     * TLB maintenance: drops every cached translation of this vCPU, and with {@code broadcast} (the Inner Shareable
     * TLBI forms) of every vCPU, which sees it at its next access. Invalidation by VA or ASID drops everything too.
     */
    public void invalidate(boolean broadcast) {
        el10.controls = null;
        el2.controls = null;
        el10.generation = -1;
        el2.generation = -1;
        if (broadcast) {
            broadcastInvalidations++;
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
