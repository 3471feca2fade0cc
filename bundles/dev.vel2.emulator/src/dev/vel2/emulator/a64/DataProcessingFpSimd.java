// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.List;

/** A64 table section: Data Processing -- Scalar Floating-Point and Advanced SIMD. */
final class DataProcessingFpSimd {

    static final String GROUP = "Data Processing -- Scalar Floating-Point and Advanced SIMD";

    static final List<Row<?>> ROWS = List.of(
    );

    private DataProcessingFpSimd() {
    }
}
