// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * One VM as a value, as QEMU's {@code -machine} options describe a board and KVM's {@code kvm_vcpu_init} a vCPU:
 * the board, who stands at EL2, the EL2 state before the first entry to EL1, and the image. {@link VmBuilder#build}
 * makes it a running machine. The command line, the IDE's launch configurations, {@link Host} and the benchmark all
 * describe their VMs with it, so that these are their defaults (what {@link #of} gives):
 * <ul>
 * <li><b>memory</b>: {@value Machine#DEFAULT_MEMORY_MIB} MiB of RAM at 0x4000_0000;
 * <li><b>vCPUs</b>: as many as the image asks for with its absolute ELF symbol {@value ElfImage#VCPUS_SYMBOL}, else 1;
 * vCPU 0 starts, the others wait for PSCI CPU_ON;
 * <li><b>EL2</b>: the Java hypervisor ({@link El2Mode#VIRTUAL});
 * <li><b>HCR_EL2</b>: under the virtual EL2 RW only, so nothing traps (RW is always added: vel2 runs no AArch32 at
 * EL1); under the guest's EL2 what the image's EL2 finds at boot: the register's reset value unless given;
 * <li><b>VPIDR_EL2</b> (what EL1 reads as MIDR_EL1): {@link Vm#DEFAULT_VPIDR}, the modelled Cortex-A57's MIDR, as QEMU
 * resets it; the architecture gives the register no reset value, so a vCPU reports it as defaulted;
 * <li><b>VMPIDR_EL2</b> (what EL1 reads as MPIDR_EL1): {@value #VIRT_MPIDR} | vCPU index, as the PE's own MPIDR_EL1
 * on QEMU's virt board, reported as defaulted too;
 * <li><b>ID registers</b>: under the virtual EL2 a read trapped by HCR_EL2.TID3 returns the sanitised real value;
 * under the guest's EL2 the registers hold their real values;
 * <li><b>entry</b>: under the virtual EL2 vCPU 0 starts at EL1h at the ELF symbol {@value VmBuilder#EL1_ENTRY} if
 * the image has one (its EL2 code is skipped), else at the ELF entry; under the guest's EL2 at EL2h at the ELF
 * entry; a raw image at its first byte; a Linux kernel ({@link GuestImage.Linux}) as QEMU's {@code -kernel} enters
 * it ({@link LinuxBoot}): at its entry with X0 = the device tree's address, at EL1h or EL2h by the EL2 owner;
 * <li><b>translated blocks</b>: on (hot code is compiled), unless {@code -Dvel2.translate=false};
 * <li><b>GIC</b>: a GICv2 ({@link GicVersion#V2}), as QEMU's virt board's default;
 * <li><b>system registers</b>: the modelled Cortex-A57's table ({@link SysRegs#TABLE}); a test may give one with rows
 * added ({@link SysRegTable#with}), as {@code -cpu} picks the PE in QEMU.
 * </ul>
 * VPIDR_EL2 and VMPIDR_EL2 are set per vCPU by one rule ({@link #forVcpu}), the command line's
 * {@code --vpidr/--vmpidr V[,V...]} and the launch tab's fields alike: one value per vCPU, or one value for all.
 * Immutable: start from {@link #of} and change fields with the {@code with...} methods.
 *
 * @param memoryMiB RAM size, 1..2047
 * @param vcpus     vCPU count, 1..{@value Machine#MAX_CPUS}, or {@link #VCPUS_OF_IMAGE}
 * @param el2       who stands at EL2
 * @param hcr       HCR_EL2 as given, or empty for the default ({@link #hcrAtBoot})
 * @param vpidr     VPIDR_EL2 values as given ({@link #forVcpu}); empty for the default
 * @param vmpidr    VMPIDR_EL2 values as given ({@link #forVcpu}); empty for the default
 * @param ids       ID register values: under the virtual EL2 what trapped reads return, under the guest's EL2 the
 *                  registers' values
 * @param entry     where vCPU 0 starts instead of the image's entry, or empty
 * @param translate whether hot code becomes translated blocks (false: every instruction is interpreted)
 * @param sysRegs   the PE's system register table
 * @param gic       the board's GIC architecture version
 */
public record VmDescription(GuestImage image, int memoryMiB, int vcpus, El2Mode el2, OptionalLong hcr,
        List<Long> vpidr, List<Long> vmpidr, Map<SysReg, Long> ids, OptionalLong entry, boolean translate,
        SysRegTable sysRegs, GicVersion gic) {

    /** {@link #vcpus()}: as many as the image's {@value ElfImage#VCPUS_SYMBOL} symbol says, else 1. */
    public static final int VCPUS_OF_IMAGE = 0;
    /** The largest RAM: the emulator's RAM is one Java array. */
    public static final int MAX_MEMORY_MIB = 2047;
    /** MPIDR_EL1 of vCPU 0 on QEMU's virt board (the RES1 bit 31; Aff0 is the vCPU index), VMPIDR_EL2's default. */
    public static final long VIRT_MPIDR = 0x8000_0000L;
    /** HCR_EL2.RW: EL1 is AArch64. */
    public static final long HCR_RW = SysRegAccess.HCR_EL2.field("RW").mask();

    public VmDescription {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(el2, "el2");
        Objects.requireNonNull(hcr, "hcr");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sysRegs, "sysRegs");
        Objects.requireNonNull(gic, "gic");
        if (memoryMiB < 1 || memoryMiB > MAX_MEMORY_MIB) {
            throw new IllegalArgumentException("memory size " + memoryMiB + " MiB not in 1.." + MAX_MEMORY_MIB);
        }
        if (vcpus != VCPUS_OF_IMAGE && (vcpus < 1 || vcpus > Machine.MAX_CPUS)) {
            throw new IllegalArgumentException("vCPU count " + vcpus + " not in 1.." + Machine.MAX_CPUS);
        }
        vpidr = List.copyOf(vpidr);
        vmpidr = List.copyOf(vmpidr);
        ids = Map.copyOf(ids);
    }

    /** {@code image} with every default (see the class comment). */
    public static VmDescription of(GuestImage image) {
        return new VmDescription(image, Machine.DEFAULT_MEMORY_MIB, VCPUS_OF_IMAGE, El2Mode.VIRTUAL,
                OptionalLong.empty(), List.of(), List.of(), Map.of(), OptionalLong.empty(), true, SysRegs.TABLE,
                GicVersion.V2);
    }

    /** The ELF file {@code elf} with every default. */
    public static VmDescription of(Path elf) {
        return of(new GuestImage.ElfFile(elf));
    }

    public VmDescription withImage(GuestImage i) {
        return new VmDescription(i, memoryMiB, vcpus, el2, hcr, vpidr, vmpidr, ids, entry, translate, sysRegs, gic);
    }

    public VmDescription withMemory(int mib) {
        return new VmDescription(image, mib, vcpus, el2, hcr, vpidr, vmpidr, ids, entry, translate, sysRegs, gic);
    }

    public VmDescription withVcpus(int n) {
        return new VmDescription(image, memoryMiB, n, el2, hcr, vpidr, vmpidr, ids, entry, translate, sysRegs, gic);
    }

    public VmDescription withEl2(El2Mode mode) {
        return new VmDescription(image, memoryMiB, vcpus, mode, hcr, vpidr, vmpidr, ids, entry, translate, sysRegs,
                gic);
    }

    public VmDescription withHcr(long value) {
        return new VmDescription(image, memoryMiB, vcpus, el2, OptionalLong.of(value), vpidr, vmpidr, ids, entry,
                translate, sysRegs, gic);
    }

    /** VPIDR_EL2: one value for every vCPU, or one per vCPU ({@link #forVcpu}); empty for the default. */
    public VmDescription withVpidr(List<Long> values) {
        return new VmDescription(image, memoryMiB, vcpus, el2, hcr, values, vmpidr, ids, entry, translate, sysRegs,
                gic);
    }

    /** VMPIDR_EL2: one value per vCPU, or one whose Aff0 each vCPU replaces ({@link #forVcpu}); empty: default. */
    public VmDescription withVmpidr(List<Long> values) {
        return new VmDescription(image, memoryMiB, vcpus, el2, hcr, vpidr, values, ids, entry, translate, sysRegs, gic);
    }

    public VmDescription withId(SysReg register, long value) {
        Map<SysReg, Long> m = new HashMap<>(ids);
        m.put(register, value);
        return new VmDescription(image, memoryMiB, vcpus, el2, hcr, vpidr, vmpidr, m, entry, translate, sysRegs, gic);
    }

    public VmDescription withEntry(long address) {
        return new VmDescription(image, memoryMiB, vcpus, el2, hcr, vpidr, vmpidr, ids, OptionalLong.of(address),
                translate, sysRegs, gic);
    }

    /** The PE's system registers (tests add rows to the standard table). */
    public VmDescription withSysRegs(SysRegTable table) {
        return new VmDescription(image, memoryMiB, vcpus, el2, hcr, vpidr, vmpidr, ids, entry, translate, table, gic);
    }

    /** The board's GIC (QEMU's gic-version). */
    public VmDescription withGic(GicVersion version) {
        return new VmDescription(image, memoryMiB, vcpus, el2, hcr, vpidr, vmpidr, ids, entry, translate, sysRegs,
                version);
    }

    public VmDescription withTranslate(boolean on) {
        return new VmDescription(image, memoryMiB, vcpus, el2, hcr, vpidr, vmpidr, ids, entry, on, sysRegs, gic);
    }

    /** HCR_EL2 at boot: virtual EL2 the given value (else 0) | RW; guest EL2 as given, else the reset value. */
    public long hcrAtBoot() {
        if (el2 == El2Mode.VIRTUAL) {
            return hcr.orElse(0) | HCR_RW;
        }
        return hcr.orElse(SysRegAccess.HCR_EL2.reset());
    }

    /** The vCPU count for an image with {@code elf}'s symbols (null: an image without any). */
    public int vcpusFor(ElfImage elf) {
        if (vcpus != VCPUS_OF_IMAGE) {
            return vcpus;
        }
        return elf != null ? elf.vcpus(Machine.MAX_CPUS) : 1;
    }

    /** VPIDR_EL2 of vCPU {@code vcpu} of {@code count} by {@link #forVcpu}, or empty for the default. */
    public OptionalLong vpidrOf(int vcpu, int count) {
        return forVcpu("VPIDR_EL2", vpidr, vcpu, count, false);
    }

    /** VMPIDR_EL2 of vCPU {@code vcpu} of {@code count} by {@link #forVcpu}, or empty for the default. */
    public OptionalLong vmpidrOf(int vcpu, int count) {
        return forVcpu("VMPIDR_EL2", vmpidr, vcpu, count, true);
    }

    /**
     * What vCPU {@code vcpu} of {@code count} reads as MPIDR_EL1 when it starts (a device tree's cpu node names it):
     * under the virtual EL2 its VMPIDR_EL2 ({@link #vmpidrOf}, else the default), under the guest's EL2 the PE's own.
     */
    public long mpidrAtBoot(int vcpu, int count) {
        OptionalLong given = el2 == El2Mode.VIRTUAL ? vmpidrOf(vcpu, count) : OptionalLong.empty();
        return given.orElse(VIRT_MPIDR | vcpu);
    }

    /** Why VPIDR_EL2 or VMPIDR_EL2 does not fit {@code count} vCPUs ({@link #perVcpuProblem}), or null. */
    public String identityProblem(int count) {
        String problem = perVcpuProblem("VPIDR_EL2", vpidr, count);
        return problem != null ? problem : perVcpuProblem("VMPIDR_EL2", vmpidr, count);
    }

    /**
     * The one rule by which a per-vCPU identity setting gives each vCPU its value: one value per vCPU, each its own;
     * or one value for all of them, VPIDR_EL2 as given and VMPIDR_EL2 ({@code affinity}) with Aff0 (bits 7:0) replaced
     * by the vCPU index, so that the vCPUs keep distinct affinities (PSCI CPU_ON names a vCPU by it). With one vCPU
     * its one value is used as given; no value at all leaves the default.
     *
     * @throws IllegalArgumentException when {@link #perVcpuProblem} finds one
     */
    private static OptionalLong forVcpu(String name, List<Long> values, int vcpu, int count, boolean affinity) {
        String problem = perVcpuProblem(name, values, count);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        if (values.size() == count) {
            return OptionalLong.of(values.get(vcpu));
        }
        long v = values.get(0);
        return OptionalLong.of(affinity ? (v & ~0xffL) | vcpu : v);
    }

    /**
     * Why {@code values} of the setting {@code name} do not fit {@code count} vCPUs under {@link #forVcpu}'s rule
     * ("--vpidr gives 2 values for 3 vCPUs (give one, or one per vCPU)"), or null when they do.
     */
    public static String perVcpuProblem(String name, List<Long> values, int count) {
        int n = values.size();
        if (n <= 1 || n == count) {
            return null;
        }
        return name + " gives " + n + " values for " + count + " vCPUs (give one, or one per vCPU)";
    }
}
