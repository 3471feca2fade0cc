// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The values a VM's trapped ID register reads return (HCR_EL2.TID1-TID3). A configured value wins; otherwise the
 * real value is sanitised as KVM's {@code ID_SANITISED} and Hafnium do: features the guest cannot use are hidden.
 * Documented masks: ID_AA64PFR0_EL1.EL2 and .EL3 read as 0 (no nested virtualization, no EL3), .EL0 and .EL1 read as
 * 1 (AArch64 only: vel2 runs no AArch32), .SVE/.AMU/.MPAM/.SEL2 as 0; ID_AA64DFR0_EL1.PMUVer as 0 (no PMU is
 * emulated). Every other register passes its real value through.
 */
public final class VirtualIdRegisters {
    private final Map<SysReg, Long> configured = new HashMap<>();

    public void set(SysReg reg, long value) {
        configured.put(reg, value);
    }

    public void clear(SysReg reg) {
        configured.remove(reg);
    }

    public boolean isConfigured(SysReg reg) {
        return configured.containsKey(reg);
    }

    public Map<SysReg, Long> configured() {
        return Map.copyOf(configured);
    }

    /** What a trapped read of {@code reg} returns, given the register's real value. */
    public long value(SysReg reg, long real) {
        Long v = configured.get(reg);
        return v != null ? v : sanitise(reg, real);
    }

    static long sanitise(SysReg reg, long real) {
        long v = real;
        switch (reg.name()) {
            case "ID_AA64PFR0_EL1" -> {
                v = put(reg, v, "EL3", 0);
                v = put(reg, v, "EL2", 0);
                v = put(reg, v, "EL1", 1);
                v = put(reg, v, "EL0", 1);
                v = put(reg, v, "SVE", 0);
                v = put(reg, v, "AMU", 0);
                v = put(reg, v, "MPAM", 0);
                v = put(reg, v, "SEL2", 0);
            }
            case "ID_AA64DFR0_EL1" -> v = put(reg, v, "PMUVer", 0);
            default -> { }
        }
        return v;
    }

    private static long put(SysReg reg, long v, String field, long value) {
        for (Field f : reg.fields()) {
            if (f.name().equals(field)) {
                return f.set(v, value);
            }
        }
        return v;
    }

    /** Looks a register up for configuration by name ({@code ID_AA64MMFR0_EL1}); null when unknown. */
    public static SysReg byName(String name) {
        return SysRegs.byName(name);
    }
}
