// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import static dev.vel2.emulator.sysreg.Field.bit;
import static dev.vel2.emulator.sysreg.Field.f;
import static dev.vel2.emulator.sysreg.Field.res0;
import static dev.vel2.emulator.sysreg.Field.trap;
import static dev.vel2.emulator.sysreg.SysReg.reg;

import java.util.ArrayList;
import java.util.List;

/**
 * System register table section: the GICv3 CPU interface (ARM IHI 0069 12.11 ICC_*, 12.5 ICH_*). The registers are
 * the board's GIC's ({@link Policy#GIC_CPU_INTERFACE}): they exist where ID_AA64PFR0_EL1.GIC says the PE has the
 * system-register interface (a GICv3 board), else every access is UNDEFINED. At EL1, HCR_EL2.IMO/FMO turn the
 * ICC_ accesses into ICV_ ones (same encodings) and trap the SGI generators to EL2.
 */
final class GicRegisters {
    /**
     * ICH_HCR_EL2's trap controls (IHI 0069 12.4.3; QEMU's gicv3_cpuif access checks): EL1's accesses to the common
     * registers trap to EL2 with TC (ICC_DIR_EL1 with TDIR too), to those of a group with TALL0/TALL1.
     */
    private static final String TC = "ICH_HCR_EL2.TC";
    private static final String TALL0 = "ICH_HCR_EL2.TALL0";
    private static final String TALL1 = "ICH_HCR_EL2.TALL1";
    private static final Field[] INTID = { res0(63, 24), f("INTID", 23, 0, "interrupt ID") };
    private static final Field[] PRIORITY = { res0(63, 8), f("Priority", 7, 0, "priority") };
    private static final Field[] BINARY_POINT = { res0(63, 3), f("BinaryPoint", 2, 0, "group priority split") };
    private static final Field[] ENABLE = { res0(63, 1), bit("Enable", 0, "the group's interrupts are enabled") };
    private static final Field[] SGI = {
        res0(63, 56), f("Aff3", 55, 48, "targets' affinity 3"), f("RS", 47, 44, "range of TargetList (Aff0 16 RS..)"),
        res0(43, 41), bit("IRM", 40, "every PE but this one"), f("Aff2", 39, 32, "targets' affinity 2"),
        res0(31, 28), f("INTID", 27, 24, "the SGI"), f("Aff1", 23, 16, "targets' affinity 1"),
        f("TargetList", 15, 0, "one bit per Aff0 value"),
    };
    private static final Field[] SRE = {
        res0(63, 3), bit("DIB", 2, "IRQ bypass off"), bit("DFB", 1, "FIQ bypass off"),
        bit("SRE", 0, "system register interface"),
    };
    private static final Field[] ACTIVE_PRIORITIES = {
        res0(63, 32), f("ActivePriorities", 31, 0, "one bit per preemption level"),
    };
    private static final Field[] LIST_STATUS = { res0(63, 16), f("Status", 15, 0, "one bit per list register") };
    private static final Field[] MAINTENANCE = {
        res0(63, 8), bit("VGrp1D", 7, "vGroup 1 disabled"), bit("VGrp1E", 6, "vGroup 1 enabled"),
        bit("VGrp0D", 5, "vGroup 0 disabled"), bit("VGrp0E", 4, "vGroup 0 enabled"), bit("NP", 3, "no pending"),
        bit("LRENP", 2, "list register entry not present"), bit("U", 1, "underflow"), bit("EOI", 0, "end of interrupt"),
    };
    private static final Field[] LIST_REGISTER = {
        f("State", 63, 62, "0 invalid, 1 pending, 2 active, 3 both"), bit("HW", 61, "a physical interrupt's"),
        bit("Group", 60, "Group 1"), res0(59, 56), f("Priority", 55, 48, "priority"), res0(47, 45),
        f("pINTID", 44, 32, "physical INTID (HW), else bit 41 = EOI maintenance"), f("vINTID", 31, 0, "virtual INTID"),
    };

    static final List<SysReg.Builder> ROWS = rows();
    /** What a read of ICC_IAR0_EL1 or ICC_IAR1_EL1 does besides returning the INTID. */
    private static final String ACKNOWLEDGES = "acknowledges the highest priority pending interrupt";

    private GicRegisters() {
    }

