// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.boot;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.vel2.emulator.fdt.FdtException;
import dev.vel2.emulator.fdt.FdtNode;

/**
 * A hypervisor's guest image loaded as QEMU 7.2's {@code -device guest-loader} loads it
 * ({@code hw/core/guest-loader.c}): the file copied to {@code address}, and a {@code /chosen/module@0xADDR} node (Xen's and the multiboot binding's
 * "Multiboot Modules") telling the hypervisor what it is: its dom0 kernel with the kernel's command line, or its
 * initial RAM disk.
 *
 * @param address  where the file goes (guest physical)
 * @param kind     a kernel or a RAM disk
 * @param file     the file, read when the VM is built
 * @param bootargs the kernel's command line (a kernel only), or empty
 */
public record GuestModule(long address, Kind kind, Path file, Optional<String> bootargs) {

    /** What the module is, with the compatible strings QEMU gives its node, in QEMU's order. */
    public enum Kind {
        KERNEL("kernel"), RAMDISK("initrd");

        /** The option naming the file: {@code kernel=} or {@code initrd=}. */
        public final String option;

        Kind(String option) {
            this.option = option;
        }

        String[] compatible() {
            return new String[] { "multiboot,module", this == KERNEL ? "multiboot,kernel" : "multiboot,ramdisk" };
        }
    }

    public GuestModule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bootargs, "bootargs");
        if (address == 0) {
            throw new IllegalArgumentException("a guest-loader module needs addr=");
        }
        if (bootargs.isPresent() && kind != Kind.KERNEL) {
            throw new IllegalArgumentException("bootargs= is for a kernel module, not an initrd");
        }
    }

    /**
     * QEMU's property syntax, {@code addr=ADDR,kernel=FILE[,bootargs=ARGS]} or {@code addr=ADDR,initrd=FILE}: ",,"
     * stands for a comma inside a value, ADDR is decimal or 0x hex.
     *
     * @throws IllegalArgumentException with a one-line message naming what is wrong
     */
    public static GuestModule parse(String spec) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String property : split(spec)) {
            int eq = property.indexOf('=');
            String key = eq < 0 ? property : property.substring(0, eq);
            if (eq < 0 || !List.of("addr", "kernel", "initrd", "bootargs").contains(key)) {
                throw new IllegalArgumentException("guest-loader takes addr=, kernel=, initrd=, bootargs=, not "
                        + property);
            }
            if (p.put(key, property.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("guest-loader: " + key + "= given twice");
            }
        }
        if (p.containsKey("kernel") == p.containsKey("initrd")) {
            throw new IllegalArgumentException("guest-loader needs one of kernel=FILE or initrd=FILE");
        }
        Kind kind = p.containsKey("kernel") ? Kind.KERNEL : Kind.RAMDISK;
        try {
            return new GuestModule(address(p.get("addr")), kind, Path.of(p.get(kind.option)),
                    Optional.ofNullable(p.get("bootargs")));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a path: " + e.getInput());
        }
    }

    /** The module in {@link #parse}'s syntax, commas in values doubled: {@code parse(m.spec())} equals {@code m}. */
    public String spec() {
        return spec("0x" + Long.toHexString(address), kind, file.toString(), bootargs);
    }

    /** {@link #parse}'s syntax for the values as a user typed them (a launch tab's fields), commas doubled. */
    public static String spec(String addr, Kind kind, String file, Optional<String> bootargs) {
        return "addr=" + addr + "," + kind.option + "=" + file.replace(",", ",,")
                + bootargs.map(a -> ",bootargs=" + a.replace(",", ",,")).orElse("");
    }

    /** QEMU's option splitting: a comma ends a property, two commas are one comma inside it. */
    private static List<String> split(String spec) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == ',' && i + 1 < spec.length() && spec.charAt(i + 1) == ',') {
                b.append(',');
                i++;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    private static long address(String v) {
        if (v == null) {
            throw new IllegalArgumentException("a guest-loader module needs addr=");
        }
        try {
            return v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16)
                    : Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("guest-loader: addr=" + v + " is not a number");
        }
    }

    /** The bytes the module takes from {@link #address}, as {@link BootLayout.Region} named as in messages. */
    public BootLayout.Region region(long size) {
        return new BootLayout.Region(kind.option + " module " + file, address, address + size);
    }

    /**
     * Adds the modules' nodes to {@code /chosen} as QEMU's {@code loader_insert_platform_data} does: libfdt puts each
     * new node and property before its siblings, so the last module and a node's last property come first; {@code reg}
     * in the root's cells.
     *
     * @param sizes each module's size in bytes, in the order of {@code modules}
     * @throws FdtException when {@code /chosen} has a module's node already (a tree dumped with the modules), or
     *                      the root's cells cannot hold a {@code reg}
     */
    public static void choose(FdtNode root, List<GuestModule> modules, List<Long> sizes) throws FdtException {
        if (modules.isEmpty()) {
            return;
        }
        FdtNode chosen = root.childOrAdd("chosen");
        for (int i = modules.size() - 1; i >= 0; i--) {
            GuestModule m = modules.get(i);
            String name = String.format("module@0x%08x", m.address());
            if (chosen.child(name).isPresent()) { // QEMU fails the same way: libfdt will not add it twice
                throw new FdtException("/chosen already has a " + name + " node");
            }
            FdtNode node = chosen.add(name);
            m.bootargs().ifPresent(a -> node.strings("bootargs", a));
            node.strings("compatible", m.kind().compatible()).cells("reg",
                    VirtDeviceTree.reg(root, m.address(), sizes.get(i)));
        }
    }
}
