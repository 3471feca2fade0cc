// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.PrintStream;
import java.util.Map;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.Vcpu;
import dev.vel2.hypervisor.Vm;

/**
 * {@code --el2 virtual}: one VM of every vCPU of the board, the Java hypervisor at its EL2, configured from the
 * options before the first entry to EL1.
 */
final class VirtualEl2 {
    /** The symbol a virtual-EL2 run starts at when the image has it (its EL2 code is then skipped). */
    static final String EL1_ENTRY = "el1_entry";
    /** HCR_EL2.RW: EL1 is AArch64 (vel2 runs no AArch32), so it is always set. */
    private static final long HCR_RW = 1L << 31;

    private VirtualEl2() {
    }

    /** Builds the VM and its hypervisor on {@code m} (a machine in virtual-EL2 mode) and attaches it. */
    static Hypervisor attach(Machine m, Options o, PrintStream err) {
        Vm vm = new Vm(0, (o.hcr() == null ? 0 : o.hcr()) | HCR_RW);
        for (int i = 0; i < m.cpuCount(); i++) {
            Vcpu v = vm.addVcpu(m.cpu(i));
            Long vpidr = Options.forVcpu(o.vpidr(), i);
            if (vpidr != null) {
                v.setVpidr(vpidr);
            }
            Long vmpidr = Options.forVcpu(o.vmpidr(), i);
            if (vmpidr != null) {
                v.setVmpidr(vmpidr);
            }
        }
        for (Map.Entry<SysReg, Long> e : o.ids().entrySet()) {
            vm.ids().set(e.getKey(), e.getValue());
        }
        if (vm.vcpu(0).vpidrDefaulted()) {
            err.println("vel2: warning: VPIDR_EL2 has no reset value; EL1 reads MIDR_EL1 as the default 0x"
                    + Long.toHexString(Vm.DEFAULT_VPIDR) + " (set --vpidr)");
        }
        Hypervisor hv = new Hypervisor(vm);
        hv.attachVirtual();
        hv.setStopper(m::stop);
        m.setVcpuScheduling(hv);
        return hv;
    }

    /** Where vCPU 0 enters EL1: the symbol {@value #EL1_ENTRY}, else the ELF entry. */
    static long el1Entry(ElfImage image) {
        for (ElfImage.Symbol s : image.symbols()) {
            if (s.name().equals(EL1_ENTRY)) {
                return s.value();
            }
        }
        return image.entry();
    }
}
