// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.HashMap;
import java.util.Map;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The values a VM's trapped ID register reads return (HCR_EL2.TID1-TID3). A configured value wins; otherwise the
 * real value is sanitised as KVM's {@code ID_SANITISED} and Hafnium do: the features the guest cannot use are hidden,
 * as each ID row of the system register table says ({@link SysReg#sanitisedId}).
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
        return v != null ? v : reg.sanitisedId(real);
    }

    /** Looks a register up for configuration by name ({@code ID_AA64MMFR0_EL1}); null when unknown. */
    public static SysReg byName(String name) {
        return SysRegs.byName(name);
    }
}
