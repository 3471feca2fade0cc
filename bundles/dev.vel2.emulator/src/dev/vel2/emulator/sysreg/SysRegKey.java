// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A system register encoding (op0, op1, CRn, CRm, op2) as MRS, MSR and SYS carry it, packed into one int in the
 * instruction's bit order (op0 at bit 14) for lookups and breakpoint attributes.
 */
public record SysRegKey(int op0, int op1, int crn, int crm, int op2) {
    private static final Pattern GENERIC = Pattern.compile("S([0-3])_([0-7])_C(\\d{1,2})_C(\\d{1,2})_([0-7])");

    public SysRegKey {
        if ((op0 & ~3) != 0 || (op1 & ~7) != 0 || (crn & ~15) != 0 || (crm & ~15) != 0 || (op2 & ~7) != 0) {
            throw new IllegalArgumentException("no encoding op0=" + op0 + " op1=" + op1 + " CRn=" + crn + " CRm="
                    + crm + " op2=" + op2);
        }
    }

    /** The encoding a packed key stands for. */
    public static SysRegKey of(int packed) {
        return new SysRegKey(packed >>> 14 & 3, packed >>> 11 & 7, packed >>> 7 & 15, packed >>> 3 & 15, packed & 7);
    }

    /** {@code S3_0_C15_C2_0} (any case) as a key, or null when {@code text} is not of that form. */
    public static SysRegKey parse(String text) {
        Matcher m = GENERIC.matcher(text.toUpperCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(3)) > 15 || Integer.parseInt(m.group(4)) > 15) {
            return null;
        }
        return new SysRegKey(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
    }

    public static int pack(int op0, int op1, int crn, int crm, int op2) {
        return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    }

    public int packed() {
        return pack(op0, op1, crn, crm, op2);
    }

    /** The generic name objdump prints for an encoding it does not know: {@code s3_0_c0_c7_0}. */
    public String genericName() {
        return "s" + op0 + "_" + op1 + "_c" + crn + "_c" + crm + "_" + op2;
    }

    public String text() {
        return "op0=" + op0 + " op1=" + op1 + " CRn=" + crn + " CRm=" + crm + " op2=" + op2;
    }
}
