// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;

/** A64 table section: Loads and Stores. */
final class LoadsAndStores {

    static final String GROUP = "Loads and Stores";

    static final List<Row<?>> ROWS = List.of(
    );

    private LoadsAndStores() {
    }
}
