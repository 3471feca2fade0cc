// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.RawImage;

/**
 * What a {@link Session} builds: the image, the board (memory, vCPUs), who stands at EL2, and the virtual EL2's
 * initial configuration. Immutable; start from {@link #of} and change fields with the {@code with...} methods.
 *
 * @param memoryMiB RAM size (default {@value Machine#DEFAULT_MEMORY_MIB})
 * @param vcpus     vCPU count, 1..{@value Machine#MAX_CPUS}
 * @param mode      {@link Cpu.El2Mode#VIRTUAL} (the Java hypervisor, default) or {@link Cpu.El2Mode#GUEST}
 * @param hcr       HCR_EL2 of every vCPU (default {@link #DEFAULT_HCR}: RW only, nothing traps)
 * @param vpidr     VPIDR_EL2 by vCPU index; a vCPU left out gets {@link dev.vel2.hypervisor.Vm#DEFAULT_VPIDR} and
 *                  reports {@code vpidrDefaulted()} (the architecture gives the register no reset value)
 * @param vmpidr    VMPIDR_EL2 by vCPU index; default 0x8000_0000 | index, reported by {@code vmpidrDefaulted()}
 * @param idValues  values of trapped ID register reads (HCR_EL2.TID3...) by register name ("ID_AA64MMFR0_EL1")
 * @param stopAtEntry {@link Session#start()} leaves the machine suspended at the entry point
 */
public record SessionConfig(Image image, int memoryMiB, int vcpus, Cpu.El2Mode mode, long hcr,
        Map<Integer, Long> vpidr, Map<Integer, Long> vmpidr, Map<String, Long> idValues, boolean stopAtEntry) {

    /** HCR_EL2.RW: EL1 is AArch64; no trap enabled. */
    public static final long DEFAULT_HCR = 1L << 31;

    /** Where the guest comes from. */
    public sealed interface Image permits ElfFile, Elf, Raw {
    }

    /** An ELF file, read when the session is built. */
    public record ElfFile(Path path) implements Image {
    }

    public record Elf(ElfImage image) implements Image {
    }

    /** Raw bytes at a physical address, entered at their first byte. */
    public record Raw(RawImage image) implements Image {
    }

    public SessionConfig {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mode, "mode");
        if (vcpus < 1 || vcpus > Machine.MAX_CPUS) {
            throw new IllegalArgumentException("vCPU count " + vcpus + " not in 1.." + Machine.MAX_CPUS);
        }
        vpidr = Map.copyOf(vpidr);
        vmpidr = Map.copyOf(vmpidr);
        idValues = Map.copyOf(idValues);
    }

    /** One vCPU, default memory, virtual EL2, {@link #DEFAULT_HCR}, documented identity defaults, no stop at entry. */
    public static SessionConfig of(Image image) {
        return new SessionConfig(image, Machine.DEFAULT_MEMORY_MIB, 1, Cpu.El2Mode.VIRTUAL, DEFAULT_HCR, Map.of(),
                Map.of(), Map.of(), false);
    }

    public static SessionConfig of(Path elf) {
        return of(new ElfFile(elf));
    }

    public SessionConfig withMemory(int mib) {
        return new SessionConfig(image, mib, vcpus, mode, hcr, vpidr, vmpidr, idValues, stopAtEntry);
    }

    public SessionConfig withVcpus(int n) {
        return new SessionConfig(image, memoryMiB, n, mode, hcr, vpidr, vmpidr, idValues, stopAtEntry);
    }

    public SessionConfig withMode(Cpu.El2Mode m) {
        return new SessionConfig(image, memoryMiB, vcpus, m, hcr, vpidr, vmpidr, idValues, stopAtEntry);
    }

    public SessionConfig withHcr(long value) {
        return new SessionConfig(image, memoryMiB, vcpus, mode, value, vpidr, vmpidr, idValues, stopAtEntry);
    }

    public SessionConfig withVpidr(int vcpu, long value) {
        return new SessionConfig(image, memoryMiB, vcpus, mode, hcr, put(vpidr, vcpu, value), vmpidr, idValues,
                stopAtEntry);
    }

    public SessionConfig withVmpidr(int vcpu, long value) {
        return new SessionConfig(image, memoryMiB, vcpus, mode, hcr, vpidr, put(vmpidr, vcpu, value), idValues,
                stopAtEntry);
    }

    public SessionConfig withIdValue(String register, long value) {
        return new SessionConfig(image, memoryMiB, vcpus, mode, hcr, vpidr, vmpidr, put(idValues, register, value),
                stopAtEntry);
    }

    public SessionConfig withStopAtEntry(boolean stop) {
        return new SessionConfig(image, memoryMiB, vcpus, mode, hcr, vpidr, vmpidr, idValues, stop);
    }

    private static <K> Map<K, Long> put(Map<K, Long> m, K key, long value) {
        Map<K, Long> copy = new HashMap<>(m);
        copy.put(key, value);
        return copy;
    }
}
