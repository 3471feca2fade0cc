// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instruction and data lines of an {@code objdump -d} listing: {@code "    40080000:\td503201f \tnop"}. */
final class ObjdumpListing {

    record Line(long address, String hex, String text) {
        /** A 4-byte item: an instruction, or a {@code .word}/{@code .inst} objdump printed for it. */
        boolean isWord() {
            return hex.length() == 8;
        }

        int word() {
            return (int) Long.parseLong(hex, 16);
        }

        boolean isData() {
            return text.startsWith(".word") || text.startsWith(".short") || text.startsWith(".byte");
        }
    }

    private static final Pattern LINE = Pattern.compile("^ *([0-9a-f]+):\t([0-9a-f]+) +\t(.*)$");

    private ObjdumpListing() {
    }

    static List<Line> parse(String listing) {
        List<Line> out = new ArrayList<>();
        for (String l : listing.split("\n")) {
            Matcher m = LINE.matcher(l);
            if (m.matches()) {
                out.add(new Line(Long.parseUnsignedLong(m.group(1), 16), m.group(2), m.group(3)));
            }
        }
        return out;
    }
}
