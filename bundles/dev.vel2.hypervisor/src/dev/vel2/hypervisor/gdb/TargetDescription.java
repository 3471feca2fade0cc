// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;

/**
 * The target description GDB reads ({@code qXfer:features:read:target.xml}, GDB manual "Target Descriptions"), made
 * from the system register table: GDB's {@code org.gnu.gdb.aarch64.core} (x0-x30, sp, pc, cpsr = 33) and
 * {@code org.gnu.gdb.aarch64.fpu} (v0-v31, fpsr, fpcr) in GDB's numbering, then vel2's feature: every register of the
 * table that is no system instruction (group {@code system}), the virtual EL2's shadow copies (group {@code shadow})
 * and the identification EL1 reads (group {@code guest}). A register with fields is of a {@code <flags>} type with
 * the table's fields (RES0/RES1 left out), so that GDB prints {@code $hcr_el2} as {@code [ TWI TID3 TVM RW ]}.
 */
final class TargetDescription {
    static final String CORE = "org.gnu.gdb.aarch64.core";
    static final String FPU = "org.gnu.gdb.aarch64.fpu";
    static final String VEL2 = "dev.vel2.aarch64.system";
    /** The registers of the {@code g} packet: the core feature's, as QEMU's stub sends them. */
    static final int G_PACKET = 34;

    private final List<GdbRegister> registers = new ArrayList<>();
    private final StringBuilder xml = new StringBuilder();
    private final Set<String> types = new HashSet<>();

    private TargetDescription() {
    }

    /** The description of a vCPU with the registers of {@code table}. */
    static TargetDescription of(SysRegTable table) {
        TargetDescription d = new TargetDescription();
        d.xml.append("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n")
                .append("  <architecture>aarch64</architecture>\n");
        d.core(table);
        d.fpu(table);
        d.system(table);
        d.xml.append("</target>\n");
        return d;
    }

    /** In protocol order: a register's number is its index. */
    List<GdbRegister> registers() {
        return List.copyOf(registers);
    }

    String xml() {
        return xml.toString();
    }

    private void core(SysRegTable table) {
        xml.append("  <feature name=\"").append(CORE).append("\">\n");
        String cpsr = flags(table.get("SPSR_EL1"), "cpsr_flags", 32);
        for (int n = 0; n <= 30; n++) {
            reg(new GdbRegister.General(n), "int", null);
        }
        reg(new GdbRegister.StackPointer(), "data_ptr", null);
        reg(new GdbRegister.ProgramCounter(), "code_ptr", null);
        reg(new GdbRegister.Pstate(), cpsr, null);
        xml.append("  </feature>\n");
    }

    /** GDB's own aarch64-fpu.xml, with fpsr and fpcr of the table's fields. */
    private void fpu(SysRegTable table) {
        xml.append("  <feature name=\"").append(FPU).append("\">\n");
        for (String[] v : new String[][] { { "v2d", "ieee_double", "2" }, { "v2u", "uint64", "2" },
            { "v2i", "int64", "2" }, { "v4f", "ieee_single", "4" }, { "v4u", "uint32", "4" }, { "v4i", "int32", "4" },
            { "v8u", "uint16", "8" }, { "v8i", "int16", "8" }, { "v16u", "uint8", "16" }, { "v16i", "int8", "16" },
            { "v1u", "uint128", "1" }, { "v1i", "int128", "1" } }) {
            xml.append("    <vector id=\"").append(v[0]).append("\" type=\"").append(v[1]).append("\" count=\"")
                    .append(v[2]).append("\"/>\n");
        }
        union("vnd", Map.of("f", "v2d", "u", "v2u", "s", "v2i"), "f", "u", "s");
        union("vns", Map.of("f", "v4f", "u", "v4u", "s", "v4i"), "f", "u", "s");
        union("vnh", Map.of("u", "v8u", "s", "v8i"), "u", "s");
        union("vnb", Map.of("u", "v16u", "s", "v16i"), "u", "s");
        union("vnq", Map.of("u", "v1u", "s", "v1i"), "u", "s");
        union("aarch64v", Map.of("d", "vnd", "s", "vns", "h", "vnh", "b", "vnb", "q", "vnq"), "d", "s", "h", "b",
                "q");
        for (int n = 0; n <= 31; n++) {
            reg(new GdbRegister.Vector(n), "aarch64v", null);
        }
        for (String name : new String[] { "FPSR", "FPCR" }) {
            SysReg r = table.get(name);
            reg(new GdbRegister.SystemRegister(r, 32), flags(r, r.asmName() + "_flags", 32), null);
        }
        xml.append("  </feature>\n");
    }

    private void union(String id, Map<String, String> types, String... fields) {
        xml.append("    <union id=\"").append(id).append("\">\n");
        for (String f : fields) {
            xml.append("      <field name=\"").append(f).append("\" type=\"").append(types.get(f)).append("\"/>\n");
        }
        xml.append("    </union>\n");
    }

    private void system(SysRegTable table) {
        xml.append("  <feature name=\"").append(VEL2).append("\">\n");
        List<SysReg> shown = new ArrayList<>();
        for (SysReg r : table.all()) {
            if (!r.policy().operation() && !r.name().equals("FPSR") && !r.name().equals("FPCR")) {
                shown.add(r);
            }
        }
        for (SysReg r : shown) {
            reg(new GdbRegister.SystemRegister(r, 64), type(r), "system");
        }
        for (SysReg r : table.shadowed()) {
            reg(new GdbRegister.Shadow(r), type(r), "shadow");
        }
        for (SysReg r : shown) {
            SysReg virtual = table.virtualizedBy(r);
            if (virtual != null) {
                reg(new GdbRegister.GuestView(r, virtual), type(r), "guest");
            }
        }
        xml.append("  </feature>\n");
    }

    /** A register's type: {@code <flags>} of its fields, or {@code uint64} for one value over all 64 bits. */
    private String type(SysReg r) {
        return flags(r, r.asmName() + "_flags", 64);
    }

    /**
     * Writes a {@code <flags>} type of {@code r}'s fields below bit {@code bits}, named {@code id}, once; returns the
     * type to use: {@code id}, or {@code uint64}/{@code int} when the register has no field of its own.
     */
    private String flags(SysReg r, String id, int bits) {
        List<Field> fields = r.fields().stream().filter(f -> !f.reserved() && f.msb() < bits).toList();
        if (fields.isEmpty() || fields.size() == 1 && fields.get(0).width() == bits) {
            return bits == 64 ? "uint64" : "int";
        }
        if (types.add(id)) {
            xml.append("    <flags id=\"").append(id).append("\" size=\"").append(bits / 8).append("\">\n");
            for (Field f : fields.reversed()) {
                xml.append("      <field name=\"").append(escape(f.name())).append("\" start=\"").append(f.lsb())
                        .append("\" end=\"").append(f.msb()).append("\"/>\n");
            }
            xml.append("    </flags>\n");
        }
        return id;
    }

    private void reg(GdbRegister r, String type, String group) {
        xml.append("    <reg name=\"").append(escape(r.name())).append("\" bitsize=\"").append(r.bits())
                .append("\" type=\"").append(type).append("\" regnum=\"").append(registers.size()).append('"');
        if (group != null) {
            xml.append(" group=\"").append(group).append('"');
        }
        xml.append("/>\n");
        registers.add(r);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
