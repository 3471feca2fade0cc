// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.breakpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vel2.hypervisor.TrapEvent;

/**
 * A trap breakpoint's condition on the event's fields: comparisons joined by {@code &&} (all must hold) or by
 * {@code ||} (between groups of {@code &&}), e.g. {@code value == 0x40100000 && vcpu == 1}. Fields: {@code value}
 * (the value of an emulated access; 0 before a held write), {@code pc}, {@code esr}, {@code ec}, {@code iss},
 * {@code far}, {@code imm}, {@code vcpu}, {@code el} (the EL it came from), {@code rt}, {@code seq}. Numbers are
 * decimal or {@code 0x} hex, compared unsigned; operators {@code == != < <= > >=}, and {@code &} (some bit set).
 * It runs on the machine thread, before the trap is emulated.
 */
public final class TrapCondition {
    private static final Pattern COMPARISON = Pattern
            .compile("\\s*([a-z]+)\\s*(==|!=|<=|>=|<|>|&)\\s*(0x[0-9a-f_]+|[0-9_]+)\\s*");

    private TrapCondition() {
    }

    /** The predicate, or null for a blank condition; IllegalArgumentException naming the part not understood. */
    public static Predicate<TrapEvent> parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Predicate<TrapEvent>> any = new ArrayList<>();
        for (String group : text.toLowerCase(Locale.ROOT).split("\\|\\|")) {
            Predicate<TrapEvent> all = e -> true;
            for (String part : group.split("&&")) {
                all = all.and(comparison(part));
            }
            any.add(all);
        }
        return e -> any.stream().anyMatch(p -> p.test(e));
    }

    private static Predicate<TrapEvent> comparison(String text) {
        Matcher m = COMPARISON.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read condition '" + text.strip()
                    + "': expected <field> <op> <number>, e.g. value == 0x40100000");
        }
        ToLongFunction<TrapEvent> field = field(m.group(1));
        String digits = m.group(3).replace("_", "");
        long n = digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16)
                : Long.parseUnsignedLong(digits);
        return switch (m.group(2)) {
            case "==" -> e -> field.applyAsLong(e) == n;
            case "!=" -> e -> field.applyAsLong(e) != n;
            case "<" -> e -> Long.compareUnsigned(field.applyAsLong(e), n) < 0;
            case "<=" -> e -> Long.compareUnsigned(field.applyAsLong(e), n) <= 0;
            case ">" -> e -> Long.compareUnsigned(field.applyAsLong(e), n) > 0;
            case ">=" -> e -> Long.compareUnsigned(field.applyAsLong(e), n) >= 0;
            default -> e -> (field.applyAsLong(e) & n) != 0;
        };
    }

    private static ToLongFunction<TrapEvent> field(String name) {
        return switch (name) {
            case "value" -> TrapEvent::value;
            case "pc" -> TrapEvent::pc;
            case "esr" -> e -> e.esr() & 0xffffffffL;
            case "ec" -> TrapEvent::ec;
            case "iss" -> TrapEvent::iss;
            case "far" -> TrapEvent::far;
            case "imm" -> TrapEvent::imm;
            case "vcpu" -> TrapEvent::vcpu;
            case "el" -> TrapEvent::fromEl;
            case "rt" -> e -> e.sysreg() == null ? -1 : e.sysreg().rt();
            case "seq" -> TrapEvent::seq;
            default -> throw new IllegalArgumentException("no trap event field '" + name
                    + "' (value, pc, esr, ec, iss, far, imm, vcpu, el, rt, seq)");
        };
    }
}
