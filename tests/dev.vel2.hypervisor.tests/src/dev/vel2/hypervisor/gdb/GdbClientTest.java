// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gdb-multiarch 13 against {@code vel2 run --gdb} on the -g guest dwarf-o0 (one vCPU) and hv-idle (two): attach,
 * threads, a breakpoint on a C function, bt, registers read and written (general and system, with the fields of the
 * system register table), stepi, x/i, a watchpoint, the monitor commands, a trap breakpoint, and the run to the
 * guest's end, ^C on gdb's terminal. Where a command exists in both, the same script runs against QEMU's stub
 * ({@code -gdb -S}, guest EL2 as QEMU's virt board with virtualization=on) and GDB must print the same.
 */
class GdbClientTest {
    private static final Path DWARF = GdbPacketTest.find(GdbPacketTest.GUESTS + "dwarf/dwarf-o0.elf");
    private static final Path HV_IDLE = GdbPacketTest.find(GdbPacketTest.GUESTS + "hv-idle.elf");
    /** What QEMU's stub and vel2's say differently and GDB shows: thread ids (QEMU's are pid.tid) and the inferior. */
    private static final Pattern THREAD_ROW = Pattern.compile("(?m)^(  Id   Target Id.*|[* ] +\\d+ +Thread .*)\\n");

    @TempDir
    Path dir;

    /** On the C code: a breakpoint, bt, arguments, registers, stepi, x/4i, set, a location watchpoint, the end. */
    private static final String COMMON_1 = """
            info threads
            break checksum
            continue
            bt
            p n
            p/x $x0
            info registers x1 x2 sp
            p/x $cpsr
            stepi
            p/x $pc
            x/4i $pc
            set $x2 = 0x1234
            p/x $x2
            watch -l h
            continue
            delete
            continue
            """;

    /** Two vCPUs: vCPU 1 started by PSCI CPU_ON hits a breakpoint (where vCPU 0 is then depends on timing), the end. */
    private static final String COMMON_2 = """
            break el1_secondary
            continue
            bt
            p/x $x0
            info registers pc
            delete
            continue
            """;

    @Test
    void oneVcpuPrintsWhatQemusStubPrints() throws Exception {
        String vel2 = vel2(DWARF, COMMON_1, 0, "--el2", "guest");
        assertLines(vel2, "Breakpoint 1, checksum (a=0x400a3fb8, n=8) at dwarf/dwarf-demo.c:40",
                "#1  0x0000000040082a10 in el1_main () at dwarf/dwarf-demo.c:57", "$1 = 8", "$5 = 0x1234",
                "Hardware watchpoint 2: -location h\n\nOld value = 0", "[Inferior 1 (Remote target) exited normally]",
                "* 1    Thread 1 (vCPU 0 [EL2h]) _start () at ./start.S:6");
        assertEquals(comparable(qemu(DWARF, 1, COMMON_1)), comparable(vel2));
    }

    @Test
    void twoVcpusPrintWhatQemusStubPrints() throws Exception {
        String vel2 = vel2(HV_IDLE, COMMON_2, 0, "--el2", "guest");
        assertLines(vel2, "Thread 2 hit Breakpoint 1.2, el1_secondary (cpu=1) at ./hv-idle.c:26",
                "#1  0x0000000040081d2c in el1_secondary_entry () at ./hv-start.S:28", "[Switching to Thread 2]");
        assertEquals(comparable(qemu(HV_IDLE, 2, COMMON_2)), comparable(vel2));
    }

    /** Each of {@code lines} is a whole line (or lines) of {@code out}. */
    private static void assertLines(String out, String... lines) {
        for (String line : lines) {
            assertTrue(("\n" + out).contains("\n" + line + "\n"), line + " in\n" + out);
        }
    }

    @Test
    void showsAndWritesTheSystemRegistersOfTheTableAndTheMonitorCommands() throws Exception {
        Path log = dir.resolve("traps.jsonl");
        String out = vel2(DWARF, """
                p/x $hcr_el2
                p $hcr_el2
                p/x $midr_el1
                p/x $guest_midr_el1
                p/x $vpidr_el2
                set $x1 = 0x1234
                p/x $x1
                set $ttbr0_el1 = 0x40001000L
                p/x $ttbr0_el1
                monitor hcr
                monitor hcr -TWI +TSC
                p $hcr_el2
                monitor hcr 0x84042000
                monitor help
                monitor traps
                monitor break-trap hvc:1
                continue
                x/i $pc
                p/x $x0
                monitor delete-traps
                monitor break-trap hvc:0
                continue
                monitor traps 1
                monitor stats
                monitor break-trap bogus
                monitor frobnicate
                monitor delete-traps
                continue
                """, 0, "--hcr", "TWI,TID3,TVM", "--vpidr", "0x410fd034", "--trap-log", log.toString());
        assertLines(out, "$1 = 0x84042000", "$2 = [ BSU=0 TWI TID3 TVM RW ]", "$3 = 0x411fd070",
                "$4 = 0x410fd034", "$5 = 0x410fd034", "$6 = 0x1234", "$7 = 0x40001000",
                "HCR_EL2 = 0x84042000 [ TWI TID3 TVM RW ]", "HCR_EL2 = 0x840c0000 [ TID3 TSC TVM RW ]",
                "$8 = [ BSU=0 TID3 TSC TVM RW ]", "  monitor break-trap SPEC [vcpu=N] [hit=N]",
                "no traps yet", "trap breakpoint 1: HVC #0x1",
                "vel2: trap breakpoint (HVC #0x1) on vCPU 0: HVC #0x1 (EC 0x16) at 0x4008280c; ESR_EL2 0x5a000001: "
                        + "EC=0x16 (HVC), IL=1 (32-bit instruction), ISS=0x0000001 (immediate #0x1), imm16=0x0001 "
                        + "(the instruction's immediate)",
                "Program received signal SIGTRAP, Trace/breakpoint trap.",
                "hypercall (fid=2248146949, arg=5) at dwarf/dwarf-demo.c:22",
                "=> 0x4008280c <hypercall+72>:\thvc\t#0x1", "$9 = 0x86000005", "deleted 1 trap breakpoint",
                "vel2: break-trap: unknown trap bogus (wfi, wfe, hvc[:IMM], smc[:IMM], mrs:REG, msr:REG, sysreg:REG)",
                "vel2: unknown monitor command 'frobnicate' (monitor help lists them)",
                "[Inferior 1 (Remote target) exited normally]");
        List<String> traps = Files.readAllLines(log);
        assertEquals(2, traps.size(), traps.toString());
        assertTrue(out.contains("\n" + traps.get(0) + "\ntraps to EL2: 2\n"), "monitor traps 1 is the trap log's "
                + "line:\n" + traps.get(0) + "\n" + out);
    }

    @Test
    void twoVcpusAreTwoThreadsWithTrapBreakpointsAndWatchpoints() throws Exception {
        String out = vel2(HV_IDLE, """
                info threads
                break el1_secondary
                continue
                info threads
                p/x $mpidr_el1
                thread 1
                p/x $mpidr_el1
                thread 2
                monitor break-trap wfi vcpu=1
                continue
                x/i $pc
                monitor delete-traps
                watch *(unsigned long *)((char *)&rounds + 8)
                continue
                delete
                continue
                """, 0, "--hcr", "TWI");
        assertLines(out, "* 1    Thread 1 (vCPU 0 [EL1h]) el1_entry () at ./hv-start.S:10",
                "  2    Thread 2 (vCPU 1 [off])  0x0000000000000000 in ?? ()",
                "Thread 2 hit Breakpoint 1.2, el1_secondary (cpu=1) at ./hv-idle.c:26",
                "* 2    Thread 2 (vCPU 1 [EL1h])      el1_secondary (cpu=1) at ./hv-idle.c:26",
                "$1 = 0x80000001", "$2 = 0x80000000", "trap breakpoint 1: WFI on vCPU 1",
                "Thread 2 received signal SIGTRAP, Trace/breakpoint trap.",
                "=> 0x40081f50 <hv_sleep+28>:\twfi", "Thread 2 hit Hardware watchpoint 2: *(unsigned long *)((char "
                        + "*)&rounds + 8)", "[Inferior 1 (Remote target) exited normally]");
        assertTrue(out.matches("(?s).*  1    Thread 1 \\(vCPU 0 \\[EL1h(, WFI)?\\]\\) .*"), out);
        assertTrue(out.contains("vel2: trap breakpoint (WFI on vCPU 1) on vCPU 1: WFI (EC 0x1) at 0x40081f50; "
                + "ESR_EL2 0x07e00000: EC=0x01 (WFI/WFE)"), out);
    }

    @Test
    void controlCStopsEveryVcpu() throws Exception {
        try (GdbMultiarch.Vel2 run = new GdbMultiarch.Vel2(HV_IDLE.toString())) {
            Process gdb = GdbMultiarch.interactive(HV_IDLE, run.port());
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    gdb.getInputStream().transferTo(screen);
                } catch (IOException e) {
                    // the terminal closed
                }
            });
            OutputStream keys = gdb.getOutputStream();
            type(keys, "set *(int *)$pc = 0x14000000\ncontinue\n"); // B . : vCPU 0 runs until it is stopped
            waitFor(screen, "Continuing.");
            Thread.sleep(500);
            type(keys, "\u0003");
            waitFor(screen, "Thread 1 received signal SIGINT, Interrupt.");
            type(keys, "info threads\nkill\nquit\n");
            keys.close();
            assertTrue(gdb.waitFor(60, TimeUnit.SECONDS), screen.toString());
            reader.join();
            String out = screen.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("* 1    Thread 1 (vCPU 0 [EL1h]) el1_entry () at ./hv-start.S:10"), out);
            assertTrue(out.contains("  2    Thread 2 (vCPU 1 [off])"), out);
            assertEquals(5, run.exit(), "killed: the run was stopped\n" + run.stderr());
            assertTrue(run.stderr().contains("vel2: gdb: debugger killed the guest"), run.stderr());
        }
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void waitFor(ByteArrayOutputStream screen, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no '" + text + "' on gdb's terminal:\n" + screen);
            }
            Thread.sleep(20);
        }
    }

    /** The script against {@code vel2 run --gdb 0 ARGS... IMAGE}; checks the run's exit code and UART. */
    private String vel2(Path image, String script, int exit, String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = image.toString();
        try (GdbMultiarch.Vel2 run = new GdbMultiarch.Vel2(all)) {
            String out = GdbMultiarch.run(dir, image, run.port(), script);
            assertEquals(exit, run.exit(), run.stderr() + out);
            Path qemuLog = Path.of(image.toString().replaceFirst("\\.elf$", ".qemu.log"));
            assertEquals(Files.readString(qemuLog), run.uart(), "the guest's UART, as without a debugger");
            assertTrue(run.stderr().contains("vel2: gdb: debugger attached from 127.0.0.1:"), run.stderr());
            return out;
        }
    }

    private String qemu(Path image, int vcpus, String script) throws Exception {
        try (GdbMultiarch.Qemu q = new GdbMultiarch.Qemu(image, vcpus)) {
            return GdbMultiarch.run(dir, image, q.port, script);
        }
    }

    /** GDB's output without what the two stubs name differently. */
    private static String comparable(String gdb) {
        return THREAD_ROW.matcher(gdb).replaceAll("").replaceAll("Thread 1\\.(\\d+)", "Thread $1")
                .replace(" (process 1) ", " ").replace(" (Remote target) ", " ");
    }
}
