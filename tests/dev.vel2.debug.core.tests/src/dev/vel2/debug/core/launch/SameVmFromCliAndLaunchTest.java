// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.debug.core.Vel2Debug;
import dev.vel2.emulator.boot.GuestModule;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.fdt.Fdt;
import dev.vel2.emulator.fdt.FdtNode;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.GuestImage;
import dev.vel2.hypervisor.Vcpu;
import dev.vel2.hypervisor.VmBuilder;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.cli.Main;

/**
 * The command line and the IDE describe the same VM for the same settings: {@code vel2 run}'s options and a launch
 * configuration's attributes give descriptions whose machines, once built, hold the same HCR_EL2, VPIDR_EL2 and
 * VMPIDR_EL2 on every vCPU (and report the same defaulted identity), in both EL2 modes; a Linux boot is the same
 * description with the same device tree, and its bad files get the same message from both.
 */
class SameVmFromCliAndLaunchTest {
    private static final String GUESTS = "tests/dev.vel2.tests.support/guests/";

    /** A committed guest image, found by walking up from the working directory. */
    static String guest(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(GUESTS + name))) {
                return p.resolve(GUESTS + name).toString();
            }
        }
        throw new IllegalStateException("no " + GUESTS + name + " above " + Path.of("").toAbsolutePath());
    }

    private static ILaunchConfigurationWorkingCopy configuration(String image, Map<String, Object> attributes)
            throws Exception {
        ILaunchConfigurationWorkingCopy c = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(Vel2Debug.LAUNCH_CONFIGURATION_TYPE_ID).newInstance(null, "vel2-same-vm");
        c.setAttributes(attributes); // replaces every attribute: the image after it
        if (image != null) {
            c.setAttribute(LaunchAttributes.IMAGE_PATH, image);
        }
        return c;
    }

    /** What the built machine's vCPUs hold, one line per vCPU, and what the description says beside. */
    private static List<String> built(VmDescription d) throws Exception {
        VmBuilder.Built b = VmBuilder.build(d, 0);
        List<String> out = new ArrayList<>();
        out.add(d.el2() + " hcrAtBoot=0x" + Long.toHexString(d.hcrAtBoot()));
        for (Vcpu v : b.vm().vcpus()) {
            Cpu c = v.cpu();
            out.add(String.format("vCPU %d HCR_EL2=0x%x VPIDR_EL2=0x%x%s VMPIDR_EL2=0x%x%s", v.index(),
                    c.sysreg(SysRegAccess.HCR_EL2), c.sysreg(SysRegAccess.VPIDR_EL2),
                    v.vpidrDefaulted() ? " (default)" : "", c.sysreg(SysRegAccess.VMPIDR_EL2),
                    v.vmpidrDefaulted() ? " (default)" : ""));
        }
        return out;
    }

    /** {@code vel2 run ARGS...}'s VM, built. */
    private static List<String> cli(String... args) throws Exception {
        return built(Main.description(args));
    }

    private static List<String> ide(String image, Map<String, Object> attributes) throws Exception {
        return built(LaunchSettings.read(configuration(image, attributes)).config().vm());
    }

    @Test
    void withNothingSetBothTakeTheDescriptionsDefaults() throws Exception {
        String image = guest("hv-idle.elf");
        List<String> cli = cli(image);
        assertEquals(cli, ide(image, Map.of()));
        assertEquals(List.of("VIRTUAL hcrAtBoot=0x80000000",
                "vCPU 0 HCR_EL2=0x80000000 VPIDR_EL2=0x411fd070 (default) VMPIDR_EL2=0x80000000 (default)",
                "vCPU 1 HCR_EL2=0x80000000 VPIDR_EL2=0x411fd070 (default) VMPIDR_EL2=0x80000001 (default)"), cli,
                "RW only, the Cortex-A57's MIDR, Aff0 = index; two vCPUs as the image's vel2_vcpus asks");
    }

    @Test
    void oneValueForSeveralVcpus() throws Exception {
        String image = guest("hv-idle.elf");
        List<String> cli = cli("--vcpus", "3", "--hcr", "TWI,TID3,TVM", "--vpidr", "0x410fd034", "--vmpidr",
                "0x81000100", image);
        assertEquals(cli, ide(image, Map.of(LaunchAttributes.VCPU_COUNT, 3, LaunchAttributes.HCR_EL2, "0x04042000",
                LaunchAttributes.VPIDR_EL2, "0x410fd034", LaunchAttributes.VMPIDR_EL2, "0x81000100")));
        assertEquals("vCPU 2 HCR_EL2=0x84042000 VPIDR_EL2=0x410fd034 VMPIDR_EL2=0x81000102", cli.get(3),
                "RW added; VPIDR_EL2 shared; VMPIDR_EL2 with Aff0 = vCPU index");
    }

    @Test
    void oneValuePerVcpu() throws Exception {
        String image = guest("hv-mmu.elf");
        List<String> cli = cli("--vpidr", "0x410fd034,0x410fd083", "--vmpidr", "0x80000007,0x80000100", image);
        assertEquals(cli, ide(image, Map.of(LaunchAttributes.VPIDR_EL2, "0x410fd034, 0x410fd083",
                LaunchAttributes.VMPIDR_EL2, "0x80000007,0x8000_0100")));
        assertEquals("vCPU 1 HCR_EL2=0x80000000 VPIDR_EL2=0x410fd083 VMPIDR_EL2=0x80000100", cli.get(2));
    }

    @Test
    void underTheGuestsEl2HcrIsTheResetValueUnlessGivenAndNoRwIsAdded() throws Exception {
        String image = guest("hv-probe.elf");
        List<String> reset = cli("--el2", "guest", image);
        assertEquals(reset, ide(image, Map.of(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.GUEST.id())));
        assertEquals(SysRegs.get("HCR_EL2").reset(), Long.decode(reset.get(1).replaceAll(".*HCR_EL2=(\\S+).*", "$1")));
        List<String> given = cli("--el2", "guest", "--hcr", "0x8000001", "--vpidr", "0x4151cafe", image);
        assertEquals(given, ide(image, Map.of(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.GUEST.id(),
                LaunchAttributes.HCR_EL2, "0x8000001", LaunchAttributes.VPIDR_EL2, "0x4151cafe")));
        assertTrue(given.get(1).startsWith("vCPU 0 HCR_EL2=0x8000001 VPIDR_EL2=0x4151cafe "), given.toString());
    }

    @Test
    void aLinuxBootIsTheSameVmWithTheSameTree() throws Exception {
        String kernel = guest("kernel/kernel-boot.Image");
        String initrd = guest("kernel/kernel-boot.S");
        VmDescription cli = Main.description("--el2", "guest", "--vcpus", "2", "--mem", "64", "--kernel", kernel,
                "--initrd", initrd, "--append", "console=ttyAMA0 vel2");
        VmDescription ide = LaunchSettings.read(configuration(null, Map.of(LaunchAttributes.EL2_MODE,
                LaunchAttributes.El2Mode.GUEST.id(), LaunchAttributes.VCPU_COUNT, 2, LaunchAttributes.MEMORY_MIB, 64,
                LaunchAttributes.KERNEL_PATH, kernel, LaunchAttributes.INITRD_PATH, initrd,
                LaunchAttributes.COMMAND_LINE, "console=ttyAMA0 vel2"))).config().vm();
        assertEquals(cli, ide);
        assertEquals(built(cli), built(ide));
        VmBuilder.Built fromCli = VmBuilder.build(cli, 0);
        assertArrayEquals(fromCli.linux().dtb(), VmBuilder.build(ide, 0).linux().dtb());
        assertEquals(fromCli.linux().layout().dtb(), fromCli.machine().cpu(0).x(0));
    }

    /**
     * {@code --gic 3} and the launch attribute give the same GICv3 board: the same description and tree (QEMU's
     * {@code arm,gic-v3} intc), and vCPUs whose ID_AA64PFR0_EL1.GIC says they have the system-register interface;
     * both refuse another version with one line.
     */
    @Test
    void aGicv3BoardIsTheSameVmWithTheSameTree() throws Exception {
        String kernel = guest("kernel/kernel-boot.Image");
        VmDescription cli = Main.description("--el2", "guest", "--vcpus", "2", "--gic", "3", "--kernel", kernel);
        VmDescription ide = LaunchSettings.read(configuration(null, Map.of(LaunchAttributes.EL2_MODE,
                LaunchAttributes.El2Mode.GUEST.id(), LaunchAttributes.VCPU_COUNT, 2, LaunchAttributes.GIC_VERSION, 3,
                LaunchAttributes.KERNEL_PATH, kernel))).config().vm();
        assertEquals(cli, ide);
        assertEquals(GicVersion.V3, cli.gic());
        VmBuilder.Built b = VmBuilder.build(cli, 0);
        assertArrayEquals(b.linux().dtb(), VmBuilder.build(ide, 0).linux().dtb());
        FdtNode intc = Fdt.read(b.linux().dtb()).find("/intc@8000000").orElseThrow();
        assertEquals("arm,gic-v3", intc.stringOf("compatible").orElseThrow());
        SysReg pfr0 = SysRegs.get("ID_AA64PFR0_EL1");
        for (int i = 0; i < 2; i++) {
            assertEquals(1, pfr0.field("GIC").get(b.machine().cpu(i).sysreg(pfr0)), "vCPU " + i);
        }
        assertEquals(0, pfr0.field("GIC").get(VmBuilder.build(cli.withGic(GicVersion.V2), 0).machine().cpu(0)
                .sysreg(pfr0)), "GICv2: no system-register interface");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[] { "run", "--gic", "4", "--kernel", kernel }, new ByteArrayOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("vel2: --gic takes 2 or 3, not 4\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(Optional.of("GIC version must be 2 or 3, not 4"), LaunchAttributes.validate(configuration(null,
                Map.of(LaunchAttributes.KERNEL_PATH, kernel, LaunchAttributes.GIC_VERSION, 4))));
    }

    /**
     * A hypervisor with its guests (Xen's options: {@code --el2 guest --kernel XEN --append ... --guest-loader ...}):
     * the same description, the same {@code /chosen/module@} nodes in the same tree; a bad module gets the same words.
     */
    @Test
    void aHypervisorWithGuestLoaderModulesIsTheSameVmWithTheSameTree() throws Exception {
        String xen = guest("kernel/kernel-boot.Image");
        String dom0 = guest("kernel/kernel-boot.elf");
        String initrd = guest("kernel/kernel-boot.S");
        List<String> modules = List.of("addr=0x42000000,kernel=" + dom0 + ",bootargs=console=hvc0,,x earlycon=xenboot",
                "addr=0x43000000,initrd=" + initrd);
        VmDescription cli = Main.description("--el2", "guest", "--vcpus", "2", "--kernel", xen, "--append",
                "dom0_mem=32M", "--guest-loader", modules.get(0), "--guest-loader", modules.get(1));
        Map<String, Object> xenLaunch = Map.of(LaunchAttributes.EL2_MODE, LaunchAttributes.El2Mode.GUEST.id(),
                LaunchAttributes.VCPU_COUNT, 2, LaunchAttributes.KERNEL_PATH, xen, LaunchAttributes.COMMAND_LINE,
                "dom0_mem=32M", LaunchAttributes.GUEST_LOADER, modules);
        VmDescription ide = LaunchSettings.read(configuration(null, xenLaunch)).config().vm();
        assertEquals(cli, ide);
        assertEquals(List.of(0x42000000L, 0x43000000L),
                ((GuestImage.Linux) ide.image()).modules().stream().map(GuestModule::address).toList());
        assertEquals(Optional.of("console=hvc0,x earlycon=xenboot"),
                ((GuestImage.Linux) ide.image()).modules().get(0).bootargs(),
                "',,' is a comma, as on the command line");
        byte[] tree = VmBuilder.build(cli, 0).linux().dtb();
        assertArrayEquals(tree, VmBuilder.build(ide, 0).linux().dtb());
        assertTrue(new String(tree, StandardCharsets.ISO_8859_1).contains("multiboot,kernel"), "a module node");

        String[][] bad = { { "addr=0x42000000,kernel=" + dom0 + ",initrd=" + initrd },
            { "addr=0x42000000,initrd=" + initrd + ",bootargs=x" }, { "kernel=" + dom0 },
            { "addr=0x4200zz00,kernel=" + dom0 }, { "addr=0x40200000,kernel=" + dom0 },
            { "addr=0x42000000,kernel=" + dom0, "addr=0x42000100,initrd=" + initrd },
            { "addr=0x42000000,kernel=" + Path.of(xen).resolveSibling("no-such-file") } };
        for (String[] b : bad) {
            List<String> args = new ArrayList<>(List.of("run", "--el2", "guest", "--kernel", xen));
            for (String m : b) {
                args.addAll(List.of("--guest-loader", m));
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, Main.run(args.toArray(String[]::new), new ByteArrayOutputStream(),
                    new PrintStream(err, true, StandardCharsets.UTF_8)), args.toString());
            Optional<String> problem = LaunchAttributes.validate(configuration(null, Map.of(LaunchAttributes.EL2_MODE,
                    LaunchAttributes.El2Mode.GUEST.id(), LaunchAttributes.KERNEL_PATH, xen,
                    LaunchAttributes.GUEST_LOADER, List.of(b))));
            assertTrue(problem.isPresent(), args.toString());
            assertEquals(err.toString(StandardCharsets.UTF_8), "vel2: " + problem.get() + "\n");
        }
        assertEquals(Optional.of("A guest-loader module needs a Linux kernel"),
                LaunchAttributes.validate(configuration(guest("hv-idle.elf"),
                        Map.of(LaunchAttributes.GUEST_LOADER, List.of(modules.get(1))))));
    }

    /**
     * Every bad file and placement of a Linux boot: {@code vel2 run}'s stderr line and the launch configuration's
     * problem are the same words, from the same check.
     */
    @Test
    void bothReportABadLinuxBootInTheSameWords(@TempDir Path dir) throws Exception {
        String kernel = guest("kernel/kernel-boot.Image");
        String missing = dir.resolve("missing").toString();
        String zeros = Files.write(dir.resolve("zeros.dtb"), new byte[64]).toString();
        String big = Files.write(dir.resolve("big"), new byte[3 << 20]).toString();
        byte[] image = Files.readAllBytes(Path.of(kernel));
        image[0x0b] = 0x30; // text_offset 0x30000000: past the end of RAM
        String far = Files.write(dir.resolve("far"), image).toString();
        image[0x0d] = 0x01; // text_offset 0x100_3000_0000: beyond any 2 MiB block of RAM
        String bad = Files.write(dir.resolve("bad"), image).toString();
        String[][] cases = { { missing }, { kernel, "--initrd", missing }, { kernel, "--dtb", missing },
            { kernel, "--dtb", zeros }, { far }, { bad }, { big, "--mem", "2" }, { kernel, "--initrd", big, "--mem",
                "4" }, { kernel, "--mem", "3" } };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("run", "--kernel"));
            args.addAll(List.of(c));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, Main.run(args.toArray(String[]::new), new ByteArrayOutputStream(),
                    new PrintStream(err, true, StandardCharsets.UTF_8)), args.toString());
            Map<String, Object> attributes = new HashMap<>(Map.of(LaunchAttributes.KERNEL_PATH, c[0]));
            for (int i = 1; i < c.length; i += 2) {
                attributes.put(switch (c[i]) {
                    case "--initrd" -> LaunchAttributes.INITRD_PATH;
                    case "--dtb" -> LaunchAttributes.DTB_PATH;
                    default -> LaunchAttributes.MEMORY_MIB;
                }, c[i].equals("--mem") ? (Object) Integer.valueOf(c[i + 1]) : c[i + 1]);
            }
            Optional<String> problem = LaunchAttributes.validate(configuration(null, attributes));
            assertTrue(problem.isPresent(), args.toString());
            assertEquals(err.toString(StandardCharsets.UTF_8), "vel2: " + problem.get() + "\n");
        }
    }

    @Test
    void bothRefuseValuesThatDoNotFitTheVcpus() throws Exception {
        String image = guest("hv-idle.elf");
        IllegalArgumentException cli = assertThrows(IllegalArgumentException.class,
                () -> cli("--vmpidr", "0x1,0x2,0x3", image));
        assertEquals("--vmpidr gives 3 values for 2 vCPUs (give one, or one per vCPU)", cli.getMessage());
        assertEquals(Optional.of("VMPIDR_EL2 gives 3 values for 2 vCPUs (give one, or one per vCPU)"),
                LaunchAttributes.validate(configuration(image, Map.of(LaunchAttributes.VCPU_COUNT, 2,
                        LaunchAttributes.VMPIDR_EL2, "0x1,0x2,0x3"))));
        ILaunchConfigurationWorkingCopy noCount = configuration(image,
                Map.of(LaunchAttributes.VMPIDR_EL2, "0x1,0x2,0x3"));
        CoreException ide = assertThrows(CoreException.class, () -> LaunchSettings.read(noCount));
        assertEquals("VMPIDR_EL2 gives 3 values for 2 vCPUs (give one, or one per vCPU)", ide.getStatus().getMessage(),
                "without a vCPU count: the image's");
    }
}
