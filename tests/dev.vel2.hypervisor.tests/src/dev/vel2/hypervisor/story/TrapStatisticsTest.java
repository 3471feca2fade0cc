// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.story;

import static dev.vel2.hypervisor.story.Vel2Run.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapStatistics;
import dev.vel2.hypervisor.VmBuilder;
import dev.vel2.hypervisor.cli.Main;

/**
 * {@code vel2 run --stats} as a hypervisor developer reads it, on the hv guests with every trap of the story on, in
 * both EL2 modes: per vCPU, each class the trap log shows with as many traps, its share, and its cost. The costs in
 * guest instructions (guest EL2) are those an independent count of the instructions each vCPU executed at EL2 finds
 * in the same VM; nanoseconds are checked for sanity only.
 */
class TrapStatisticsTest {
    private static final String ALL_TRAPS = "TWI,TWE,TID3,TVM,TRVM,TSC";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> eachClassOnEachVcpuWithItsCost() {
        return Stream.of("hv-idle", "hv-mmu", "hv-probe").flatMap(g -> Stream.of(
                DynamicTest.dynamicTest(g + " guest EL2", () -> guestEl2(g)),
                DynamicTest.dynamicTest(g + " virtual EL2", () -> virtualEl2(g))));
    }

    private void guestEl2(String guest) throws Exception {
        String[] args = { "--el2", "guest", "--hcr", ALL_TRAPS, image(guest) };
        Map<String, Object> stats = classesMatchTheTrapLog(args);
        VmBuilder.Built vm = VmBuilder.build(Main.description(args), 0);
        TrapStatistics inProcess = vm.hypervisor().statistics();
        inProcess.setCollecting(true);
        El2InstructionCount watched = new El2InstructionCount(vm.machine());
        assertEquals(ExitReason.SYSTEM_OFF, vm.machine().run(Long.MAX_VALUE));

        List<Object> vcpus = vcpus(stats);
        for (int v = 0; v < vcpus.size(); v++) {
            assertFalse(JsonReader.object(vcpus.get(v)).containsKey("shadow"), "the guest's EL2 keeps its own");
            for (TrapStatistics.ClassStatistics s : inProcess.classes(v)) {
                TrapStatistics.Cost expected = watched.cost(v, s.trapClass());
                assertEquals(expected, s.insns(), "vCPU " + v + " " + s.trapClass());
                Map<String, Object> c = JsonReader.object(vcpus.get(v), "classes", s.trapClass().name());
                assertCost(expected, JsonReader.object(c, "insns"));
                Map<String, Object> ns = JsonReader.object(c, "ns");
                assertEquals(expected.samples(), number(ns, "samples").longValueExact(), "timed as counted");
                if (expected.samples() > 0) {
                    assertSane(ns);
                }
            }
        }
        List<Long> pending = inProcess.classes().stream().map(s -> s.count() - s.insns().samples()).toList();
        assertTrue(pending.stream().allMatch(n -> n >= 0), pending.toString());
        assertEquals(1, pending.stream().mapToLong(Long::longValue).sum() - (vcpus.size() - 1),
                "every trap returned but the SYSTEM_OFF (and each secondary's CPU_OFF)");
    }

    private void virtualEl2(String guest) throws Exception {
        Map<String, Object> stats = classesMatchTheTrapLog("--hcr", ALL_TRAPS, "--vpidr", "0x411fd070", image(guest));
        for (Object vcpu : vcpus(stats)) {
            assertTrue(JsonReader.object(vcpu).containsKey("shadow"));
            for (Object c : JsonReader.object(vcpu, "classes").values()) {
                Map<String, Object> cls = JsonReader.object(c);
                assertFalse(cls.containsKey("insns"), "the Java handler executes no guest instruction");
                Map<String, Object> ns = JsonReader.object(cls, "ns");
                assertEquals(number(cls, "count"), number(ns, "samples"), "every trap timed");
                assertSane(ns);
            }
        }
    }

