// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

/** The little JSON the CLI writes: objects built field by field, hex values as "0x..." strings. */
final class Json {
    private final StringBuilder b = new StringBuilder("{");

    Json field(String name, long value) {
        return raw(name, Long.toString(value));
    }

    Json hex(String name, long value) {
        return raw(name, "\"0x" + Long.toHexString(value) + "\"");
    }

    /** A number rounded to {@code scale} decimals, without trailing zeros: 0.5, 12.33, 7. */
    Json decimal(String name, double value, int scale) {
        return raw(name, java.math.BigDecimal.valueOf(value).setScale(scale, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString());
    }

    Json string(String name, String value) {
        return raw(name, value == null ? "null" : quote(value));
    }

    /** A value that is already JSON (a nested object, array, null). */
    Json raw(String name, String json) {
        if (b.length() > 1) {
            b.append(',');
        }
        b.append(quote(name)).append(':').append(json);
        return this;
    }

    @Override
    public String toString() {
        return b + "}";
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        q.append(String.format("\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
