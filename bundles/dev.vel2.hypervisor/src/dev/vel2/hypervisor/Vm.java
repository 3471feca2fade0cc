// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;

/**
 * A virtual machine: its vCPUs, its HCR_EL2 configuration, its virtual ID register values and its hypercalls.
 * Memory isolation comes from the machine: each VM has its own bus.
 */
public final class Vm {
    /** Default VPIDR_EL2 when the user sets none: the real MIDR of the modelled Cortex-A57 (documented). */
    public static final long DEFAULT_VPIDR = 0x411fd070L;

    /** A user hypercall: HVC #imm with this immediate; returns the value for x0. */
    @FunctionalInterface
    public interface Hypercall {
        long call(Vcpu vcpu, int imm);
    }

    private final int index;
    private final List<Vcpu> vcpus = new ArrayList<>();
    private final VirtualIdRegisters ids = new VirtualIdRegisters();
    private final Map<Integer, Hypercall> hypercalls = new HashMap<>();
    private long hcr;

    public Vm(int index, long hcr) {
        this.index = index;
        this.hcr = hcr;
    }

    public int index() {
        return index;
    }

    /** Adds a vCPU backed by {@code cpu}; its VMPIDR_EL2 defaults to Aff0 = vCPU index (with RES1 bit 31). */
    public Vcpu addVcpu(Cpu cpu) {
        Vcpu v = new Vcpu(this, vcpus.size(), cpu);
        vcpus.add(v);
        cpu.setSysreg(SysRegAccess.VPIDR_EL2, DEFAULT_VPIDR);
        cpu.setSysreg(SysRegAccess.VMPIDR_EL2, 0x8000_0000L | v.index());
        v.markIdentityDefaulted(true, true);
        cpu.setSysreg(SysRegAccess.HCR_EL2, hcr);
        return v;
    }

    public List<Vcpu> vcpus() {
        return Collections.unmodifiableList(vcpus);
    }

    public Vcpu vcpu(int i) {
        return vcpus.get(i);
    }

    public VirtualIdRegisters ids() {
        return ids;
    }

    public long hcr() {
        return hcr;
    }

    /** Changes the trap policy of every vCPU (while the machine is suspended). */
    public void setHcr(long value) {
        hcr = value;
        for (Vcpu v : vcpus) {
            v.cpu().setSysreg(SysRegAccess.HCR_EL2, value);
        }
    }

    public void registerHypercall(int imm, Hypercall h) {
        hypercalls.put(imm, h);
    }

    Hypercall hypercall(int imm) {
        return hypercalls.get(imm);
    }
}