    private static List<SysReg.Builder> rows() {
        List<SysReg.Builder> rows = new ArrayList<>();
        rows.add(icc("ICC_PMR_EL1", 4, 6, 0, Access.EL1_RW).el2Trap(TC)
            .about("Interrupt Priority Mask").fields(PRIORITY));
        rows.add(icc("ICC_IAR0_EL1", 12, 8, 0, Access.EL1_RO).el2Trap(TALL0).about("Interrupt Acknowledge, Group 0")
            .readEffect(ACKNOWLEDGES).fields(INTID));
        rows.add(icc("ICC_EOIR0_EL1", 12, 8, 1, Access.EL1_WO).el2Trap(TALL0)
            .about("End Of Interrupt, Group 0").fields(INTID));
        rows.add(icc("ICC_HPPIR0_EL1", 12, 8, 2, Access.EL1_RO).el2Trap(TALL0)
            .about("Highest Priority Pending Interrupt, Group 0").fields(INTID));
        rows.add(icc("ICC_BPR0_EL1", 12, 8, 3, Access.EL1_RW).el2Trap(TALL0)
            .about("Binary Point, Group 0").fields(BINARY_POINT));
        rows.add(icc("ICC_AP0R0_EL1", 12, 8, 4, Access.EL1_RW).el2Trap(TALL0).about("Active Priorities Group 0")
                .fields(res0(63, 32), f("ActivePriorities", 31, 0, "one bit per preemption level")));
        rows.add(icc("ICC_AP1R0_EL1", 12, 9, 0, Access.EL1_RW).el2Trap(TALL1).about("Active Priorities Group 1")
                .fields(res0(63, 32), f("ActivePriorities", 31, 0, "one bit per preemption level")));
        rows.add(icc("ICC_DIR_EL1", 12, 11, 1, Access.EL1_WO).el2Trap(TC + "|TDIR")
            .about("Deactivate Interrupt").fields(INTID));
        rows.add(icc("ICC_RPR_EL1", 12, 11, 3, Access.EL1_RO).el2Trap(TC).about("Running Priority").fields(PRIORITY));
        rows.add(sgi("ICC_SGI1R_EL1", 5, "SGI Generation, Group 1"));
        rows.add(sgi("ICC_ASGI1R_EL1", 6, "Alias SGI Generation, Group 1 of the other Security state"));
        rows.add(sgi("ICC_SGI0R_EL1", 7, "SGI Generation, Group 0"));
        rows.add(icc("ICC_IAR1_EL1", 12, 12, 0, Access.EL1_RO).el2Trap(TALL1).about("Interrupt Acknowledge, Group 1")
            .readEffect(ACKNOWLEDGES).fields(INTID));
        rows.add(icc("ICC_EOIR1_EL1", 12, 12, 1, Access.EL1_WO).el2Trap(TALL1)
            .about("End Of Interrupt, Group 1").fields(INTID));
        rows.add(icc("ICC_HPPIR1_EL1", 12, 12, 2, Access.EL1_RO).el2Trap(TALL1)
            .about("Highest Priority Pending Interrupt, Group 1").fields(INTID));
        rows.add(icc("ICC_BPR1_EL1", 12, 12, 3, Access.EL1_RW).el2Trap(TALL1)
            .about("Binary Point, Group 1").fields(BINARY_POINT));
        rows.add(icc("ICC_CTLR_EL1", 12, 12, 4, Access.EL1_RW).el2Trap(TC).about("Interrupt Controller Control (EL1)")
                .fields(res0(63, 20), bit("ExtRange", 19, "extended INTIDs"), bit("RSS", 18, "range selector 0-255"),
                    res0(17, 16), bit("A3V", 15, "Aff3 supported"), bit("SEIS", 14, "SEIs supported"),
                    f("IDbits", 13, 11, "INTID bits (0: 16, 1: 24)"), f("PRIbits", 10, 8, "priority bits - 1"),
                    res0(7, 7), bit("PMHE", 6, "priority mask hint"), res0(5, 2),
                    bit("EOImode", 1, "EOIR drops priority only; DIR deactivates"),
                    bit("CBPR", 0, "BPR0 is the binary point of both groups")));
        rows.add(icc("ICC_SRE_EL1", 12, 12, 5, Access.EL1_RW).about("System Register Enable (EL1)").fields(SRE));
        rows.add(icc("ICC_IGRPEN0_EL1", 12, 12, 6, Access.EL1_RW).el2Trap(TALL0)
            .about("Interrupt Group 0 Enable").fields(ENABLE));
        rows.add(icc("ICC_IGRPEN1_EL1", 12, 12, 7, Access.EL1_RW).el2Trap(TALL1)
            .about("Interrupt Group 1 Enable").fields(ENABLE));
        rows.add(ich("ICC_SRE_EL2", 9, 5, Access.EL2_RW).about("System Register Enable (EL2)")
                .fields(res0(63, 4), bit("Enable", 3, "EL1 may access ICC_SRE_EL1"), bit("DIB", 2, "IRQ bypass off"),
                    bit("DFB", 1, "FIQ bypass off"), bit("SRE", 0, "system register interface")));
        rows.add(ich("ICH_AP0R0_EL2", 8, 0, Access.EL2_RW).about("Virtual Active Priorities Group 0")
                .fields(ACTIVE_PRIORITIES));
        rows.add(ich("ICH_AP1R0_EL2", 9, 0, Access.EL2_RW).about("Virtual Active Priorities Group 1")
                .fields(ACTIVE_PRIORITIES));
        rows.add(ich("ICH_HCR_EL2", 11, 0, Access.EL2_RW).about("Interrupt Controller Hyp Control")
                .fields(res0(63, 32), f("EOIcount", 31, 27, "EOIs without a list register"), res0(26, 15),
                    trap("TDIR", 14, "trap ICC_DIR_EL1"),
                    bit("TSEI", 13, "trap SEIs").withGap("SEIs do not trap"),
                    trap("TALL1", 12, "trap Group 1 ICC_ accesses"),
                    trap("TALL0", 11, "trap Group 0 ICC_ accesses"),
                    trap("TC", 10, "trap common ICC_ accesses"), res0(9, 8),
                    bit("VGrp1DIE", 7, "maintenance when vGroup 1 is disabled"),
                    bit("VGrp1EIE", 6, "maintenance when vGroup 1 is enabled"),
                    bit("VGrp0DIE", 5, "maintenance when vGroup 0 is disabled"),
                    bit("VGrp0EIE", 4, "maintenance when vGroup 0 is enabled"),
                    bit("NPIE", 3, "maintenance when nothing is pending"),
                    bit("LRENPIE", 2, "maintenance while EOIcount is not 0"),
                    bit("UIE", 1, "maintenance when at most one list register is valid"),
                    bit("En", 0, "virtual CPU interface enabled")));
        rows.add(ich("ICH_VTR_EL2", 11, 1, Access.EL2_RO).about("Interrupt Controller VGIC Type")
                .fields(res0(63, 32), f("PRIbits", 31, 29, "virtual priority bits - 1"),
                    f("PREbits", 28, 26, "virtual preemption bits - 1"), f("IDbits", 25, 23, "vINTID bits (0: 16)"),
                    bit("SEIS", 22, "SEIs"), bit("A3V", 21, "Aff3"), bit("nV4", 20, "no GICv4 direct injection"),
                    bit("TDS", 19, "ICH_HCR_EL2.TDIR"), res0(18, 5), f("ListRegs", 4, 0, "list registers - 1")));
        rows.add(ich("ICH_MISR_EL2", 11, 2, Access.EL2_RO).about("Interrupt Controller Maintenance Interrupt State")
                .fields(MAINTENANCE));
        rows.add(ich("ICH_EISR_EL2", 11, 3, Access.EL2_RO).about("Interrupt Controller End of Interrupt Status")
                .fields(LIST_STATUS));
        rows.add(ich("ICH_ELRSR_EL2", 11, 5, Access.EL2_RO).about("Interrupt Controller Empty List Register Status")
                .fields(LIST_STATUS));
        rows.add(ich("ICH_VMCR_EL2", 11, 7, Access.EL2_RW).about("Interrupt Controller Virtual Machine Control")
                .fields(res0(63, 32), f("VPMR", 31, 24, "virtual priority mask"), f("VBPR0", 23, 21, "ICV_BPR0"),
                    f("VBPR1", 20, 18, "ICV_BPR1"), res0(17, 10), bit("VEOIM", 9, "ICV_CTLR.EOImode"), res0(8, 5),
                    bit("VCBPR", 4, "ICV_CTLR.CBPR"), bit("VFIQEn", 3, "vGroup 0 as vFIQ"),
                    bit("VAckCtl", 2, "RES0 with system registers"), bit("VENG1", 1, "ICV_IGRPEN1"),
                    bit("VENG0", 0, "ICV_IGRPEN0")));
        for (int n = 0; n < 4; n++) { // four, as QEMU's Cortex-A57 (ICH_VTR_EL2.ListRegs)
            rows.add(ich("ICH_LR" + n + "_EL2", 12, n, Access.EL2_RW).about("List Register " + n)
                    .fields(LIST_REGISTER));
        }
        return rows;
    }

    private static SysReg.Builder icc(String name, int crn, int crm, int op2, Access access) {
        return reg(name, 3, 0, crn, crm, op2).access(access).policy(Policy.GIC_CPU_INTERFACE);
    }

    private static SysReg.Builder ich(String name, int crm, int op2, Access access) {
        return reg(name, 3, 4, 12, crm, op2).access(access).policy(Policy.GIC_CPU_INTERFACE);
    }

    private static SysReg.Builder sgi(String name, int op2, String about) {
        return icc(name, 12, 11, op2, Access.EL1_WO).writeTrap("IMO|FMO").el2Trap(TC).about(about).fields(SGI);
    }
}
