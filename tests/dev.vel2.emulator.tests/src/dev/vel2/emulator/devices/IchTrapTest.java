// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * ICH_HCR_EL2's trap controls on the GICv3 board (IHI 0069 12.4.3, as QEMU's CPU interface checks accesses): with
 * TALL0 EL1's accesses to the Group 0 registers trap to EL2, with TALL1 those to the Group 1 ones, with TC those to
 * the common ones (ICC_PMR_EL1, ICC_DIR_EL1 ...), with TDIR ICC_DIR_EL1's; each as an MSR/MRS trap (EC 0x18) that
 * the guest's EL2 sees with the register in ESR_EL2. ICC_SRE_EL2.Enable, the other control of EL1's GIC accesses, is
 * RAO/WI here, so ICC_SRE_EL1's accesses never trap.
 */
class IchTrapTest {
    private static final long TC = 1 << 10;
    private static final long TALL0 = 1 << 11;
    private static final long TALL1 = 1 << 12;
    private static final long TDIR = 1 << 14;
    private static final long EN = 1;
    private static final long SYNDROMES = Machine.RAM_BASE + 0x2000;

    /** Assembled from this source (aarch64-linux-gnu-as): EL2 code at RAM_BASE, its vector table at +0x800. */
    private static final int[] EL2_THEN_EL1 = {
        0x10004000, // adr  x0, vectors (+0x800)
        0xd51cc000, // msr  vbar_el2, x0
        0xd2b00000, // mov  x0, #0x80000000 (HCR_EL2.RW)
        0xd51c1100, // msr  hcr_el2, x0
        0xd51ccb09, // msr  ich_hcr_el2, x9 (the trap controls under test)
        0xd28078a0, // mov  x0, #0x3c5 (EL1h, DAIF masked)
        0xd51c4000, // msr  spsr_el2, x0
        0x10000060, // adr  x0, el1
        0xd51c4020, // msr  elr_el2, x0
        0xd69f03e0, // eret
        0xd538cc01, // el1: mrs x1, icc_iar1_el1 (Group 1)
        0xd5184601, // msr  icc_pmr_el1, x1 (common)
        0xd518cb21, // msr  icc_dir_el1, x1 (common; TDIR)
        0xd538c801, // mrs  x1, icc_iar0_el1 (Group 0)
        0xd4000002, // hvc  #0 (the end)
    };
    /** At vectors + 0x400 (lower EL, synchronous): count, record ESR_EL2, skip the trapped instruction. */
    private static final int[] LOWER_SYNC = {
        0xd53c5202, // mrs  x2, esr_el2
        0xd53c4023, // mrs  x3, elr_el2
        0x91000484, // add  x4, x4, #1
        0xd35afc45, // lsr  x5, x2, #26
        0xf10058bf, // cmp  x5, #0x16 (HVC: the end)
        0x540000a0, // b.eq done
        0x91001063, // add  x3, x3, #4
        0xd51c4023, // msr  elr_el2, x3
        0xf80084e2, // str  x2, [x7], #8
        0xd69f03e0, // eret
        0x14000000, // done: b done
    };

    /**
     * ICC_SRE_EL2 cleared at EL2, then ICC_SRE_EL1 read and written at EL1 (the same harness). vel2's ICC_SRE_EL2 is
     * RAO/WI: SRE (only the system register interface) and Enable, which the architecture permits where SRE is RAO/WI
     * (the register's description in the Arm ARM's system register pages).
     */
    private static final int[] SRE_EL2_THEN_EL1 = {
        0x10004000, // adr  x0, vectors (+0x800)
        0xd51cc000, // msr  vbar_el2, x0
        0xd2b00000, // mov  x0, #0x80000000 (HCR_EL2.RW)
        0xd51c1100, // msr  hcr_el2, x0
        0xd51cc9bf, // msr  icc_sre_el2, xzr (Enable 0, were it writable: EL1's ICC_SRE_EL1 accesses would trap)
        0xd53cc9aa, // mrs  x10, icc_sre_el2
        0xd28078a0, // mov  x0, #0x3c5 (EL1h, DAIF masked)
        0xd51c4000, // msr  spsr_el2, x0
        0x10000060, // adr  x0, el1
        0xd51c4020, // msr  elr_el2, x0
        0xd69f03e0, // eret
        0xd538cca1, // el1: mrs x1, icc_sre_el1
        0xd518ccbf, // msr  icc_sre_el1, xzr
        0xd4000002, // hvc  #0 (the end)
    };

