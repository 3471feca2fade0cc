// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.SysReg;

/**
 * How one VM under the virtual EL2 is configured before its first entry to EL1, and the one place that assembles
 * it on a board: the {@link Vm} of every vCPU of the machine and its {@link Hypervisor} (used by the CLI's
 * {@code --el2 virtual} and by {@link Host}).
 *
 * @param hcr    HCR_EL2 of every vCPU; RW is always added (vel2 runs no AArch32 at EL1)
 * @param vpidr  VPIDR_EL2 by vCPU index; a vCPU left out gets {@link Vm#DEFAULT_VPIDR} and reports
 *               {@link Vcpu#vpidrDefaulted()}
 * @param vmpidr VMPIDR_EL2 by vCPU index; default 0x8000_0000 | index
 * @param ids    values of trapped ID register reads (HCR_EL2.TID3...); other ID registers are sanitised
 */
public record VmConfig(long hcr, Map<Integer, Long> vpidr, Map<Integer, Long> vmpidr, Map<SysReg, Long> ids) {
    /** HCR_EL2.RW: EL1 is AArch64. */
    public static final long HCR_RW = SysRegAccess.HCR_EL2.field("RW").mask();

    public VmConfig {
        vpidr = Map.copyOf(vpidr);
        vmpidr = Map.copyOf(vmpidr);
        ids = Map.copyOf(ids);
    }

    /** HCR_EL2 = {@code hcr} | RW, identity defaults, no configured ID value. */
    public static VmConfig of(long hcr) {
        return new VmConfig(hcr, Map.of(), Map.of(), Map.of());
    }

    public VmConfig withVpidr(int vcpu, long value) {
        return new VmConfig(hcr, put(vpidr, vcpu, value), vmpidr, ids);
    }

    public VmConfig withVmpidr(int vcpu, long value) {
        return new VmConfig(hcr, vpidr, put(vmpidr, vcpu, value), ids);
    }

    public VmConfig withId(SysReg reg, long value) {
        return new VmConfig(hcr, vpidr, vmpidr, put(ids, reg, value));
    }

    private static <K> Map<K, Long> put(Map<K, Long> m, K key, long value) {
        var copy = new HashMap<>(m);
        copy.put(key, value);
        return copy;
    }

    /**
     * Builds VM number {@code index} over every vCPU of {@code m}, in either EL2 mode: HCR_EL2, VPIDR_EL2/VMPIDR_EL2
     * and the configured ID register values, in place before the first entry to EL1.
     */
    public Vm build(Machine m, int index) {
        checkVcpus(vpidr, m.cpuCount(), "VPIDR_EL2");
        checkVcpus(vmpidr, m.cpuCount(), "VMPIDR_EL2");
        Vm vm = new Vm(index, hcr | HCR_RW);
        for (int i = 0; i < m.cpuCount(); i++) {
            Vcpu v = vm.addVcpu(m.cpu(i));
            Long p = vpidr.get(i);
            if (p != null) {
                v.setVpidr(p);
            }
            Long mp = vmpidr.get(i);
            if (mp != null) {
                v.setVmpidr(mp);
            }
        }
        ids.forEach(vm.ids()::set);
        return vm;
    }

    /**
     * Builds VM number {@code index} of every vCPU of {@code m} (a machine in {@link Cpu.El2Mode#VIRTUAL} mode),
     * attaches its hypervisor at EL2, lets the hypervisor stop the machine (SYSTEM_OFF, trap breakpoints, errors) and
     * installs it as the machine's scheduling hook (the lazy context switch).
     */
    public Hypervisor attach(Machine m, int index) {
        if (m.mode() != Cpu.El2Mode.VIRTUAL) {
            throw new IllegalArgumentException("the virtual EL2 needs a machine in VIRTUAL mode, not " + m.mode());
        }
        Hypervisor hv = new Hypervisor(build(m, index));
        hv.attachVirtual();
        hv.setStopper(m::stop);
        m.setVcpuScheduling(hv);
        return hv;
    }

    private static void checkVcpus(Map<Integer, Long> values, int vcpus, String what) {
        for (int i : values.keySet()) {
            if (i < 0 || i >= vcpus) {
                throw new IllegalArgumentException(what + " for vCPU " + i + " of " + vcpus);
            }
        }
    }
}
