// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.model.IVariable;

import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.dwarf.FrameRegisters;
import dev.vel2.emulator.dwarf.Unwinder;
import dev.vel2.emulator.dwarf.Variable;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.hypervisor.session.Session;

/**
 * A frame's parameters and locals as the Variables view shows them, read-only: each from the bytes of its storage
 * (the frame's CFA plus DWARF's offset, or the register that holds it in the frame), printed as GDB prints it (integers in decimal, pointers in hex, floats, a
 * struct's members and an array's elements as children).
 */
final class FrameValues {
    /** An array shows at most this many elements. */
    private static final int ELEMENTS = 64;

    private FrameValues() {
    }

    /**
     * The variables of the frame {@code r} of {@code vcpu}, unwound by the call frame information (suspended), its
     * memory read in {@code regime} (null: the vCPU's current one).
     */
    static List<IVariable> read(Vel2DebugTarget target, Session s, int vcpu, FrameRegisters r,
            TranslationRegime regime) {
        DebugInfo debug = s.debugInfo();
        List<Variable> vs = debug == null ? List.of() : debug.variables(r.lookupPc());
        if (vs.isEmpty()) {
            return List.of();
        }
        FrameChain.Vcpu view = FrameChain.of(s.inspection(), vcpu);
        Unwinder.Memory memory = regime == null ? view::read : (address, size) -> view.read(address, size, regime);
        long cfa = debug.unwinder().unwind(r, memory).map(Unwinder.Unwound::cfa).orElse(-1L);
        List<IVariable> out = new ArrayList<>();
        for (Variable v : vs) {
            byte[] bytes = null;
            if (cfa != -1 && v.cfaOffset().isPresent() && v.type().size() > 0) {
                try {
                    bytes = s.inspection().readVirtual(vcpu, cfa + v.cfaOffset().getAsLong(), v.type().size(), regime);
                } catch (IllegalArgumentException unreadable) {
                    bytes = null; // shown as not available
                }
            } else if (v.register() >= 0 && r.register(v.register()).isPresent()) {
                bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(r.register(v.register()).getAsLong()).array();
            }
            out.add(of(target, v, bytes, "(not available)"));
        }
        return out;
    }

    /** {@code v} with {@code bytes} its storage; null bytes: not in the frame, or not readable. */
    static IVariable of(Vel2DebugTarget target, Variable v, byte[] bytes, String missing) {
        return bytes == null ? Vel2Variable.text(target, v.name(), typeName(v.type()), missing)
                : value(target, v.name(), v.type(), bytes, 0);
    }

    private static IVariable value(Vel2DebugTarget target, String name, Variable.Type t, byte[] b, int at) {
        String type = typeName(t);
        if (at < 0 || at + t.size() > b.length) {
            return Vel2Variable.text(target, name, type, "(outside its storage)");
        }
        return switch (t.kind()) {
            case STRUCT -> {
                List<IVariable> members = new ArrayList<>();
                for (Variable.Member m : t.members()) {
                    members.add(value(target, m.name(), m.type(), b, at + (int) m.offset()));
                }
                yield Vel2Variable.text(target, name, type, "{...}", members.toArray(new IVariable[0]));
            }
            case ARRAY -> {
                List<IVariable> elements = new ArrayList<>();
                long n = Math.min(t.count(), ELEMENTS);
                for (int i = 0; i < n && t.element().size() > 0; i++) {
                    elements.add(value(target, "[" + i + "]", t.element(), b, at + i * t.element().size()));
                }
                yield Vel2Variable.text(target, name, type, "[" + t.count() + "]", elements.toArray(new IVariable[0]));
            }
            default -> Vel2Variable.text(target, name, type, scalar(t, b, at));
        };
    }

    private static String scalar(Variable.Type t, byte[] b, int at) {
        int size = Math.min(t.size(), 8);
        long raw = 0;
        for (int i = size - 1; i >= 0; i--) {
            raw = raw << 8 | (b[at + i] & 0xff);
        }
        return switch (t.kind()) {
            case SIGNED -> Long.toString(size == 0 ? 0 : raw << (64 - 8 * size) >> (64 - 8 * size));
            case UNSIGNED -> Long.toUnsignedString(raw);
            case BOOLEAN -> raw != 0 ? "true" : "false";
            case POINTER -> "0x" + Long.toHexString(raw);
            case FLOAT -> size == 4 ? Float.toString(Float.intBitsToFloat((int) raw))
                    : size == 8 ? Double.toString(Double.longBitsToDouble(raw)) : "0x" + Long.toHexString(raw);
            default -> "0x" + Long.toHexString(raw);
        };
    }

    private static String typeName(Variable.Type t) {
        return t.name() == null ? "" : t.name();
    }
}
