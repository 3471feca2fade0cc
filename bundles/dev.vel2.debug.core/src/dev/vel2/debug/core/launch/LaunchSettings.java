// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunchConfiguration;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.loader.RawImage;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.GuestImage;
import dev.vel2.hypervisor.LinuxBoot;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.session.SessionConfig;

/**
 * A launch configuration read, checked and turned into what a session needs: the parsed image (an ELF, an ELF kernel
 * too, keeps its symbols for the debug model) and the {@link SessionConfig}, whose {@link VmDescription} takes its
 * documented default for every attribute the configuration does not set. Every problem is a one-line
 * {@link CoreException}.
 *
 * @param file    the image, or the kernel of a Linux boot
 * @param elf     the ELF image, or null for a raw binary or a kernel that is no ELF
 * @param gdbPort the loopback port of a GDB stub on the session (0: any free port), or -1 for none
 */
public record LaunchSettings(Path file, ElfImage elf, SessionConfig config, int gdbPort) {

    /** Reads and checks {@code c}: the attributes ({@link LaunchAttributes#validate}), then the image itself. */
    public static LaunchSettings read(ILaunchConfiguration c) throws CoreException {
        String problem = LaunchAttributes.validate(c).orElse(null);
        if (problem != null) {
            throw error(problem);
        }
        boolean stop = c.getAttribute(LaunchAttributes.STOP_AT_ENTRY, LaunchAttributes.DEFAULT_STOP_AT_ENTRY);
        if (LaunchAttributes.isLinuxBoot(c)) {
            return linux(c, stop);
        }
        Path file = LaunchAttributes.imageFile(c.getAttribute(LaunchAttributes.IMAGE_PATH, "")).orElseThrow();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw error("Cannot read the guest image " + file + ": " + e.getMessage());
        }
        int mib = c.getAttribute(LaunchAttributes.MEMORY_MIB, LaunchAttributes.DEFAULT_MEMORY_MIB);
        long ramEnd = Machine.RAM_BASE + ((long) mib << 20);
        ElfImage elf = null;
        GuestImage image;
        if (ElfImage.isElf(bytes) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".elf")) {
            try {
                elf = ElfImage.parse(bytes, file.getFileName().toString());
            } catch (ImageException e) {
                throw error("Guest image " + file.getFileName() + ": " + e.getMessage());
            }
            image = new GuestImage.Elf(elf);
        } else {
            long load = hex(c, LaunchAttributes.LOAD_ADDRESS, LaunchAttributes.DEFAULT_LOAD_ADDRESS);
            if (Long.compareUnsigned(load, Machine.RAM_BASE) < 0
                    || Long.compareUnsigned(load + bytes.length, ramEnd) > 0 || load + bytes.length < load) {
                throw error(String.format("Raw image %s (0x%x bytes at load address 0x%x) overlaps the end of RAM "
                        + "0x%x-0x%x", file.getFileName(), bytes.length, load, Machine.RAM_BASE, ramEnd));
            }
            image = new GuestImage.Raw(new RawImage(file.getFileName().toString(), load, bytes));
        }
        VmDescription vm = description(c, VmDescription.of(image).withMemory(mib));
        if (!c.getAttribute(LaunchAttributes.ENTRY, "").isBlank()) {
            long entry = hex(c, LaunchAttributes.ENTRY, "");
            if ((entry & 3) != 0 || Long.compareUnsigned(entry, Machine.RAM_BASE) < 0
                    || Long.compareUnsigned(entry, ramEnd) >= 0) {
                throw error(String.format("Entry address 0x%x is not a word-aligned address in RAM 0x%x-0x%x", entry,
                        Machine.RAM_BASE, ramEnd));
            }
            vm = vm.withEntry(entry);
        }
        String identity = vm.identityProblem(vm.vcpusFor(elf));
        if (identity != null) {
            throw error(identity);
        }
        return new LaunchSettings(file, elf, new SessionConfig(vm, stop).withSymbols(symbols(c)), gdbPort(c));
    }

    /** The configuration's {@link LaunchAttributes#SYMBOLS_PATH} read, else null; a problem is one line. */
    private static ElfImage symbols(ILaunchConfiguration c) throws CoreException {
        String text = c.getAttribute(LaunchAttributes.SYMBOLS_PATH, "");
        if (text.isBlank()) {
            return null;
        }
        Path file = LaunchAttributes.file(text);
        try {
            return ElfImage.parse(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw error("Symbols file " + file + ": cannot read: " + e.getMessage());
        } catch (ImageException e) {
            throw error("Symbols file " + file + ": " + e.getMessage());
        }
    }

    /** The ELF whose symbols name the guest's addresses: the symbols file, else the image's, else null. */
    public ElfImage symbols() {
        return config.symbols() != null ? config.symbols() : elf;
    }

    private static int gdbPort(ILaunchConfiguration c) throws CoreException {
        return c.getAttribute(LaunchAttributes.GDB_LISTEN, LaunchAttributes.DEFAULT_GDB_LISTEN)
                ? c.getAttribute(LaunchAttributes.GDB_PORT, LaunchAttributes.DEFAULT_GDB_PORT) : -1;
    }

    /** A Linux boot, which {@link LaunchAttributes#validate} checked as {@code vel2 run --kernel} does. */
    private static LaunchSettings linux(ILaunchConfiguration c, boolean stop) throws CoreException {
        VmDescription vm = linuxDescription(c);
        GuestImage.Linux linux = (GuestImage.Linux) vm.image();
        try {
            return new LaunchSettings(linux.kernel(), LinuxBoot.elf(LinuxBoot.kernel(linux)), new SessionConfig(vm,
                    stop).withSymbols(symbols(c)), gdbPort(c));
        } catch (ImageException e) {
            throw error(e.getMessage());
        }
    }

    /**
     * The VM of a configuration that boots Linux ({@link LaunchAttributes#isLinuxBoot}): the kernel and its companions
     * and a hypervisor's guest-loader modules as {@code vel2 run --kernel/--initrd/--append/--dtb/--guest-loader} give
     * them, every other attribute as for an image.
     */
    static VmDescription linuxDescription(ILaunchConfiguration c) throws CoreException {
        Path kernel = LaunchAttributes.file(c.getAttribute(LaunchAttributes.KERNEL_PATH, ""));
        Optional<String> commandLine = Optional.of(c.getAttribute(LaunchAttributes.COMMAND_LINE, ""));
        GuestImage.Linux linux = new GuestImage.Linux(kernel, optionalFile(c, LaunchAttributes.INITRD_PATH),
                commandLine, optionalFile(c, LaunchAttributes.DTB_PATH), LaunchAttributes.guestModules(c));
        int mib = c.getAttribute(LaunchAttributes.MEMORY_MIB, LaunchAttributes.DEFAULT_MEMORY_MIB);
        return description(c, VmDescription.of(linux).withMemory(mib));
    }

    private static Optional<Path> optionalFile(ILaunchConfiguration c, String key) throws CoreException {
        String text = c.getAttribute(key, "");
        return text.isBlank() ? Optional.empty() : Optional.of(LaunchAttributes.file(text));
    }

    /**
     * The VM the attributes describe, on {@code d} (the image and memory): each attribute the configuration sets,
     * the description's default for each it does not (the command line's options map to the same fields).
     */
    static VmDescription description(ILaunchConfiguration c, VmDescription d) throws CoreException {
        if (c.hasAttribute(LaunchAttributes.VCPU_COUNT)) {
            d = d.withVcpus(c.getAttribute(LaunchAttributes.VCPU_COUNT, LaunchAttributes.DEFAULT_VCPU_COUNT));
        }
        LaunchAttributes.El2Mode mode = LaunchAttributes.El2Mode
                .fromId(c.getAttribute(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.VIRTUAL.id())).orElseThrow();
        d = d.withEl2(mode == LaunchAttributes.El2Mode.GUEST ? El2Mode.GUEST : El2Mode.VIRTUAL);
        if (c.hasAttribute(LaunchAttributes.GIC_VERSION)) {
            d = d.withGic(GicVersion.of(c.getAttribute(LaunchAttributes.GIC_VERSION, GicVersion.V2.number())));
        }
        if (!c.getAttribute(LaunchAttributes.HCR_EL2, "").isBlank()) {
            d = d.withHcr(hex(c, LaunchAttributes.HCR_EL2, ""));
        }
        d = d.withVpidr(LaunchAttributes.parseHexList(c.getAttribute(LaunchAttributes.VPIDR_EL2, "")))
                .withVmpidr(LaunchAttributes.parseHexList(c.getAttribute(LaunchAttributes.VMPIDR_EL2, "")));
        for (Map.Entry<String, String> e : c.getAttribute(LaunchAttributes.ID_REGISTERS, Map.<String, String>of())
                .entrySet()) {
            d = d.withId(SysRegs.get(e.getKey()), LaunchAttributes.parseHex(e.getValue()));
        }
        return d;
    }

    /** The configuration with the entry stop switched off: run mode has nobody to resume it. */
    public LaunchSettings forRunMode() {
        return new LaunchSettings(file, elf, config.withStopAtEntry(false), gdbPort);
    }

    private static long hex(ILaunchConfiguration c, String key, String dflt) throws CoreException {
        return LaunchAttributes.parseHex(c.getAttribute(key, dflt)); // validate() accepted it
    }

    static CoreException error(String message) {
        return new CoreException(new Status(IStatus.ERROR, Vel2Debug.PLUGIN_ID, message.replace('\n', ' ')));
    }
}
