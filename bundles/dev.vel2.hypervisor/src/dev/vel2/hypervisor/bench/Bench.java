// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.AddressBreakpoints;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.VmBuilder;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionListener;
import dev.vel2.hypervisor.session.StopInfo;
import dev.vel2.hypervisor.session.TrapFilter;

/**
 * vel2's side of {@code releng/bench-vs-qemu}: runs the benchmark guests in this JVM and prints one
 * {@code name value unit} line per measurement. Phases are timed by the guest's UART lines ({@link LineClock}),
 * after warm-up runs of the same guests, so that the JIT has compiled what they use (steady state).
 * <pre>
 * java dev.vel2.hypervisor.bench.Bench ORACLE_IMAGES_DIR BENCH_GUESTS_DIR   (the probe's images, guests/bench)
 * </pre>
 */
public final class Bench {
    private static final long HCR_TWI = SysRegAccess.HCR_EL2.field("TWI").mask();
    private static final long BUDGET = 5_000_000_000L;
    private static final int WARM_UP_RUNS = 3;
    private static final int BREAKPOINT_ROUNDS = 7;
    /**
     * Runs of bench-trap per EL2 mode, of which the median is printed: a round trip is tens of nanoseconds, and one
     * run of 200,000 of them (a few milliseconds) can share its core with the JIT compiler or another process.
     */
    private static final int TRAP_RUNS = 5;

    private final Path oracle;
    private final Path guests;
    private long loopPc;
    /** The machines made now measure their trap costs. */
    private boolean collectStatistics;

