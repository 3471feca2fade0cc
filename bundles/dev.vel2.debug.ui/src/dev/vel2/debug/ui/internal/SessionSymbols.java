// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.internal;

import java.util.Map;
import java.util.WeakHashMap;

import dev.vel2.emulator.a64.Asm;
import dev.vel2.emulator.a64.DisasmSymbols;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.hypervisor.session.Session;

/** The guest image's symbols of a session ({@code el1_main+0x24}), from its ELF; none for raw images. */
public final class SessionSymbols {

    private static final Map<Session, Asm.Symbols> CACHE = new WeakHashMap<>();

    private SessionSymbols() {
    }

    public static synchronized Asm.Symbols of(Session s) {
        return CACHE.computeIfAbsent(s, SessionSymbols::read);
    }

    private static Asm.Symbols read(Session s) {
        if (s == null) {
            return Asm.Symbols.NONE; // a recorder fed without a machine
        }
        ElfImage elf = s.elf();
        return elf == null ? Asm.Symbols.NONE : new DisasmSymbols(elf);
    }

    /** {@code symbol+0xoff}, or empty. */
    public static String label(Session s, long address) {
        String l = of(s).label(address);
        return l == null ? "" : l;
    }
}
