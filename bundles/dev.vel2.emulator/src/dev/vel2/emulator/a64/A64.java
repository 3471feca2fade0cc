// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.a64;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The A64 instruction table: every encoding the emulator knows, one row per pattern, in sections that follow the
 * ARM ARM's "A64 instruction set encoding" index. The interpreter, the disassembler and the decoder tests all read
 * this one list. Encodings that are not implemented stay visible as commented rows in their section.
 */
public final class A64 {

    public static final List<Row<?>> ROWS;

    static {
        List<Row<?>> all = new ArrayList<>();
        all.addAll(DataProcessingImmediate.ROWS);
        all.addAll(BranchesExceptionsSystem.ROWS);
        all.addAll(LoadsAndStores.ROWS);
        all.addAll(SimdLoadStore.ROWS);
        all.addAll(DataProcessingRegister.ROWS);
        all.addAll(FloatingPoint.ROWS);
        all.addAll(AdvSimdFloat.ROWS);
        all.addAll(FloatExtensions.ROWS);
        all.addAll(Extensions.ROWS);
        all.addAll(DataProcessingFpSimd.ROWS);
        all.addAll(AdvSimdInteger.ROWS);
        all.addAll(Crypto.ROWS);
        ROWS = Collections.unmodifiableList(all);
    }

    private A64() {
    }
}
