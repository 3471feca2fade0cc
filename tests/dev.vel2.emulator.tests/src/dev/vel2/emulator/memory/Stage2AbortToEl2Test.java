// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import static dev.vel2.emulator.memory.MmuFixture.AF;
import static dev.vel2.emulator.memory.MmuFixture.BASE;
import static dev.vel2.emulator.memory.MmuFixture.HCR_RW;
import static dev.vel2.emulator.memory.MmuFixture.HCR_VM;
import static dev.vel2.emulator.memory.MmuFixture.S2_READ;
import static dev.vel2.emulator.memory.MmuFixture.S2_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.emulator.cpu.Trap;

/**
 * What EL2 learns of a stage 2 abort: HPFAR_EL2 holds the faulting IPA's page for every stage 2 fault, IPA page 0
 * included (ARM ARM D17.2 HPFAR_EL2); the Java hypervisor gets the IPA in the {@link Trap}; a trap that is no stage 2
 * abort carries none and leaves HPFAR_EL2 alone.
 */
class Stage2AbortToEl2Test {
    /** VTCR_EL2: 32-bit IPA, 4KB granule, start at level 1, 40-bit PA. */
    private static final long VTCR_4K_32 = 32 | (1L << 6) | (2L << 16) | (1L << 31);
    private static final int LDR_X1_X0 = 0xf9400001;
    private static final int HVC_0 = 0xd4000002;
    private static final long STALE = 0xabc0L;

    private final MmuFixture m = new MmuFixture();

    /** Stage 2 on with only the first 2MB of RAM mapped (IPA = PA); stage 1 off, so VA = IPA; at EL1. */
    private void stage2() {
        MmuFixture.Tables s2 = m.tables(12, 32, 1);
        s2.map(BASE, BASE, 2, AF | S2_READ | S2_WRITE);
        m.set("VTCR_EL2", VTCR_4K_32);
        m.set("VTTBR_EL2", s2.root);
        m.set("HCR_EL2", HCR_RW | HCR_VM);
        m.set("HPFAR_EL2", STALE);
        m.atEl(1);
    }

    @Test
    void aStage2FaultAtIpaPage0WritesHpfar() {
        stage2();
        m.f.code(LDR_X1_X0);
        m.atEl(1);
        m.cpu.setX(0, 0x10);
        m.f.steps(1);
        assertEquals(2, m.cpu.el());
        assertEquals(ExceptionClass.DABT_LOWER.code, m.get("ESR_EL2") >>> 26);
        assertEquals(0x10, m.get("FAR_EL2"));
        assertEquals(0, m.get("HPFAR_EL2"), "IPA page 0: FIPA = 0");
    }

    @Test
    void theJavaHypervisorGetsTheIpaOfAStage2Abort() {
        stage2();
        List<Trap> traps = new ArrayList<>();
        m.cpu.setEl2(El2Mode.VIRTUAL, (c, t) -> traps.add(t));
        m.f.code(LDR_X1_X0, HVC_0);
        m.atEl(1);
        m.cpu.setX(0, 0x9000_0ff8L);
        m.f.steps(1);
        Trap t = traps.get(0);
        assertEquals(ExceptionClass.DABT_LOWER, t.exceptionClass());
        assertEquals(0x9000_0ff8L, t.far());
        assertEquals(0x9000_0ff8L, t.ipa(), "the whole IPA: FAR's page offset included");
        assertEquals(true, t.ipaValid());
        m.cpu.setPc(BASE + 4);
        m.atEl(1);
        m.f.steps(1);
        assertEquals(ExceptionClass.HVC64, traps.get(1).exceptionClass());
        assertEquals(false, traps.get(1).ipaValid());
        assertEquals(STALE, m.get("HPFAR_EL2"), "virtual EL2: the vCPU's HPFAR_EL2 is the guest's, untouched");
    }

    @Test
    void aTrapThatIsNoStage2AbortLeavesHpfar() {
        stage2();
        m.f.code(HVC_0);
        m.atEl(1);
        m.f.steps(1);
        assertEquals(2, m.cpu.el());
        assertEquals(STALE, m.get("HPFAR_EL2"));
    }
}
