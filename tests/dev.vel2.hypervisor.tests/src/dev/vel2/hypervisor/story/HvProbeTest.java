// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static dev.vel2.hypervisor.story.Vel2Run.image;
import static dev.vel2.hypervisor.story.Vel2Run.qemu;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hv-probe under the Java hypervisor: a boot-time probe of ID_AA64MMFR0_EL1 sees the VM's configured value when
 * HCR_EL2.TID3 traps it and the PE's own otherwise; MIDR_EL1/MPIDR_EL1 read VPIDR_EL2/VMPIDR_EL2 without a trap.
 */
class HvProbeTest {
    private static final String MMFR0 = "ID_AA64MMFR0_EL1=0x101122"; // PARange 40 bits instead of 44

    @TempDir
    Path dir;

    @Test
    void withTid3TheProbeReadsTheConfiguredValueEvenIntoXzr() {
        Vel2Run.Result r = Vel2Run.run(dir, "--hcr", "TID3", "--id", MMFR0, "--vpidr", "0x411fd070", image("hv-probe"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("""
                hv-probe: id_aa64mmfr0_el1=101122
                hv-probe: PA 40 bits, ASID 16 bits, 4KB granule yes
                hv-probe: midr_el1=411fd070 mpidr_el1=80000000
                """, r.uart());
        List<Vel2Run.Trap> reads = r.ofClass("SYSREG_READ");
        assertEquals(2, reads.size(), r.traps().toString());
        for (Vel2Run.Trap t : reads) {
            assertEquals("ID_AA64MMFR0_EL1", t.get("reg"));
            assertEquals("read", t.get("dir"));
            assertEquals("0x101122", t.get("value"), "the emulated value");
            assertEquals("emulated", t.get("action"));
        }
        assertEquals("31", reads.get(1).get("rt"), "mrs xzr: handled, the value discarded");
        assertEquals("0x623003ef", reads.get(1).get("esr"));
        assertEquals(2, r.stat(0, "SYSREG_READ"));
    }

    @Test
    void withoutTid3TheProbeReadsTheRealValue() {
        Vel2Run.Result r = Vel2Run.run(dir, "--hcr", "RW", "--id", MMFR0, "--vpidr", "0x411fd070", image("hv-probe"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(qemu("hv-probe"), r.uart(), "0x1124, the modelled Cortex-A57's, as QEMU's");
        assertEquals(List.of(), r.ofClass("SYSREG_READ"));
    }

    @Test
    void midrAndMpidrReadVpidrAndVmpidrWithoutATrap() {
        Vel2Run.Result r = Vel2Run.run(dir, "--hcr", "TID0,TID1,TID2,TID3,TWI,TWE,TVM,TRVM,TACR,TIDCP", "--vpidr",
                "0x4151cafe", "--vmpidr", "0x80000123", image("hv-probe"));
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("hv-probe: midr_el1=4151cafe mpidr_el1=80000123\n", r.uart().lines().skip(2).findFirst()
                .orElseThrow() + "\n");
        assertEquals(List.of("ID_AA64MMFR0_EL1", "ID_AA64MMFR0_EL1"),
                r.ofClass("SYSREG_READ").stream().map(t -> t.get("reg")).toList(), "no MIDR_EL1/MPIDR_EL1 trap");
        assertEquals(3, r.traps().size(), "two TID3 reads and SYSTEM_OFF");
    }

    @Test
    void aDefaultedVpidrIsWarnedAbout() {
        Vel2Run.Result r = Vel2Run.run(dir, image("hv-probe"));
        assertEquals(0, r.exit());
        assertEquals("vel2: warning: VPIDR_EL2 has no reset value; EL1 reads MIDR_EL1 as the default 0x411fd070"
                + " (set --vpidr)\n", r.stderr());
        assertEquals(qemu("hv-probe"), r.uart(), "defaults: the modelled PE's MIDR, MPIDR Aff0 = vCPU index");
    }

    @Test
    void systemOffThroughHvcEndsTheRunWithZero() {
        Vel2Run.Result r = Vel2Run.run(dir, "--vpidr", "0x411fd070", image("hv-probe"));
        assertEquals(0, r.exit());
        Vel2Run.Trap last = r.traps().get(r.traps().size() - 1);
        assertEquals("HVC", last.get("class"));
        assertEquals("0x5a000000", last.get("esr"));
        assertEquals("PSCI SYSTEM_OFF", last.get("action"));
    }
}
