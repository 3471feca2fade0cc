// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vel2.emulator.a64.Decoder;
import dev.vel2.emulator.a64.Insn;
import dev.vel2.emulator.memory.Bus;
import dev.vel2.emulator.memory.BusError;

/**
 * Where a vCPU's instructions come from: fetch through its translation, decode once per instruction word (the
 * {@link DecodeCache}), and the translated {@link Block}s that hot code becomes. The page of the last fetch is
 * remembered with the translation state it was translated in (EL and translation generation, which TLB maintenance
 * bumps too): fetches and block lookups within it skip translation. So are the {@link #RECENT} pages fetched from
 * before it, by virtual page and EL, while the generation holds: a kernel's code calls across pages all the time (a
 * Linux boot changed pages 15 million times, each a translation).
 */
final class InstructionFetch {
    /** The offset bits of a 4 KB page except the two that must be 0 in a PC. */
    private static final long PAGE_OFFSET_EXCEPT_ALIGNMENT = 0xffcL;
    /** Entries into a slot without a block after which the run from there is translated. */
    private static final int HOT = 40;
    /** The heat of a slot where no block can start (a system instruction): never counted again. */
    private static final byte COLD = -1;

    private final Cpu cpu;
    private final Bus bus;
    private final Decoder decoder = Decoder.a64();
    final DecodeCache cache = new DecodeCache();
    /** Virtual address of the page of the last fetch, or -1; its decoded code and translation state. */
    private long page = -1;
    private CodePage code;
    private long generation;
    private int el;
    /** Pages fetched from lately: direct-mapped by virtual page, each its address with the EL in bits 1:0, or -1. */
    private static final int RECENT = 64;
    private final long[] recentPage = new long[RECENT];
    private final CodePage[] recentCode = new CodePage[RECENT];
    /** The translation generation the recent pages were translated in. */
    private long recentGeneration;

    InstructionFetch(Cpu cpu, Bus bus) {
        this.cpu = cpu;
        this.bus = bus;
        Arrays.fill(recentPage, -1);
    }

    /** Forgets the fetch pages (their code was dropped, or their translation may change). */
    void forgetPage() {
        page = -1;
        Arrays.fill(recentPage, -1);
    }

    /** Drops everything decoded and translated (IC IALLU/IALLUIS, a debugger's writes). */
    void invalidate() {
        cache.invalidateAll();
        forgetPage();
    }

    /** Drops what is decoded of the physical page holding {@code pa} (IC IVAU, by this vCPU or another). */
    void invalidatePage(long pa) {
        if (cache.invalidatePage(pa)) {
            forgetPage();
        }
    }

    /** Makes {@code va}'s page the fetch page when it is a recent one of the same EL and generation. */
    private boolean recalled(long va) {
        long generation = cpu.translationGeneration;
        if (recentGeneration != generation) {
            Arrays.fill(recentPage, -1);
            recentGeneration = generation;
            return false;
        }
        int i = (int) (va >>> 12) & (RECENT - 1);
        if (recentPage[i] != ((va & ~0xfffL) | cpu.el)) {
            return false;
        }
        page = va & ~0xfffL;
        code = recentCode[i];
        this.generation = generation;
        el = cpu.el;
        return true;
    }

    private boolean inPage(long va) {
        return (va & ~PAGE_OFFSET_EXCEPT_ALIGNMENT) == page && generation == cpu.translationGeneration && el == cpu.el;
    }

    /** The decoded instruction at virtual address {@code va}, through the decode cache; faults as a fetch does. */
    Insn fetch(long va) {
        // A misaligned PC never matches the page (its low bits are clear); a slot emptied by a store does not either.
        if (inPage(va)) {
            Insn insn = code.insns[CodePage.slot(va)];
            if (insn != null) {
                return insn;
            }
        }
        if ((va & 3) != 0) {
            throw ExceptionModel.pcAlignment(cpu, va);
        }
        if (recalled(va)) {
            Insn insn = code.insns[CodePage.slot(va)];
            if (insn != null) {
                return insn;
            }
        }
        long pa = cpu.translation.translate(cpu, va, Translation.FETCH);
        Insn insn = cache.get(pa);
        if (insn == null) {
            int word;
            try {
                word = (int) bus.read(pa, 4);
            } catch (BusError e) {
                throw ExceptionModel.instructionAbort(cpu, va);
            }
            insn = decoder.decode(word);
            code = cache.put(pa, insn);
        } else {
            code = cache.page(pa);
        }
        page = va & ~0xfffL;
        generation = cpu.translationGeneration;
        el = cpu.el;
        if (recentGeneration == generation) {
            int i = (int) (va >>> 12) & (RECENT - 1);
            recentPage[i] = page | el;
            recentCode[i] = code;
        }
        return insn;
    }

