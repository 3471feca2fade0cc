// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the virtual EL2 too, translated blocks change nothing the user sees: each story guest (and the IDE's example)
 * prints the same, exits the same and writes the same trap log, line for line with its instruction counts, as with
 * {@code vel2 run --interpret}, where every instruction goes through the interpreter; its statistics agree as well
 * (but for host times).
 */
class TranslatedBlocksTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> sameTrapsAndOutputAsTheInterpreter() {
        return Stream.of(
                new String[] { "hv-idle", "TWI" },
                new String[] { "hv-probe", "TID3,TWI" },
                new String[] { "hv-mmu", "TVM,TRVM" },
                new String[] { "hv-mmu", "TVM" },
                new String[] { EXAMPLE, "TWI,TID3,TVM" })
                .map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1], () -> compare(c[0], c[1])));
    }

    /** The IDE's example guest, from the guest folder. */
    private static final String EXAMPLE = "../../../bundles/dev.vel2.debug.ui/examples/idle-probe-ttbr0/example";

    private void compare(String guest, String hcr) {
        String image = Vel2Run.image(guest);
        Vel2Run.Result translated = Vel2Run.run(dir, "--hcr", hcr, "--vpidr", "0x411fd070", image);
        Vel2Run.Result interpreted = Vel2Run.run(dir, "--hcr", hcr, "--vpidr", "0x411fd070", "--interpret", image);
        assertEquals(0, interpreted.exit(), interpreted.stderr());
        assertEquals(interpreted.exit(), translated.exit());
        assertEquals(interpreted.uart(), translated.uart());
        assertFalse(interpreted.traps().isEmpty(), guest + " trapped nothing: nothing compared");
        assertEquals(lines(interpreted), lines(translated), guest + " trap log");
        assertEquals(interpreted.statsWithoutTimes(), translated.statsWithoutTimes(), guest + " statistics");
    }

    private static List<String> lines(Vel2Run.Result r) {
        return r.traps().stream().map(t -> t.fields().toString()).toList();
    }
}
