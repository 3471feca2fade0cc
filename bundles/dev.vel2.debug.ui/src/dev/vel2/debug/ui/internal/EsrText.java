// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.internal;

import java.util.ArrayList;
import java.util.List;

import dev.vel2.emulator.cpu.Esr;
import dev.vel2.emulator.cpu.ExceptionClass;
import dev.vel2.hypervisor.TrapEvent;

/** ESR_EL2 of a trap in words: one line per part (EC, IL, ISS and what the ISS says for the trap's class). */
public final class EsrText {

    private EsrText() {
    }

    public static List<String[]> decode(TrapEvent e) {
        List<String[]> rows = new ArrayList<>();
        int esr = e.esr();
        ExceptionClass ec = ExceptionClass.of(Esr.ec(esr));
        rows.add(new String[] { "ESR_EL2", String.format("0x%08x", esr), e.summary() });
        rows.add(new String[] { "EC [31:26]", String.format("0x%02x", Esr.ec(esr)),
                ec == null ? "not produced by this PE" : ec.description });
        rows.add(new String[] { "IL [25]", Integer.toString((esr >>> 25) & 1),
                ((esr >>> 25) & 1) == 1 ? "32-bit instruction" : "16-bit instruction" });
        rows.add(new String[] { "ISS [24:0]", String.format("0x%07x", Esr.iss(esr)), issMeaning(e) });
        return rows;
    }

    private static String issMeaning(TrapEvent e) {
        if (e.sysreg() != null) {
            return e.sysreg().instruction() + (e.sysreg().read() ? " (read)" : " (write)");
        }
        if (e.imm() >= 0) {
            return "immediate #0x" + Integer.toHexString(e.imm());
        }
        return switch (e.trapClass()) {
            case WFI -> "TI = 0: WFI";
            case WFE -> "TI = 1: WFE";
            default -> "";
        };
    }
}