    /**
     * The block already translated at {@code va} when {@code va} is in the page of the last fetch, whose translation
     * the caller knows to hold (between blocks), or in a recent page whose translation holds; else null.
     */
    Block translatedAt(long va) {
        if ((va & ~PAGE_OFFSET_EXCEPT_ALIGNMENT) != page && !recalled(va)) {
            return null;
        }
        Block[] blocks = code.blocks;
        Block b = blocks == null ? null : blocks[CodePage.slot(va)];
        return b != null && b.start == va ? b : null;
    }

    /**
     * The block starting at {@code va}, translating it once it is hot; null when there is none yet or when fetching
     * from {@code va} faults (the step then takes the fault). Heat counts only where the vCPU {@code entered} (by a
     * branch, an exception, after an instruction no block holds, ...): code reached in order is the rest of the
     * block of the code before it, and needs no block of its own.
     */
    Block block(long va, boolean entered) {
        if (!inPage(va)) {
            try {
                fetch(va); // another page, or its translation may have changed: translate it as a step would
            } catch (GuestFault f) {
                return null;
            }
        }
        CodePage p = code;
        int slot = CodePage.slot(va);
        Block[] blocks = p.blocks;
        if (blocks != null) {
            Block b = blocks[slot];
            if (b != null && b.start == va) {
                return b;
            }
        }
        if (!entered) {
            return null;
        }
        byte[] heat = p.heat;
        if (heat == null) {
            heat = p.heat = new byte[CodePage.SLOTS];
        }
        if (heat[slot] == COLD || ++heat[slot] < HOT) {
            return null;
        }
        heat[slot] = 0;
        List<Insn> run = new ArrayList<>();
        long[] addresses = new long[BlockTranslator.MAX_LENGTH];
        long[] calls = new long[BlockTranslator.MAX_CALLS + 1];
        long pageBase = va & ~0xfffL;
        // The trace: from va on, following the branches that BlockTranslator.next follows, within this page, until
        // an instruction that cannot be translated or one already in it (a loop: the block goes round by itself).
        for (long a = va; a != BlockTranslator.NONE && (a & ~0xfffL) == pageBase
                && run.size() < BlockTranslator.MAX_LENGTH;) {
            Insn insn = decodedAt(p, CodePage.slot(a));
            if (insn == null || !BlockTranslator.translatable(insn) || contains(addresses, run.size(), a)) {
                break;
            }
            addresses[run.size()] = a;
            run.add(insn);
            a = BlockTranslator.next(insn, a, calls);
        }
        if (run.isEmpty()) {
            heat[slot] = COLD;
            return null;
        }
        // A trace whose class exists (made for another vCPU or machine) runs as that class at once; others start
        // threaded, and BlockRunner gives them their class when they have run enough.
        ThreadedBlock t = new ThreadedBlock(addresses, run, p);
        Block b = BlockTranslator.translated(addresses, run);
        if (b == null) {
            b = t;
        } else {
            b.threaded = t;
        }
        if (p.blocks == null) {
            p.blocks = new Block[CodePage.SLOTS];
        }
        p.blocks[slot] = b;
        return b;
    }

    /**
     * True when the instruction at {@code va} is fetched from {@code t}'s page now, so that a part of {@code t}'s pass
     * from there runs what steps would; false too when fetching there faults.
     */
    boolean holds(ThreadedBlock t, long va) {
        if (!inPage(va)) {
            try {
                fetch(va);
            } catch (GuestFault f) {
                return false;
            }
        }
        return code == t.page;
    }

    private static boolean contains(long[] addresses, int n, long a) {
        for (int i = 0; i < n; i++) {
            if (addresses[i] == a) {
                return true;
            }
        }
        return false;
    }

    /** True when the instruction at {@code va}, in the page of the last fetch, is decoded and may be in a block. */
    boolean holdable(long va) {
        if ((va & ~PAGE_OFFSET_EXCEPT_ALIGNMENT) != page) {
            return false;
        }
        Insn insn = code.insns[CodePage.slot(va)];
        return insn != null && BlockTranslator.translatable(insn);
    }

    /** The instruction at {@code slot} of {@code p}, decoded now if it was not yet; null if it cannot be read. */
    private Insn decodedAt(CodePage p, int slot) {
        Insn insn = p.insns[slot];
        if (insn == null) {
            long pa = p.pa + 4L * slot;
            try {
                insn = decoder.decode((int) bus.read(pa, 4));
            } catch (BusError e) {
                return null;
            }
            cache.put(pa, insn);
        }
        return insn;
    }
}
