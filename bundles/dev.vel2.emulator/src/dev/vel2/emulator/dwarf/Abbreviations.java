// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One abbreviation table of {@code .debug_abbrev} (DWARF 5 section 7.5.3): for each code, the tag, whether the entry
 * has children and its attribute specifications. Codes are usually 1..n in order, so they are kept in an array.
 */
final class Abbreviations {

    /** An abbreviation: attributes {@code names[i]} of {@code forms[i]} ({@code constants[i]}: implicit_const's). */
    record Abbrev(int tag, boolean children, int[] names, Form[] forms, long[] constants) {
    }

    private final Abbrev[] dense;
    private final Map<Integer, Abbrev> sparse;

    private Abbreviations(Abbrev[] dense, Map<Integer, Abbrev> sparse) {
        this.dense = dense;
        this.sparse = sparse;
    }

    /** The table at {@code offset}; malformed entries or forms throw. */
    static Abbreviations read(ByteBuffer section, long offset) {
        DwarfCursor c = DwarfCursor.at(section, ".debug_abbrev", offset);
        Map<Integer, Abbrev> byCode = new HashMap<>();
        int maxCode = 0;
        while (true) {
            int code = c.ulebInt();
            if (code == 0) {
                break;
            }
            int tag = c.ulebInt();
            boolean children = c.u8() != 0;
            int n = 0;
            int[] names = new int[8];
            Form[] forms = new Form[8];
            long[] constants = new long[8];
            while (true) {
                int name = c.ulebInt();
                long formCode = c.uleb();
                if (name == 0 && formCode == 0) {
                    break;
                }
                Form form = Form.of(formCode);
                if (form == null) {
                    throw c.bad("abbreviation " + code + " has unknown form 0x" + Long.toHexString(formCode));
                }
                if (n == names.length) {
                    names = java.util.Arrays.copyOf(names, n * 2);
                    forms = java.util.Arrays.copyOf(forms, n * 2);
                    constants = java.util.Arrays.copyOf(constants, n * 2);
                }
                names[n] = name;
                forms[n] = form;
                constants[n] = form == Form.IMPLICIT_CONST ? c.sleb() : 0;
                n++;
            }
            byCode.put(code, new Abbrev(tag, children, java.util.Arrays.copyOf(names, n),
                    java.util.Arrays.copyOf(forms, n), java.util.Arrays.copyOf(constants, n)));
            maxCode = Math.max(maxCode, code);
        }
        if (maxCode <= 4 * byCode.size() + 16) {
            Abbrev[] dense = new Abbrev[maxCode + 1];
            byCode.forEach((k, v) -> dense[k] = v);
            return new Abbreviations(dense, null);
        }
        return new Abbreviations(null, byCode);
    }

    /** The abbreviation of {@code code}, or null. */
    Abbrev get(int code) {
        if (dense != null) {
            return code >= 0 && code < dense.length ? dense[code] : null;
        }
        return sparse.get(code);
    }
}
