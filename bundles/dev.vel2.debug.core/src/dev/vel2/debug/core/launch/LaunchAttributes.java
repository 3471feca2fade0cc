// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.launch;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.boot.GuestModule;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.LinuxBoot;
import dev.vel2.hypervisor.VmDescription;

/**
 * Attribute keys, defaults and validation of an "AArch64 Guest (virtual EL2)" launch configuration.
 * Addresses and register values are stored as hexadecimal strings ({@code 0x4000_0000}), so that a
 * 64-bit value survives the launch configuration's XML unchanged.
 */
public final class LaunchAttributes {

    private static final String PREFIX = Vel2Debug.PLUGIN_ID + ".";

    /**
     * Guest image: an ELF file (its content starts with the ELF magic, or its name ends in {@code .elf}) or else a
     * raw binary; a file system path, a workspace path ({@code /project/guest.elf}) or a string with variables
     * ({@code ${workspace_loc:/project/guest.elf}}); string.
     */
    public static final String IMAGE_PATH = PREFIX + "imagePath";

    /**
     * Linux kernel booted as QEMU's {@code -kernel} boots it (an arm64 Image, gzip-compressed or not, an ELF or a raw
     * binary), a path as {@link #IMAGE_PATH} takes; string. A configuration that has this attribute boots Linux: the
     * image, the load address and the entry are not used, and {@link #IMAGE_PATH} must be empty (the command line's
     * {@code --kernel} instead of IMAGE).
     */
    public static final String KERNEL_PATH = PREFIX + "kernelPath";
    /** Initrd loaded above the kernel (the command line's {@code --initrd}), with a kernel only; a path; string. */
    public static final String INITRD_PATH = PREFIX + "initrdPath";
    /** Kernel command line, {@code /chosen}'s bootargs ({@code --append}), with a kernel only; string. */
    public static final String COMMAND_LINE = PREFIX + "commandLine";
    /**
     * Device tree blob to boot with instead of vel2's board's ({@code --dtb}), with a kernel only; a path; string.
     */
    public static final String DTB_PATH = PREFIX + "dtbPath";
    /**
     * A hypervisor's guests, loaded as QEMU's {@code -device guest-loader} loads them, with a kernel only: one entry
     * per module in the command line's {@code --guest-loader} syntax ({@code addr=ADDR,kernel=FILE[,bootargs=ARGS]}
     * or {@code addr=ADDR,initrd=FILE}; FILE a path as {@link #IMAGE_PATH} takes), in order; list of strings.
     */
    public static final String GUEST_LOADER = PREFIX + "guestLoader";

    /**
     * An ELF whose symbols name the guest's addresses, used instead of the image's for frames, the views' labels and
     * symbol breakpoints: a Linux kernel's {@code vmlinux} beside the {@code Image} it boots (boot it with
     * {@code nokaslr}, so that the kernel runs where vmlinux says), or any ELF; with an image or a kernel; a path as
     * {@link #IMAGE_PATH} takes; string, optional.
     */
    public static final String SYMBOLS_PATH = PREFIX + "symbolsPath";

    /** Guest physical address where the image is loaded; hex string. */
    public static final String LOAD_ADDRESS = PREFIX + "loadAddress";
    /** RAM base of QEMU's {@code virt} board, so that one image runs on both. */
    public static final String DEFAULT_LOAD_ADDRESS = "0x40000000";

    /**
     * First instruction executed; hex string, empty = the image's entry (an ELF's: under the virtual EL2 its symbol
     * {@code el1_entry} if it has one, else its ELF entry; a raw image's: its load address).
     */
    public static final String ENTRY = PREFIX + "entry";

    /** Guest RAM size in MiB; int. */
    public static final String MEMORY_MIB = PREFIX + "memoryMiB";
    public static final int DEFAULT_MEMORY_MIB = Machine.DEFAULT_MEMORY_MIB;
    public static final int MAX_MEMORY_MIB = VmDescription.MAX_MEMORY_MIB;