    private Bench(Path oracle, Path guests) {
        this.oracle = oracle;
        this.guests = guests;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Bench ORACLE_IMAGES_DIR GUESTS_DIR");
            System.exit(2);
        }
        new Bench(Path.of(args[0]), Path.of(args[1])).all();
    }

    private void all() throws Exception {
        warmUp();
        Guest loop = run(oracle.resolve("bench_loop.elf"), El2Mode.GUEST, null);
        long[] l = loop.clock.phase("bench loop");
        print("loop_mips", mips(l), "MIPS");
        print("loop_mips_cpu", l[1] * 1000.0 / l[2], "MIPS");
        Guest mixed = run(guests.resolve("bench-mixed.elf"), El2Mode.GUEST, null);
        long[] m = mixed.clock.phase("bench mixed");
        print("mixed_mips", mips(m), "MIPS");
        print("mixed_mips_cpu", m[1] * 1000.0 / m[2], "MIPS");
        print("mixed_insns", m[1], "insns");
        print("mixed_translated", 100.0 * mixed.machine.cpu(0).translatedInsns() / mixed.machine.cpu(0).insns(), "%");
        Guest interpreted = run(guests.resolve("bench-mixed.elf"), El2Mode.GUEST, null, false);
        print("mixed_mips_interpreter", mips(interpreted.clock.phase("bench mixed")), "MIPS");
        Guest wfi = run(oracle.resolve("bench_wfi.elf"), El2Mode.GUEST, null);
        print("wfi_guest_el2_ns", wfi.clock.phase("bench wfi")[0] / 1_000_000.0, "ns");
        trapRoundTrips(false);
        trapRoundTrips(true);
        print("trap_wfi_virtual_session_ns", sessionTrap(0), "ns");
        print("trap_wfi_virtual_session_breakpoints_1000_ns", sessionTrap(1000), "ns");
        breakpointCost();
        print("trap_breakpoint_latency_us", trapBreakpointLatency(200) / 1000.0, "us");
        for (int n : new int[] { 1, 2, 4, 8 }) {
            print("mixed_mips_vcpus_" + n, vcpus(n, 40_000_000L), "MIPS");
        }
        print("mixed_mips_stage1", mips(run(guests.resolve("bench-mixed-s1.elf"), El2Mode.GUEST, null)
                .clock.phase("bench mixed")), "MIPS");
        print("mixed_mips_stage12", mips(run(guests.resolve("bench-mixed-s12.elf"), El2Mode.GUEST, null)
                .clock.phase("bench mixed")), "MIPS");
    }

    /**
     * bench-trap's WFI and HVC round trips in both EL2 modes, median of {@value #TRAP_RUNS} runs; with {@code stats}
     * while the trap statistics measure their costs ({@code --stats}, the IDE's Trap Statistics view).
     */
    private void trapRoundTrips(boolean stats) throws IOException, ImageException {
        collectStatistics = stats;
        for (El2Mode mode : El2Mode.values()) {
            double[] wfiNs = new double[TRAP_RUNS];
            double[] hvcNs = new double[TRAP_RUNS];
            for (int i = 0; i < TRAP_RUNS; i++) {
                Guest g = run(guests.resolve("bench-trap.elf"), mode, null);
                wfiNs[i] = perTrap(g, "bench trap wfi");
                hvcNs[i] = perTrap(g, "bench trap hvc");
            }
            String el2 = (mode == El2Mode.GUEST ? "guest_el2" : "virtual_el2") + (stats ? "_stats" : "");
            print("trap_wfi_" + el2 + "_ns", median(wfiNs), "ns");
            print("trap_hvc_" + el2 + "_ns", median(hvcNs), "ns");
        }
        collectStatistics = false;
    }

    /** A finished run: its machine and its timed output. */
    private record Guest(Machine machine, LineClock clock, ExitReason exit) {
    }

    /** Runs an image to its end in {@code mode} (virtual: HCR_EL2 = RW|TWI under the Java hypervisor). */
    private Guest run(Path image, El2Mode mode, AddressBreakpoints bps) throws IOException, ImageException {
        return run(image, mode, bps, true);
    }

    /** As {@link #run(Path, El2Mode, AddressBreakpoints)}, with block translation on or off (interpreter only). */
    private Guest run(Path image, El2Mode mode, AddressBreakpoints bps, boolean translate)
            throws IOException, ImageException {
        Machine m = machine(guest(image, 1).withEl2(mode).withTranslate(translate));
        if (bps != null) {
            m.cpu(0).setBreakpoints(bps);
        }
        LineClock clock = new LineClock(() -> totalInsns(m));
        m.setUartOutput(clock);
        ExitReason exit = m.run(BUDGET);
        if (exit != ExitReason.SYSTEM_OFF) {
            throw new IllegalStateException(image + " ended with " + exit + ": " + clock.lines());
        }
        return new Guest(m, clock, exit);
    }

    /** {@code image} on {@code vcpus} vCPUs under its own EL2. */
    private static VmDescription guest(Path image, int vcpus) {
        return VmDescription.of(image).withVcpus(vcpus).withEl2(El2Mode.GUEST);
    }

    /** The machine of {@code d}; under the virtual EL2 with HCR_EL2 = RW|TWI. */
    private Machine machine(VmDescription d) throws ImageException {
        VmBuilder.Built b = VmBuilder.build(d.el2() == El2Mode.VIRTUAL ? d.withHcr(HCR_TWI) : d, 0);
        b.hypervisor().statistics().setCollecting(collectStatistics);
        return b.machine();
    }

    private static long totalInsns(Machine m) {
        long n = 0;
        for (int i = 0; i < m.cpuCount(); i++) {
            n += m.cpu(i).insns();
        }
        return n;
    }

    /**
     * Runs the loop (also with breakpoints), the mixed guest and the trap guest in both modes {@value #WARM_UP_RUNS}
     * times, until the JIT has compiled the interpreter, the trap path and the translated blocks' classes (shared
     * by later runs of the same code), so that what is timed is the steady state; remembers a PC inside the loop.
     */
    private void warmUp() throws Exception {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            Machine m = machine(guest(oracle.resolve("bench_loop.elf"), 1));
            m.run(30_000_000L);
            loopPc = m.cpu(0).pc();
            run(oracle.resolve("bench_loop.elf"), El2Mode.GUEST, null);
            run(guests.resolve("bench-mixed.elf"), El2Mode.GUEST, null);
            run(guests.resolve("bench-trap.elf"), El2Mode.GUEST, null);
            run(guests.resolve("bench-trap.elf"), El2Mode.VIRTUAL, null);
            breakpoints(10);
        }
        sessionTrap(10);
    }

    /**
     * bench_loop with 0, 10 and 1,000 breakpoints, interleaved {@value #BREAKPOINT_ROUNDS} times in this JVM so that
     * the comparison does not depend on how the JIT compiled this JVM: the best MIPS of each, and the loss of 1,000
     * against none. The best, by the machine thread's CPU time: the loss looked for is a few percent, and a run that
     * shares its core (the JIT compiler, the GC, another process) is slowed by more than that.
     */
    private void breakpointCost() throws IOException, ImageException {
        int[] counts = { 0, 10, 1000 };
        double[][] mips = new double[counts.length][BREAKPOINT_ROUNDS];
        for (int r = 0; r < BREAKPOINT_ROUNDS; r++) {
            for (int k = 0; k < counts.length; k++) {
                int i = (r + k) % counts.length; // each goes first in some rounds: no order favours one
                long[] phase = breakpoints(counts[i]).clock.phase("bench loop");
                mips[i][r] = phase[1] * 1000.0 / phase[2]; // CPU time: what the breakpoints cost, not the waits
            }
        }
        double[] best = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            best[i] = java.util.Arrays.stream(mips[i]).max().orElseThrow();
            print("loop_mips_breakpoints_" + counts[i], best[i], "MIPS");
        }
        print("loop_breakpoints_1000_loss", 100 * (1 - best[2] / best[0]), "%");
    }

    /**
     * The loop with {@code n} address breakpoints that it never reaches: in the loop's own page (but not within 64
     * bytes of the loop), then in the following pages, so the step loop's page check always finds a bitmap.
     */
    private Guest breakpoints(int n) throws IOException, ImageException {
        AddressBreakpoints bps = new AddressBreakpoints((cpu, va) -> false);
        long page = loopPc & ~0xfffL;
        for (long va = page; bps.size() < n; va += 4) {
            if (Math.abs(va - loopPc) > 64) {
                bps.add(va);
            }
        }
        return run(oracle.resolve("bench_loop.elf"), El2Mode.GUEST, bps);
    }

    /**
     * Median time from a trap breakpoint's hit (the trap event, on the machine thread) to the client seeing the
     * session suspended (its listener's {@code suspended}), over {@code hits} WFI traps of bench-trap.
     */
    private long trapBreakpointLatency(int hits) throws Exception {
        Session s = Session.open(VmDescription.of(guests.resolve("bench-trap.elf")).withHcr(HCR_TWI));
        LinkedBlockingQueue<Long> hitAt = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Long> suspendedAt = new LinkedBlockingQueue<>();
        s.addListener(new SessionListener() {
            @Override
            public void trap(TrapEvent e) {
                if (e.held()) {
                    hitAt.add(System.nanoTime());
                }
            }

            @Override
            public void suspended(StopInfo stop) {
                suspendedAt.add(System.nanoTime());
            }
        });
        s.addTrapBreakpoint(TrapFilter.of(TrapClass.WFI));
        long[] latency = new long[hits];
        try {
            s.start();
            for (int i = 0; i < hits; i++) {
                Long seen = suspendedAt.poll(10, TimeUnit.SECONDS);
                Long hit = hitAt.poll(10, TimeUnit.SECONDS);
                if (seen == null || hit == null) {
                    throw new IllegalStateException("no trap breakpoint stop " + i);
                }
                latency[i] = seen - hit;
                s.resume();
            }
        } finally {
            s.terminate();
            s.awaitTerminated(Duration.ofSeconds(10));
        }
        java.util.Arrays.sort(latency);
        return latency[hits / 2];
    }

    /**
     * The trapped WFI round trip under the virtual EL2 as the IDE runs it: through a {@link Session} (its trap log
     * and statistics), with {@code n} address breakpoints and {@code n} trap breakpoints that never hit (addresses
     * the guest does not execute; traps of other classes, or HVCs with another immediate). Median of
     * {@value #TRAP_RUNS} runs, in nanoseconds.
     */
    private double sessionTrap(int n) throws Exception {
        double[] ns = new double[TRAP_RUNS];
        TrapFilter[] kinds = { TrapFilter.sysregRead("TCR_EL1"), TrapFilter.sysregWrite("TTBR0_EL1"),
            TrapFilter.of(TrapClass.SMC), TrapFilter.of(TrapClass.DATA_ABORT), TrapFilter.of(TrapClass.BRK) };
        for (int r = 0; r < TRAP_RUNS; r++) {
            Session s = Session.open(VmDescription.of(guests.resolve("bench-trap.elf")).withHcr(HCR_TWI));
            LineClock clock = new LineClock(() -> 0);
            s.addListener(new SessionListener() {
                @Override
                public void uartOutput(int b) {
                    clock.accept(b);
                }
            });
            for (int i = 0; i < n; i++) {
                s.addAddressBreakpoint(Machine.RAM_BASE + 0x20_0000 + 4L * i);
                s.addTrapBreakpoint(i % 2 == 0 ? kinds[i / 2 % kinds.length]
                        : TrapFilter.of(TrapClass.HVC).withImm(2 + i));
            }
            try {
                s.start();
                if (!s.awaitTerminated(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("bench-trap did not end in a session");
                }
            } finally {
                s.terminate();
            }
            ns[r] = perTrap(clock, "bench trap wfi");
        }
        return median(ns);
    }

    /** Aggregate MIPS of bench-mixed on {@code n} vCPUs (vCPU 0 starts the others) over {@code insns}. */
    private double vcpus(int n, long insns) throws IOException, ImageException {
        Machine m = machine(guest(guests.resolve("bench-mixed.elf"), n));
        m.setUartOutput(b -> { });
        long t0 = System.nanoTime();
        m.run(insns);
        long t = System.nanoTime() - t0;
        return totalInsns(m) * 1000.0 / t;
    }

    private static double perTrap(Guest g, String prefix) {
        return perTrap(g.clock, prefix);
    }

    private static double perTrap(LineClock clock, String prefix) {
        long[] p = clock.phase(prefix);
        String line = clock.lines().stream().filter(l -> l.text().startsWith(prefix)).findFirst().orElseThrow()
                .text();
        long count = Long.parseLong(line.replaceAll(".*count=(\\d+).*", "$1"));
        return (double) p[0] / count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mips(long[] phase) {
        return phase[1] * 1000.0 / phase[0];
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "%s %.2f %s", name, value, unit));
        System.out.flush();
    }
}
