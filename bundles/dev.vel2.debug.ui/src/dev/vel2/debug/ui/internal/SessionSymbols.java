// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.internal;

import java.util.Map;
import java.util.WeakHashMap;

import dev.vel2.emulator.a64.Asm;
import dev.vel2.emulator.a64.DisasmSymbols;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionConfig;

/** The guest image's symbols of a session ({@code el1_main+0x24}), read once from its ELF file; none for raw images. */
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
        try {
            return switch (s.config().image()) {
                case SessionConfig.ElfFile f -> new DisasmSymbols(ElfImage.read(f.path()));
                case SessionConfig.Elf e -> new DisasmSymbols(e.image());
                case SessionConfig.Raw r -> Asm.Symbols.NONE;
            };
        } catch (ImageException e) {
            return Asm.Symbols.NONE;
        }
    }

    /** {@code symbol+0xoff}, or empty. */
    public static String label(Session s, long address) {
        String l = of(s).label(address);
        return l == null ? "" : l;
    }
}