    /**
     * Number of virtual CPUs; int in 1..{@value #MAX_VCPUS}; absent = the VM description's default (the image's
     * {@code vel2_vcpus} symbol, else 1).
     */
    public static final String VCPU_COUNT = PREFIX + "vcpuCount";
    /** What the launch tab gives a new configuration. */
    public static final int DEFAULT_VCPU_COUNT = 1;
    public static final int MAX_VCPUS = Machine.MAX_CPUS;

    /**
     * The board's GIC architecture version ({@code vel2 run --gic}); int, 2 or 3; absent = the VM description's
     * default (2, QEMU virt's).
     */
    public static final String GIC_VERSION = PREFIX + "gicVersion";

    /** Who handles EL2 traps: one of {@link El2Mode#id()}; string. */
    public static final String EL2_MODE = PREFIX + "el2Mode";

    /**
     * HCR_EL2 the guest starts with; hex string, absent or empty = the VM description's default (virtual EL2: RW
     * only, guest EL2: the register's reset value; see {@link dev.vel2.hypervisor.VmDescription}).
     */
    public static final String HCR_EL2 = PREFIX + "hcrEl2";
    /**
     * RW (EL1 is AArch64), TVM, TSC, TID3, TWE, TWI: the traps of the vel2 story, which the launch tab, the shortcut
     * and the example write into new configurations, where the user sees them; no default of a configuration.
     */
    public static final String STORY_HCR_EL2 = "0x840C6000";

    /**
     * Virtual MIDR_EL1 value the guest reads: hex strings {@code V[,V...]}, one for every vCPU or one per vCPU (the
     * command line's {@code --vpidr}); empty = not set (no architectural reset value: the VM description's default).
     */
    public static final String VPIDR_EL2 = PREFIX + "vpidrEl2";
    /**
     * Virtual MPIDR_EL1 value the guest reads: hex strings {@code V[,V...]}, one per vCPU, or one whose Aff0 (bits
     * 7:0) each vCPU replaces with its index (the command line's {@code --vmpidr}); empty = not set (no architectural
     * reset value: the VM description's default).
     */
    public static final String VMPIDR_EL2 = PREFIX + "vmpidrEl2";

    /**
     * The user sets VPIDR_EL2 and VMPIDR_EL2 explicitly: both must then be given; boolean. When false, an empty value
     * takes the hypervisor's documented default and the views warn about it.
     */
    public static final String EXPLICIT_IDENTITY = PREFIX + "explicitIdentity";
    public static final boolean DEFAULT_EXPLICIT_IDENTITY = false;

    /** Virtual ID register values returned on TID3 traps: register name (e.g. ID_AA64MMFR0_EL1) to hex string. */
    public static final String ID_REGISTERS = PREFIX + "idRegisters";

    /** Suspend at the entry point before the first instruction; boolean. */
    public static final String STOP_AT_ENTRY = PREFIX + "stopAtEntry";
    public static final boolean DEFAULT_STOP_AT_ENTRY = true;

    /** Start a GDB remote stub on the launch's session ({@code vel2 run --gdb}); boolean. */
    public static final String GDB_LISTEN = PREFIX + "gdbListen";
    public static final boolean DEFAULT_GDB_LISTEN = false;

    /** The loopback port the GDB stub listens on (0: any free port); int. */
    public static final String GDB_PORT = PREFIX + "gdbPort";
    public static final int DEFAULT_GDB_PORT = 1234;

    /** A launch's attribute (not the configuration's): the port its GDB stub listens on, once it does. */
    public static final String GDB_LISTENING_PORT = PREFIX + "gdbListeningPort";

    /** Who stands at EL2. */
    public enum El2Mode {
        /** vel2's Java hypervisor handles the traps. */
        VIRTUAL("virtual"),
        /** The guest's own EL2 code (VBAR_EL2) handles the traps. */
        GUEST("guest");

