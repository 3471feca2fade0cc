// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.Vm;
import dev.vel2.hypervisor.VmConfig;

/**
 * {@code --el2 virtual}: one VM of every vCPU of the board, the Java hypervisor at its EL2, configured from the
 * options before the first entry to EL1.
 */
final class VirtualEl2 {
    /** The symbol a virtual-EL2 run starts at when the image has it (its EL2 code is then skipped). */
    static final String EL1_ENTRY = "el1_entry";

    private VirtualEl2() {
    }

    /** Builds the VM and its hypervisor on {@code m} (a machine in virtual-EL2 mode) and attaches it. */
    static Hypervisor attach(Machine m, Options o, PrintStream err) {
        Map<Integer, Long> vpidr = new HashMap<>();
        Map<Integer, Long> vmpidr = new HashMap<>();
        for (int i = 0; i < m.cpuCount(); i++) {
            Long p = Options.forVcpu(o.vpidr(), i);
            if (p != null) {
                vpidr.put(i, p);
            }
            Long mp = Options.forVcpu(o.vmpidr(), i);
            if (mp != null) {
                vmpidr.put(i, mp);
            }
        }
        Hypervisor hv = new VmConfig(o.hcr() == null ? 0 : o.hcr(), vpidr, vmpidr, o.ids()).attach(m, 0);
        if (hv.vm().vcpu(0).vpidrDefaulted()) {
            err.println("vel2: warning: VPIDR_EL2 has no reset value; EL1 reads MIDR_EL1 as the default 0x"
                    + Long.toHexString(Vm.DEFAULT_VPIDR) + " (set --vpidr)");
        }
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
