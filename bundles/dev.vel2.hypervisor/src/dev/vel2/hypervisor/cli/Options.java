// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.boot.GuestModule;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.GuestImage;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.gdb.GdbServer;

/**
 * The options of {@code vel2 run}; their names are an interface users script against, so they do not change.
 * Register names and HCR_EL2 field names come from the system register table.
 */
record Options(boolean guestEl2, Long hcr, List<Long> vpidr, List<Long> vmpidr, Map<SysReg, Long> ids, Integer vcpus,
        int memMiB, long maxInsns, String trapLog, String regsOut, String stats, boolean interpret, boolean debug,
        String image, GuestImage.Linux linux, String dumpDtb, InetSocketAddress gdb, GicVersion gic) {

    static final long DEFAULT_MAX_INSNS = 5_000_000_000L;

    static final String USAGE = """
            usage: vel2 run [options] IMAGE     run an AArch64 ELF on the virt board; stdout is the guest's UART
                   vel2 run [options] --kernel FILE [--initrd FILE] [--append CMDLINE] [--dtb FILE] [--dump-dtb FILE]
                                                boot a Linux kernel as QEMU -kernel does
                   vel2 run --el2 guest [options] --kernel HYPERVISOR --guest-loader addr=ADDR,kernel=FILE ...
                                                boot a hypervisor with its guests as QEMU -device guest-loader
                   vel2 disasm IMAGE            list the image's executable sections
                   vel2 disasm --source IMAGE   the same with the function and FILE:LINE lines of objdump -d -l
            options:
              --el2 virtual|guest   who is at EL2: the Java hypervisor (default) or the image's own EL2 code.
                                    virtual: vCPU 0 starts at EL1h, MMU off, at the ELF symbol el1_entry if the
                                    image has one, else at the ELF entry; HVC #0 serves PSCI (CPU_ON, SYSTEM_OFF...)
                                    guest: vCPU 0 starts at EL2h at the ELF entry, as QEMU -M virt,virtualization=on
              --hcr NAME,NAME|0xHEX HCR_EL2 (one-bit field names such as TWI,TID3,TVM); virtual: RW is always set,
                                    default RW only; guest: the initial value the image's EL2 finds (default:
                                    the register's reset value)
              --vpidr 0xHEX[,...]   VPIDR_EL2 (what EL1 reads as MIDR_EL1), one value for all vCPUs or one per
                                    vCPU; default 0x411fd070 (the modelled Cortex-A57), virtual: with a warning
              --vmpidr 0xHEX[,...]  VMPIDR_EL2 (what EL1 reads as MPIDR_EL1), one value per vCPU, or one whose
                                    Aff0 (bits 7:0) each vCPU replaces with its index; default 0x80000000 | index
              --id NAME=0xHEX       an ID register (repeatable), e.g. ID_AA64MMFR0_EL1=0x1122; virtual: the value
                                    a read trapped by HCR_EL2.TID3 returns; guest: the register's value
              --gic 2|3             the board's GIC, as QEMU -M virt,gic-version=N (default 2): 3 has the
                                    GICv3 distributor, redistributors and ICC_*/ICH_* system registers, no ITS
              --vcpus N             1..8 vCPUs (default: the image's absolute symbol vel2_vcpus, else 1);
                                    vCPU 0 starts, the others wait for PSCI CPU_ON
              --mem MiB             RAM size (default 128)
              --max-insns N         instruction budget (default 5000000000)
              --trap-log FILE|-     one JSON object per trap to EL2 (- is stderr)
              --stats FILE|-        after the run, as JSON: traps per vCPU and class, their share and cost (host
                                    ns; guest: also EL2 instructions); virtual: the lazy switch's counters
              --regs-out FILE|-     final registers as JSON (- is stderr)
              --interpret           no translated blocks: every instruction through the interpreter (slower;
                                    the same results, for telling a translator bug from a guest bug)
              --gdb [HOST:]PORT     a GDB remote stub on PORT (loopback unless HOST is given): the guest waits
                                    before its first instruction until a debugger attaches (gdb-multiarch:
                                    target remote :PORT); monitor help lists vel2's commands
              --debug               stack traces for internal errors
            Linux (QEMU -kernel's rules):
              --kernel FILE         instead of IMAGE: an arm64 Image (gzip too) at a 2 MiB aligned RAM address +
                                    text_offset, an ELF by its segments, else a raw binary at RAM + 0x80000;
                                    vCPU 0 enters it with X0 = the device tree, X1-X3 = 0, MMU off, DAIF masked,
                                    at EL1h (virtual) or EL2h (guest)
              --initrd FILE         the initrd, above the kernel where QEMU puts it
              --append CMDLINE      the kernel command line (/chosen's bootargs)
              --dtb FILE            boot with this device tree instead of vel2's board's; its memory node and
                                    /chosen are set as QEMU sets them
              --dump-dtb FILE       write the device tree the run would boot with and exit 0 without running
              --guest-loader addr=ADDR,kernel=FILE[,bootargs=ARGS] | addr=ADDR,initrd=FILE
                                    (repeatable) a hypervisor's guest kernel or RAM disk copied to ADDR, named by a
                                    /chosen/module@0xADDR node (multiboot,kernel or multiboot,ramdisk) as QEMU's
                                    -device guest-loader does; ",," is a comma in ARGS
            exit: 0 SYSTEM_OFF, 2 bad arguments or image, 3 instruction limit, 4 SYSTEM_RESET,
                  5 every vCPU off, 6 a vCPU loops on an exception, 1 internal error""";

    static Options parse(String[] args) throws UsageException {
        boolean guest = false;
        Long hcr = null;
        List<Long> vpidr = null;
        List<Long> vmpidr = null;
        Map<SysReg, Long> ids = new LinkedHashMap<>();
        Integer vcpus = null;
        int mem = Machine.DEFAULT_MEMORY_MIB;
        long max = DEFAULT_MAX_INSNS;
        String trapLog = null;
        String regsOut = null;
        String stats = null;
        boolean interpret = false;
        boolean debug = false;
        String image = null;
        Map<String, String> linux = new LinkedHashMap<>();
        List<GuestModule> modules = new ArrayList<>();
        InetSocketAddress gdb = null;
        GicVersion gic = GicVersion.V2;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                if (image != null) {
                    throw new UsageException("more than one image: " + image + ", " + a);
                }
                image = a;
                continue;
            }
            if (a.equals("--debug")) {
                debug = true;
                continue;
            }
            if (a.equals("--interpret")) {
                interpret = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--el2" -> guest = switch (v) {
                    case "guest" -> true;
                    case "virtual" -> false;
                    default -> throw new UsageException("--el2 takes virtual or guest, not " + v);
                };
                case "--hcr" -> hcr = hcr(v);
                case "--gic" -> gic = gic(v);
                case "--vpidr" -> vpidr = hexList(a, v);
                case "--vmpidr" -> vmpidr = hexList(a, v);
                case "--id" -> id(v, ids);
                case "--vcpus" -> vcpus = (int) number(a, v, 1, Machine.MAX_CPUS);
                case "--mem" -> mem = (int) number(a, v, 1, VmDescription.MAX_MEMORY_MIB);
                case "--max-insns" -> max = number(a, v, 1, Long.MAX_VALUE);
                case "--trap-log" -> trapLog = v;
                case "--regs-out" -> regsOut = v;
                case "--stats" -> stats = v;
                case "--gdb" -> gdb = gdb(v);
                case "--kernel", "--initrd", "--append", "--dtb", "--dump-dtb" -> linux.put(a, v);
                case "--guest-loader" -> {
                    modules.add(guestLoader(v));
                    linux.putIfAbsent(a, v);
                }
                default -> throw new UsageException("unknown option " + a);
            }
        }
        if (!linux.containsKey("--kernel")) {
            if (!linux.isEmpty()) {
                throw new UsageException(linux.keySet().iterator().next() + " needs --kernel");
            }
            if (image == null) {
                throw new UsageException("no image given");
            }
        } else if (image != null) {
            throw new UsageException("give IMAGE or --kernel FILE, not both");
        }
        if (vcpus != null) {
            checkVcpus(vpidr, vmpidr, vcpus);
        }
        return new Options(guest, hcr, vpidr, vmpidr, Map.copyOf(ids), vcpus, mem, max, trapLog, regsOut, stats,
                interpret, debug, image, linux(linux, modules), linux.get("--dump-dtb"), gdb, gic);
    }

    private static GuestModule guestLoader(String v) throws UsageException {
        try {
            return GuestModule.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code --gic N}: {@link GicVersion#of}'s check, as the launch configuration's. */
    private static GicVersion gic(String v) throws UsageException {
        try {
            return GicVersion.of(Integer.parseInt(v));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gic takes 2 or 3, not " + v);
        }
    }

    private static InetSocketAddress gdb(String v) throws UsageException {
        try {
            return GdbServer.address(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The Linux boot of {@code --kernel} and its companions, or null without {@code --kernel}. */
    private static GuestImage.Linux linux(Map<String, String> options, List<GuestModule> modules)
            throws UsageException {
        String kernel = options.get("--kernel");
        if (kernel == null) {
            return null;
        }
        try {
            return new GuestImage.Linux(Path.of(kernel), Optional.ofNullable(options.get("--initrd")).map(Path::of),
                    Optional.ofNullable(options.get("--append")), Optional.ofNullable(options.get("--dtb"))
                            .map(Path::of), modules);
        } catch (InvalidPathException e) {
            throw new UsageException("not a path: " + e.getInput());
        }
    }

    /**
     * The VM these options describe, running {@code image} whose ELF is {@code elf} (null: none): its vCPU count is
     * {@code --vcpus}, else what the ELF asks for, and the per-vCPU values must fit it.
     */
    VmDescription description(GuestImage image, ElfImage elf) throws UsageException {
        VmDescription d = VmDescription.of(image).withMemory(memMiB)
                .withEl2(guestEl2 ? El2Mode.GUEST : El2Mode.VIRTUAL).withTranslate(!interpret).withGic(gic);
        if (vcpus != null) {
            d = d.withVcpus(vcpus);
        }
        if (hcr != null) {
            d = d.withHcr(hcr);
        }
        if (vpidr != null) {
            d = d.withVpidr(vpidr);
        }
        if (vmpidr != null) {
            d = d.withVmpidr(vmpidr);
        }
        for (Map.Entry<SysReg, Long> e : ids.entrySet()) {
            d = d.withId(e.getKey(), e.getValue());
        }
        checkVcpus(vpidr, vmpidr, d.vcpusFor(elf));
        return d;
    }

    /** {@link VmDescription}'s per-vCPU rule, with the options' names. */
    private static void checkVcpus(List<Long> vpidr, List<Long> vmpidr, int vcpus) throws UsageException {
        checkVcpus("--vpidr", vpidr, vcpus);
        checkVcpus("--vmpidr", vmpidr, vcpus);
    }

    private static void checkVcpus(String option, List<Long> values, int vcpus) throws UsageException {
        String problem = values == null ? null : VmDescription.perVcpuProblem(option, values, vcpus);
        if (problem != null) {
            throw new UsageException(problem);
        }
    }

    private static List<Long> hexList(String option, String v) throws UsageException {
        List<Long> values = new ArrayList<>();
        for (String one : v.split(",", -1)) {
            values.add(hex(option, one.trim()));
        }
        return List.copyOf(values);
    }

    static long hex(String option, String v) throws UsageException {
        if (!v.startsWith("0x") && !v.startsWith("0X")) {
            throw new UsageException(option + " takes 0xHEX, not " + v);
        }
        try {
            return Long.parseUnsignedLong(v.substring(2).replace("_", ""), 16);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes 0xHEX, not " + v);
        }
    }

    private static long number(String option, String v, long min, long max) throws UsageException {
        long n;
        try {
            n = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, not " + v);
        }
        if (n < min || n > max) {
            throw new UsageException(option + " " + v + " not in " + min + ".." + max);
        }
        return n;
    }

    /** HCR_EL2 as 0xHEX or a comma list of its field names (one-bit fields only). */
    private static long hcr(String v) throws UsageException {
        if (v.startsWith("0x") || v.startsWith("0X")) {
            return hex("--hcr", v);
        }
        SysReg hcr = SysRegs.get("HCR_EL2");
        long value = 0;
        for (String name : v.split(",")) {
            Field f = hcr.fields().stream().filter(x -> x.name().equalsIgnoreCase(name.trim()) && !x.reserved())
                    .findFirst().orElse(null);
            if (f == null || f.width() != 1) {
                throw new UsageException("--hcr: HCR_EL2 has no one-bit field " + name.trim());
            }
            value |= f.mask();
        }
        return value;
    }

    private static void id(String v, Map<SysReg, Long> ids) throws UsageException {
        int eq = v.indexOf('=');
        if (eq < 0) {
            throw new UsageException("--id takes NAME=0xHEX, not " + v);
        }
        SysReg r = SysRegs.byName(v.substring(0, eq));
        if (r == null) {
            throw new UsageException("--id: no system register " + v.substring(0, eq));
        }
        if (r.policy() != Policy.ID) {
            throw new UsageException("--id: " + r.name() + " is not an ID register"
                    + (r.policy() == Policy.VIRTUALIZED_ID ? " (use --vpidr or --vmpidr)" : ""));
        }
        ids.put(r, hex("--id", v.substring(eq + 1)));
    }
}
