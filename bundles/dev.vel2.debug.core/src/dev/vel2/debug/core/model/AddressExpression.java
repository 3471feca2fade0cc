// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.session.SessionInspection;

/**
 * The Memory view's address expressions: terms joined by {@code +} and {@code -}, each a number ({@code 0x4008_0000},
 * {@code 4096}), an ELF symbol ({@code el1_main}), a general register ({@code x0}..{@code x30}, {@code sp},
 * {@code pc}, {@code lr}, {@code fp}) or a system register of the table ({@code ttbr0_el1}); a leading
 * {@code phys:} makes the address physical, {@code virt:} (the default) guest-virtual in the vCPU's current regime.
 */
final class AddressExpression {
    private static final Pattern TERM = Pattern.compile("\\s*([+-]?)\\s*([A-Za-z0-9_.$]+)\\s*");
    private static final Pattern XN = Pattern.compile("x([0-9]|[12][0-9]|30)");

    /** An evaluated address. */
    record Address(long value, boolean physical) {
    }

    private AddressExpression() {
    }

    /** @throws IllegalArgumentException naming the term that is not understood */
    static Address evaluate(String expression, SessionInspection s, int vcpu, GuestSymbols symbols) {
        String text = expression.strip();
        boolean physical = false;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("phys:")) {
            physical = true;
            text = text.substring(5);
        } else if (lower.startsWith("virt:")) {
            text = text.substring(5);
        }
        Matcher m = TERM.matcher(text);
        long value = 0;
        int at = 0;
        boolean first = true;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at || (!first && m.group(1).isEmpty())) {
                throw new IllegalArgumentException("cannot read address expression '" + expression + "' at '"
                        + text.substring(at).strip() + "'");
            }
            long term = term(m.group(2), s, vcpu, symbols);
            value = m.group(1).equals("-") ? value - term : value + term;
            at = m.end();
            first = false;
        }
        if (first) {
            throw new IllegalArgumentException("empty address expression");
        }
        return new Address(value, physical);
    }

    private static long term(String t, SessionInspection s, int vcpu, GuestSymbols symbols) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (Character.isDigit(t.charAt(0))) {
            String digits = t.replace("_", "");
            try {
                return lower.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16)
                        : Long.parseUnsignedLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t + "' is not a number");
            }
        }
        Long symbol = symbols.address(t);
        if (symbol != null) {
            return symbol;
        }
        Matcher x = XN.matcher(lower);
        if (x.matches()) {
            return s.x(vcpu, Integer.parseInt(x.group(1)));
        }
        switch (lower) {
            case "sp":
                return s.sp(vcpu);
            case "pc":
                return s.pc(vcpu);
            case "lr":
                return s.x(vcpu, 30);
            case "fp":
                return s.x(vcpu, 29);
            default:
                break;
        }
        SysReg r = SysRegs.byName(t);
        if (r != null && !r.isSystemInstruction()) {
            return s.sysreg(vcpu, r);
        }
        throw new IllegalArgumentException("'" + t + "' is no number, symbol or register");
    }
}