    /** Runs {@code program} at EL2 with X9 = {@code x9} until its HVC; X4 - 1 traps recorded at SYNDROMES. */
    private static Machine run(int[] program, long x9) {
        Machine m = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST, SysRegs.TABLE, GicVersion.V3);
        for (int i = 0; i < program.length; i++) {
            m.bus().write(Machine.RAM_BASE + 4L * i, 4, program[i]);
        }
        for (int i = 0; i < LOWER_SYNC.length; i++) {
            m.bus().write(Machine.RAM_BASE + 0xc00 + 4L * i, 4, LOWER_SYNC[i]);
        }
        m.boot(Machine.RAM_BASE);
        Cpu c = m.cpu(0);
        c.setX(9, x9);
        c.setX(7, SYNDROMES);
        m.run(500);
        assertEquals(Machine.RAM_BASE + 0xc00 + 4 * 10, c.pc(), "ended at the HVC");
        return m;
    }

    /** The registers whose accesses trapped, in order, for ICH_HCR_EL2 = {@code controls}. */
    private static List<String> trapped(long controls) {
        Machine m = run(EL2_THEN_EL1, controls);
        Cpu c = m.cpu(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.x(4) - 1; i++) {
            long esr = m.bus().read(SYNDROMES + 8L * i, 8);
            assertEquals(0x18, esr >>> 26 & 0x3f, "EC: a trapped MSR/MRS");
            int crm = (int) (esr >>> 1) & 0xf;
            int op2 = (int) (esr >>> 17) & 7;
            boolean read = (esr & 1) != 0;
            out.add(switch (crm << 3 | op2) {
                case 12 << 3 -> "ICC_IAR1_EL1";
                case 6 << 3 -> "ICC_PMR_EL1";
                case 11 << 3 | 1 -> "ICC_DIR_EL1";
                case 8 << 3 -> "ICC_IAR0_EL1";
                default -> "?";
            } + (read ? " read" : " write"));
        }
        return out;
    }

    @Test
    void eachControlTrapsItsRegisters() {
        assertEquals(List.of(), trapped(EN), "none set: nothing traps");
        assertEquals(List.of("ICC_IAR1_EL1 read"), trapped(EN | TALL1));
        assertEquals(List.of("ICC_IAR0_EL1 read"), trapped(EN | TALL0));
        assertEquals(List.of("ICC_PMR_EL1 write", "ICC_DIR_EL1 write"), trapped(EN | TC));
        assertEquals(List.of("ICC_DIR_EL1 write"), trapped(EN | TDIR));
        assertEquals(List.of("ICC_IAR1_EL1 read", "ICC_PMR_EL1 write", "ICC_DIR_EL1 write", "ICC_IAR0_EL1 read"),
                trapped(EN | TC | TALL0 | TALL1 | TDIR));
    }

    @Test
    void iccSreEl2IsRaoWiSoEl1sAccessesToIccSreEl1NeverTrap() {
        Cpu c = run(SRE_EL2_THEN_EL1, 0).cpu(0);
        assertEquals(0xf, c.x(10), "ICC_SRE_EL2 reads Enable, DIB, DFB, SRE as 1 after a write of 0");
        assertEquals(1, c.x(4), "no trap before the HVC");
        assertEquals(0x7, c.x(1), "ICC_SRE_EL1: DIB, DFB, SRE");
    }

    @Test
    void theControlsReadBackAsWritten() {
        Machine m = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST, SysRegs.TABLE, GicVersion.V3);
        m.writeDeviceSysReg(m.cpu(0), SysRegs.get("ICH_HCR_EL2"), EN | TC | TALL0 | TALL1 | TDIR);
        assertEquals(EN | TC | TALL0 | TALL1 | TDIR, m.readDeviceSysReg(m.cpu(0), SysRegs.get("ICH_HCR_EL2")));
    }
}
