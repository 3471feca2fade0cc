// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import dev.vel2.emulator.sysreg.SysReg;

/** System instructions (TLBI, DC, IC, AT) performed when permitted. */
final class SystemOperations {
    private SystemOperations() {
    }

    static void perform(Cpu c, SysReg r, long arg) {
        String n = r.name();
        if (n.startsWith("TLBI_") || n.startsWith("IC_")) {
            // No TLB is modelled beyond the decode cache; translation is re-walked on every access.
            c.invalidateDecodeCache();
        }
        // DC by VA/set-way: caches are not modelled, so clean/invalidate have no visible effect.
    }
}
