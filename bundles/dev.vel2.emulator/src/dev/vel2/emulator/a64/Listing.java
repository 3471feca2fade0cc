// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;
import java.util.function.Function;

/**
 * The operands of a row that is decoded only to be listed (an encoding of a feature the Cortex-A57 lacks): the
 * mnemonic and the operands as objdump prints them. Its factories return null where objdump prints the word as
 * undefined.
 */
record Listing(String mnemonic, List<String> operands) {

    /** A listing, or null (unallocated) when {@code mnemonic} is null. */
    static Listing of(String mnemonic, String... operands) {
        return mnemonic == null ? null : new Listing(mnemonic, List.of(operands));
    }

    String text() {
        return Asm.op(mnemonic, operands.toArray(String[]::new));
    }

    /** A row of feature {@code f}, listed from its {@code operands} and UNDEFINED when executed. */
    static Row<Listing> row(String group, Feature f, String name, String pattern, Function<Bits, Listing> operands) {
        return Row.row(group, name, pattern, operands, SystemExec::UNDEFINED, (o, asm) -> o.text()).withFeature(f);
    }
}
