// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.model.IRegisterGroup;

import dev.vel2.debug.core.model.Vel2Thread;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;

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

    /** The groups of a vCPU, from the system register table of its session's machine. */
    public static List<IRegisterGroup> of(Vel2Thread t) {
        SysRegTable table = t.vel2Target().session().inspection().sysRegs();
        return List.of(new Vel2RegisterGroup(t, GENERAL, RegisterGroups::general),
                new Vel2RegisterGroup(t, EL1, () -> el1(table)),
                new Vel2RegisterGroup(t, EL2, () -> named(table, EL2_REGISTERS)),
                new Vel2RegisterGroup(t, SHADOW_MMU, () -> shadowMmu(table)),
                new Vel2RegisterGroup(t, GUEST_VIEW, () -> guestView(table)));
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

    /** Registers whose policy stores vCPU state and that EL1 (or EL0) may read, in table order: the EL1 context. */
    static List<RegisterSource> el1(SysRegTable table) {
        List<RegisterSource> out = new ArrayList<>();
        for (SysReg r : table.all()) {
            if (r.policy().stored() && r.access().readEl() <= 1) {
                out.add(new RegisterSource.System(r));
            }
        }
        return out;
    }

    static List<RegisterSource> named(SysRegTable table, List<String> names) {
        List<RegisterSource> out = new ArrayList<>();
        for (String n : names) {
            out.add(new RegisterSource.System(table.get(n)));
        }
        return out;
    }

    /** The rows the table marks shadowed: the virtual EL2's copies of the stage-1 controls. */
    static List<RegisterSource> shadowMmu(SysRegTable table) {
        List<RegisterSource> out = new ArrayList<>();
        for (SysReg r : table.shadowed()) {
            out.add(new RegisterSource.Shadow(r));
        }
        return out;
    }

    /** The VIRTUALIZED_ID rows as EL1 reads them (VPIDR_EL2/VMPIDR_EL2) next to the PE's own values. */
    static List<RegisterSource> guestView(SysRegTable table) {
        List<RegisterSource> out = new ArrayList<>();
        for (SysReg r : table.all()) {
            SysReg virtual = table.virtualizedBy(r);
            if (virtual != null) {
                out.add(new RegisterSource.GuestView(r, virtual));
                out.add(new RegisterSource.Real(r));
            }
        }
        return out;
    }
}
