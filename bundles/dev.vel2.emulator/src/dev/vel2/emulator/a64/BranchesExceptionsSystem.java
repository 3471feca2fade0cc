// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;

/** A64 table section: Branches, Exception Generating and System instructions. */
final class BranchesExceptionsSystem {

    static final String GROUP = "Branches, Exception Generating and System instructions";

    static final List<Row<?>> ROWS = List.of(
    );

    private BranchesExceptionsSystem() {
    }
}