    /**
     * Runs the CLI; per vCPU and class the trap log's traps are {@code exits} and {@code classes}, with their share,
     * and the VM's {@code classes} sum them up. Returns the statistics.
     */
    private Map<String, Object> classesMatchTheTrapLog(String... args) {
        Vel2Run.Result r = Vel2Run.run(dir, args);
        assertEquals(0, r.exit(), r.stderr());
        Map<String, Object> stats = JsonReader.object(JsonReader.parse(r.stats()));
        assertEquals("SYSTEM_OFF", stats.get("exit"));
        assertEquals(r.traps().size(), number(stats, "traps").longValueExact());
        List<Object> vcpus = vcpus(stats);
        Map<String, Long> all = new TreeMap<>();
        for (int v = 0; v < vcpus.size(); v++) {
            String vcpu = Integer.toString(v);
            Map<String, Long> logged = new TreeMap<>();
            r.traps().stream().filter(t -> t.get("vcpu").equals(vcpu))
                    .forEach(t -> logged.merge(t.get("class"), 1L, Long::sum));
            assertFalse(logged.isEmpty(), "vCPU " + v + " trapped");
            Map<String, Object> classes = JsonReader.object(vcpus.get(v), "classes");
            assertEquals(logged, counts(classes), "vCPU " + v);
            for (TrapClass c : TrapClass.values()) {
                assertEquals(logged.getOrDefault(c.name(), 0L),
                        number(JsonReader.object(vcpus.get(v), "exits"), c.name()).longValueExact());
            }
            assertShares(classes, logged.values().stream().mapToLong(Long::longValue).sum());
            logged.forEach((c, n) -> all.merge(c, n, Long::sum));
        }
        Map<String, Object> classes = JsonReader.object(stats, "classes");
        assertEquals(all, counts(classes), "all vCPUs");
        assertShares(classes, r.traps().size());
        return stats;
    }

    private static Map<String, Long> counts(Map<String, Object> classes) {
        Map<String, Long> counts = new TreeMap<>();
        classes.forEach((c, v) -> counts.put(c, number(JsonReader.object(v), "count").longValueExact()));
        return counts;
    }

    private static void assertShares(Map<String, Object> classes, long all) {
        for (Object c : classes.values()) {
            double share = number(JsonReader.object(c), "share").doubleValue();
            assertEquals(number(JsonReader.object(c), "count").doubleValue() / all, share, 0.00005);
        }
    }

    private static void assertCost(TrapStatistics.Cost expected, Map<String, Object> json) {
        assertEquals(expected.samples(), number(json, "samples").longValueExact());
        assertEquals(expected.total(), number(json, "total").longValueExact());
        if (expected.samples() == 0) {
            assertNull(json.get("min"));
            assertNull(json.get("avg"));
            assertNull(json.get("max"));
        } else {
            assertEquals(expected.min(), number(json, "min").longValueExact());
            assertEquals(expected.max(), number(json, "max").longValueExact());
            assertEquals(expected.avg(), number(json, "avg").doubleValue(), 0.005);
        }
    }

    /** Host time: positive, ordered, summed. */
    private static void assertSane(Map<String, Object> ns) {
        long min = number(ns, "min").longValueExact();
        double avg = number(ns, "avg").doubleValue();
        long max = number(ns, "max").longValueExact();
        long samples = number(ns, "samples").longValueExact();
        assertTrue(min > 0 && min <= avg + 0.005 && avg <= max + 0.005, ns.toString());
        assertEquals(avg, (double) number(ns, "total").longValueExact() / samples, 0.005, ns.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> vcpus(Map<String, Object> stats) {
        return (List<Object>) stats.get("vcpus");
    }

    private static BigDecimal number(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (!(v instanceof BigDecimal n)) {
            throw new AssertionError(key + " is not a number in " + o);
        }
        return n;
    }
}