        private final String id;

        El2Mode(String id) {
            this.id = id;
        }

        /** The value stored under {@link LaunchAttributes#EL2_MODE}. */
        public String id() {
            return id;
        }

        public static Optional<El2Mode> fromId(String id) {
            for (El2Mode mode : values()) {
                if (mode.id.equals(id)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    private LaunchAttributes() {
    }

    /**
     * Checks a launch configuration: its attributes, then for a Linux boot its files and their placement, by
     * {@link LinuxBoot#check}, with the messages {@code vel2 run --kernel} prints.
     *
     * @return a one-line message for the first problem found, or empty when the configuration can be launched
     */
    public static Optional<String> validate(ILaunchConfiguration configuration) {
        try {
            return Optional.ofNullable(firstProblem(configuration));
        } catch (CoreException e) {
            return Optional.of("Cannot read the launch configuration: " + e.getStatus().getMessage());
        }
    }

    private static String firstProblem(ILaunchConfiguration c) throws CoreException {
        boolean linux = isLinuxBoot(c);
        String problem = linux ? linuxFilesProblem(c) : imageProblem(c);
        if (problem != null) {
            return problem;
        }
        problem = boardProblem(c);
        if (problem == null) {
            problem = symbolsProblem(c);
        }
        if (problem == null && linux) {
            try {
                LinuxBoot.check(LaunchSettings.linuxDescription(c)); // what vel2 run --kernel checks, in its words
            } catch (ImageException | IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        return problem;
    }

    /** Whether the configuration boots a Linux kernel (it has {@link #KERNEL_PATH}) rather than an image. */
    public static boolean isLinuxBoot(ILaunchConfiguration c) throws CoreException {
        return c.hasAttribute(KERNEL_PATH);
    }

    private static String imageProblem(ILaunchConfiguration c) throws CoreException {
        for (String[] linuxOnly : new String[][] { { INITRD_PATH, "An initrd" }, { COMMAND_LINE, "A command line" },
            { DTB_PATH, "A device tree" } }) {
            if (!c.getAttribute(linuxOnly[0], "").isBlank()) {
                return linuxOnly[1] + " needs a Linux kernel";
            }
        }
        if (!c.getAttribute(GUEST_LOADER, List.<String>of()).isEmpty()) {
            return "A guest-loader module needs a Linux kernel";
        }
        String image = c.getAttribute(IMAGE_PATH, "").strip();
        if (image.isEmpty()) {
            return "Guest image is not set";
        }
        try {
            if (imageFile(image).isEmpty()) {
                return "Guest image not found: " + image;
            }
        } catch (InvalidPathException e) {
            return "Guest image path is not valid: " + image;
        } catch (CoreException e) {
            return "Guest image path " + image + ": " + e.getStatus().getMessage();
        }
        String problem = hexProblem("Load address", c.getAttribute(LOAD_ADDRESS, DEFAULT_LOAD_ADDRESS), false);
        return problem != null ? problem : hexProblem("Entry address", c.getAttribute(ENTRY, ""), true);
    }

    /** The kernel's companions as paths; whether the files exist and fit is {@link LinuxBoot#check}'s to say. */
    private static String linuxFilesProblem(ILaunchConfiguration c) throws CoreException {
        if (c.getAttribute(KERNEL_PATH, "").isBlank()) {
            return "Linux kernel is not set";
        }
        if (!c.getAttribute(IMAGE_PATH, "").isBlank()) {
            return "Give a guest image or a Linux kernel, not both";
        }
        for (String[] file : new String[][] { { KERNEL_PATH, "Linux kernel" }, { INITRD_PATH, "Initrd" },
            { DTB_PATH, "Device tree" } }) {
            String text = c.getAttribute(file[0], "");
            try {
                if (!text.isBlank()) {
                    file(text);
                }
            } catch (InvalidPathException e) {
                return file[1] + " path is not valid: " + text.strip();
            } catch (CoreException e) {
                return file[1] + " path " + text.strip() + ": " + e.getStatus().getMessage();
            }
        }
        try {
            guestModules(c);
        } catch (IllegalArgumentException e) {
            return e.getMessage(); // the command line's words for its --guest-loader
        } catch (CoreException e) {
            return "Guest-loader module: " + e.getStatus().getMessage();
        }
        return null;
    }

    /**
     * The {@link #GUEST_LOADER} modules, parsed by the command line's parser ({@link GuestModule#parse}), each file
     * found as {@link #file} finds it; whether they fit in RAM is {@link LinuxBoot#check}'s to say.
     *
     * @throws IllegalArgumentException with {@code vel2 run}'s one-line message for a bad module
     */
    public static List<GuestModule> guestModules(ILaunchConfiguration c) throws CoreException {
        List<GuestModule> modules = new ArrayList<>();
        for (String spec : c.getAttribute(GUEST_LOADER, List.<String>of())) {
            GuestModule m = GuestModule.parse(spec.strip());
            try {
                modules.add(new GuestModule(m.address(), m.kind(), file(m.file().toString()), m.bootargs()));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a path: " + e.getInput());
            }
        }
        return modules;
    }

    /** The symbols file exists; whether it is an ELF is read at launch (a vmlinux is large: not as the user types). */
    private static String symbolsProblem(ILaunchConfiguration c) throws CoreException {
        String text = c.getAttribute(SYMBOLS_PATH, "");
        if (text.isBlank()) {
            return null;
        }
        try {
            Path p = file(text);
            return Files.isRegularFile(p) ? null : "Symbols file not found: " + text.strip();
        } catch (InvalidPathException e) {
            return "Symbols file path is not valid: " + text.strip();
        } catch (CoreException e) {
            return "Symbols file path " + text.strip() + ": " + e.getStatus().getMessage();
        }
    }

    private static String boardProblem(ILaunchConfiguration c) throws CoreException {
        int memory = c.getAttribute(MEMORY_MIB, DEFAULT_MEMORY_MIB);
        if (memory <= 0) {
            return "Guest memory must be at least 1 MiB, not " + memory;
        }
        if (memory > MAX_MEMORY_MIB) {
            return "Guest memory must be at most " + MAX_MEMORY_MIB + " MiB, not " + memory;
        }
        int port = c.getAttribute(GDB_PORT, DEFAULT_GDB_PORT);
        if (c.getAttribute(GDB_LISTEN, DEFAULT_GDB_LISTEN) && (port < 0 || port > 0xffff)) {
            return "GDB port must be between 0 (any free port) and 65535, not " + port;
        }
        int vcpus = c.getAttribute(VCPU_COUNT, DEFAULT_VCPU_COUNT);
        if (vcpus < 1 || vcpus > MAX_VCPUS) {
            return "Number of vCPUs must be between 1 and " + MAX_VCPUS + ", not " + vcpus;
        }
        try {
            GicVersion.of(c.getAttribute(GIC_VERSION, GicVersion.V2.number())); // the check --gic makes
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String mode = c.getAttribute(EL2_MODE, El2Mode.VIRTUAL.id());
        if (El2Mode.fromId(mode).isEmpty()) {
            return "EL2 mode must be 'virtual' or 'guest', not '" + mode + "'";
        }
        String problem = hexProblem("HCR_EL2", c.getAttribute(HCR_EL2, ""), true);
        if (problem == null) {
            problem = perVcpuProblem(c, VPIDR_EL2, "VPIDR_EL2");
        }
        if (problem == null) {
            problem = perVcpuProblem(c, VMPIDR_EL2, "VMPIDR_EL2");
        }
        if (problem != null) {
            return problem;
        }
        if (c.getAttribute(EXPLICIT_IDENTITY, DEFAULT_EXPLICIT_IDENTITY)) {
            if (c.getAttribute(VPIDR_EL2, "").isBlank()) {
                return "VPIDR_EL2 is not set: enter the MIDR_EL1 value the guest should read";
            }
            if (c.getAttribute(VMPIDR_EL2, "").isBlank()) {
                return "VMPIDR_EL2 is not set: enter the MPIDR_EL1 value the guest should read";
            }
        }
        for (Map.Entry<String, String> e : c.getAttribute(ID_REGISTERS, Map.<String, String>of()).entrySet()) {
            if (e.getKey().isBlank()) {
                return "ID register value " + e.getValue() + " has no register name";
            }
            SysReg r = SysRegs.byName(e.getKey());
            if (r == null || r.policy() != Policy.ID) {
                return e.getKey() + " is not an ID register of the system register table";
            }
            problem = hexProblem("ID register " + e.getKey(), e.getValue(), false);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * The image file an {@link #IMAGE_PATH} value names: variables substituted, then a file system path, else a
     * workspace path; empty when no such regular file exists.
     *
     * @throws CoreException          when a variable is undefined
     * @throws InvalidPathException   when the text is no path
     */
    public static Optional<Path> imageFile(String attribute) throws CoreException {
        String text = substituted(attribute);
        Path file = Path.of(text);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        IResource member = ResourcesPlugin.getWorkspace().getRoot().findMember(text);
        if (member != null && member.getType() == IResource.FILE && member.getLocation() != null) {
            Path local = member.getLocation().toPath();
            return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The file a path attribute names, as {@link #imageFile} finds it, else the path as written (variables
     * substituted): reading it then says what is wrong with it, as the command line does.
     *
     * @throws CoreException          when a variable is undefined
     * @throws InvalidPathException   when the text is no path
     */
    public static Path file(String attribute) throws CoreException {
        return imageFile(attribute).orElse(Path.of(substituted(attribute)));
    }

    private static String substituted(String attribute) throws CoreException {
        return VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(attribute.strip());
    }

    private static String hexProblem(String what, String text, boolean mayBeEmpty) {
        if (mayBeEmpty && text.isBlank()) {
            return null;
        }
        try {
            parseHex(text);
            return null;
        } catch (NumberFormatException e) {
            return what + " is not a 64-bit hexadecimal number: '" + text + "'";
        }
    }

    /** A VPIDR_EL2/VMPIDR_EL2 list: each value, then its count for the vCPUs (when the configuration sets them). */
    private static String perVcpuProblem(ILaunchConfiguration c, String key, String what) throws CoreException {
        String text = c.getAttribute(key, "");
        for (String one : text.split(",", -1)) {
            String problem = hexProblem(what, one, text.isBlank());
            if (problem != null) {
                return problem;
            }
        }
        return c.hasAttribute(VCPU_COUNT)
                ? VmDescription.perVcpuProblem(what, parseHexList(text), c.getAttribute(VCPU_COUNT, 0))
                : null;
    }

    /** {@code V[,V...]} of {@link #parseHex} numbers; empty text gives an empty list. */
    public static List<Long> parseHexList(String text) {
        List<Long> values = new ArrayList<>();
        if (!text.isBlank()) {
            for (String one : text.split(",", -1)) {
                values.add(parseHex(one));
            }
        }
        return values;
    }

    /**
     * Parses an unsigned 64-bit hexadecimal number with an optional {@code 0x} prefix and {@code _}
     * separators between digits, e.g. {@code 0x4000_0000} or {@code ffffffffffffffff}.
     *
     * @throws NumberFormatException if {@code text} is not such a number
     */
    public static long parseHex(String text) {
        String digits = text.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("_") || digits.endsWith("_")) {
            throw new NumberFormatException(text);
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty() || digits.length() > 16) {
            throw new NumberFormatException(text);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new NumberFormatException(text);
            }
        }
        return Long.parseUnsignedLong(digits, 16);
    }
}
