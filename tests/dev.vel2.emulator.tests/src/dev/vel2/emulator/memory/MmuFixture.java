// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * A {@link CpuFixture} vCPU with an {@link Mmu} and page tables built in its RAM: code at 0x4000_0000, tables
 * allocated from 0x4002_0000, EL1 vectors at 0x4008_0000, EL2 vectors at 0x4009_0000, data from 0x400a_0000.
 */
final class MmuFixture {
    static final long BASE = CpuFixture.BASE;
    static final long TABLES = BASE + 0x2_0000;
    static final long VBAR_EL1 = BASE + 0x8_0000;
    static final long VBAR_EL2 = BASE + 0x9_0000;
    static final long DATA = BASE + 0xa_0000;

    // Leaf attribute bits (ARM ARM D5.3): AF, AP[2:1] (stage 2: S2AP), XN/PXN.
    static final long AF = Descriptor.AF;
    static final long EL0 = Descriptor.AP1;
    static final long RO = Descriptor.AP2;
    static final long S2_READ = Descriptor.AP1;
    static final long S2_WRITE = Descriptor.AP2;
    static final long PXN = Descriptor.PXN;
    static final long UXN = Descriptor.XN;

    /** TCR_EL1: 4KB granules, 48-bit VAs in both halves, 48-bit IPS (capped by PARange). */
    static final long TCR_4K_48 = 16 | (16L << 16) | (2L << 30) | (5L << 32);
    static final long HCR_RW = 1L << 31;
    static final long HCR_VM = 1L;

    final CpuFixture f = new CpuFixture();
    final Cpu cpu = f.cpu;
    final Ram ram = f.ram;
    final Mmu mmu = new Mmu();
    private long next = TABLES;

    MmuFixture() {
        cpu.setTranslation(mmu);
        set("VBAR_EL2", VBAR_EL2);
        set("HCR_EL2", HCR_RW);
    }

    void set(String reg, long value) {
        cpu.setSysreg(SysRegs.get(reg), value);
    }

    long get(String reg) {
        return cpu.sysreg(SysRegs.get(reg));
    }

    /** Turns the EL1&0 stage 1 on with {@code tcr} and TTBR0_EL1 = {@code ttbr0}. */
    void stage1(long tcr, long ttbr0) {
        set("TCR_EL1", tcr);
        set("TTBR0_EL1", ttbr0);
        set("SCTLR_EL1", get("SCTLR_EL1") | 1);
    }

    /** Moves the vCPU to {@code el} (handler stack). */
    void atEl(int el) {
        cpu.setPstate((el << 2) | (el == 0 ? 0 : 1));
    }

    long allocate(int bytes) {
        long at = (next + bytes - 1) & -(long) bytes;
        next = at + bytes;
        if (next > VBAR_EL1) {
            throw new IllegalStateException("table pool exhausted");
        }
        return at;
    }

    /** Stage 1 tables: the start level follows from the input size as the walker computes it. */
    Tables tables(int grain, int inputBits) {
        return new Tables(grain, inputBits, 4 - Math.ceilDiv(inputBits - grain, grain - 3));
    }

    /** Stage 2 tables with an explicit start level (VTCR_EL2.SL0), possibly concatenated. */
    Tables tables(int grain, int inputBits, int start) {
        return new Tables(grain, inputBits, start);
    }

    /** One stage's tables, rooted in RAM. */
    final class Tables {
        final int grain;
        final int inputBits;
        final int start;
        final long root;

        Tables(int grain, int inputBits, int start) {
            this.grain = grain;
            this.inputBits = inputBits;
            this.start = start;
            int rootBytes = 1 << Math.max(inputBits - PageTableWalker.levelShift(grain, start) + 3, 12);
            this.root = allocate(Math.max(rootBytes, 1 << grain));
        }

        /** Maps {@code va} to {@code pa} with a leaf (block above level 3, page at 3) carrying {@code attrs}. */
        Tables map(long va, long pa, int level, long attrs) {
            ram.write(descriptorAddress(va, level, true), 8, pa | attrs | (level == 3 ? 3 : 1));
            return this;
        }

        /** Address of {@code va}'s descriptor at {@code level}, creating the tables above it. */
        long descriptorAddress(long va, int level) {
            return descriptorAddress(va, level, false);
        }

        private long descriptorAddress(long va, int level, boolean create) {
            long table = root;
            for (int l = start; l < level; l++) {
                long at = entry(table, va, l);
                long d = ram.read(at, 8);
                if ((d & 1) == 0) {
                    if (!create) {
                        throw new IllegalStateException("no table at level " + (l + 1));
                    }
                    d = allocate(1 << grain) | 3;
                    ram.write(at, 8, d);
                }
                table = d & 0x0000_ffff_ffff_f000L & (-1L << grain);
            }
            return entry(table, va, level);
        }

        private long entry(long table, long va, int level) {
            int shift = PageTableWalker.levelShift(grain, level);
            int top = level == start ? inputBits : shift + grain - 3;
            return table + ((va >>> shift) & ((1L << (top - shift)) - 1)) * 8;
        }
    }
}
