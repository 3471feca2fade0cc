// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The options of {@code vel2 run}; their names are an interface users script against, so they do not change.
 * Register names and HCR_EL2 field names come from the system register table.
 */
record Options(boolean guestEl2, Long hcr, Long vpidr, Long vmpidr, Map<SysReg, Long> ids, int vcpus, int memMiB,
        long maxInsns, String trapLog, String regsOut, boolean debug, String image) {

    static final long DEFAULT_MAX_INSNS = 5_000_000_000L;

    static final String USAGE = """
            usage: vel2 run [options] IMAGE     run an AArch64 ELF on the virt board; stdout is the guest's UART
                   vel2 disasm IMAGE            list the image's executable sections
            options:
              --el2 virtual|guest   who is at EL2: the Java hypervisor (default) or the image's own EL2 code
              --hcr NAME,NAME|0xHEX initial HCR_EL2 (field names such as RW,TWI,TID3)
              --vpidr 0xHEX         initial VPIDR_EL2        --vmpidr 0xHEX   initial VMPIDR_EL2
              --id NAME=0xHEX       value of an ID register (repeatable), e.g. ID_AA64PFR0_EL1=0x11
              --vcpus N             1..8 vCPUs (default 1)   --mem MiB        RAM size (default 128)
              --max-insns N         instruction budget (default 5000000000)
              --trap-log FILE|-     one JSON object per trap to EL2 (- is stderr)
              --regs-out FILE       final registers as JSON
              --debug               stack traces for internal errors
            exit: 0 SYSTEM_OFF, 2 bad arguments or image, 3 instruction limit, 4 SYSTEM_RESET,
                  5 every vCPU off, 1 internal error""";

    static Options parse(String[] args) throws UsageException {
        boolean guest = false;
        Long hcr = null;
        Long vpidr = null;
        Long vmpidr = null;
        Map<SysReg, Long> ids = new LinkedHashMap<>();
        int vcpus = 1;
        int mem = Machine.DEFAULT_MEMORY_MIB;
        long max = DEFAULT_MAX_INSNS;
        String trapLog = null;
        String regsOut = null;
        boolean debug = false;
        String image = null;
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
                case "--vpidr" -> vpidr = hex(a, v);
                case "--vmpidr" -> vmpidr = hex(a, v);
                case "--id" -> id(v, ids);
                case "--vcpus" -> vcpus = (int) number(a, v, 1, Machine.MAX_CPUS);
                case "--mem" -> mem = (int) number(a, v, 1, 2047);
                case "--max-insns" -> max = number(a, v, 1, Long.MAX_VALUE);
                case "--trap-log" -> trapLog = v;
                case "--regs-out" -> regsOut = v;
                default -> throw new UsageException("unknown option " + a);
            }
        }
        if (image == null) {
            throw new UsageException("no image given");
        }
        return new Options(guest, hcr, vpidr, vmpidr, Map.copyOf(ids), vcpus, mem, max, trapLog, regsOut, debug,
                image);
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
        ids.put(r, hex("--id", v.substring(eq + 1)));
    }
}
