// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.model.IRegisterGroup;

import dev.vel2.debug.core.model.Vel2Thread;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.ShadowMmuRegisters;

/** The register groups of a vCPU, in the order the Registers view lists them; every layout comes from the table. */
public final class RegisterGroups {
    public static final String GENERAL = "General";
    public static final String EL1 = "EL1 system";
    public static final String EL2 = "EL2";
    public static final String SHADOW_MMU = "Shadowed MMU";
    public static final String GUEST_VIEW = "Guest view";

    /** The EL2 registers the virtual EL2 story needs (architecture.md). */
    static final List<String> EL2_REGISTERS = List.of("HCR_EL2", "VPIDR_EL2", "VMPIDR_EL2", "ESR_EL2", "ELR_EL2",
            "FAR_EL2", "HPFAR_EL2", "SPSR_EL2", "VBAR_EL2", "VTTBR_EL2", "VTCR_EL2");

    private RegisterGroups() {
    }

    public static List<IRegisterGroup> of(Vel2Thread t) {
        return List.of(new Vel2RegisterGroup(t, GENERAL, RegisterGroups::general),
                new Vel2RegisterGroup(t, EL1, RegisterGroups::el1),
                new Vel2RegisterGroup(t, EL2, () -> named(EL2_REGISTERS)),
                new Vel2RegisterGroup(t, SHADOW_MMU, RegisterGroups::shadowMmu),
                new Vel2RegisterGroup(t, GUEST_VIEW, RegisterGroups::guestView));
    }

    static List<RegisterSource> general() {
        List<RegisterSource> out = new ArrayList<>();
        for (int n = 0; n <= 30; n++) {
            out.add(new RegisterSource.General(n));
        }
        out.add(new RegisterSource.StackPointer());
        out.add(new RegisterSource.ProgramCounter());
        out.add(new RegisterSource.Pstate());
        return out;
    }

    /** Stored registers EL1 (or EL0) may read, in table order: the EL1 context a hypervisor switches. */
    static List<RegisterSource> el1() {
        List<RegisterSource> out = new ArrayList<>();
        for (SysReg r : SysRegs.ALL) {
            if (r.policy() == Policy.STORED && r.access().readEl() <= 1) {
                out.add(new RegisterSource.System(r));
            }
        }
        return out;
    }

    static List<RegisterSource> named(List<String> names) {
        List<RegisterSource> out = new ArrayList<>();
        for (String n : names) {
            out.add(new RegisterSource.System(SysRegs.get(n)));
        }
        return out;
    }

    static List<RegisterSource> shadowMmu() {
        List<RegisterSource> out = new ArrayList<>();
        for (SysReg r : ShadowMmuRegisters.REGISTERS) {
            out.add(new RegisterSource.Shadow(r));
        }
        return out;
    }

    /** MIDR_EL1/MPIDR_EL1 as EL1 reads them (VPIDR_EL2/VMPIDR_EL2) next to the PE's own values. */
    static List<RegisterSource> guestView() {
        SysReg midr = SysRegs.get("MIDR_EL1");
        SysReg mpidr = SysRegs.get("MPIDR_EL1");
        return List.of(new RegisterSource.GuestView(midr, SysRegs.get("VPIDR_EL2")), new RegisterSource.Real(midr),
                new RegisterSource.GuestView(mpidr, SysRegs.get("VMPIDR_EL2")), new RegisterSource.Real(mpidr));
    }
}
