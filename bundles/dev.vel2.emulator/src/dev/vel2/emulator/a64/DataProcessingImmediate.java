// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;

/** A64 table section: Data Processing -- Immediate. */
final class DataProcessingImmediate {

    static final String GROUP = "Data Processing -- Immediate";

    static final List<Row<?>> ROWS = List.of(
    );

    private DataProcessingImmediate() {
    }
}
