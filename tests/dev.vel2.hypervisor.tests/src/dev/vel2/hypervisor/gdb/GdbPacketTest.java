// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionConfig;

/**
 * The stub at the packet level on the -g guest dwarf-o0 (one vCPU) and hv-idle (two): every packet of the list as
 * gdb-multiarch sends it, malformed packets and bad checksums (a clear error or a refusal, the guest unharmed), acks
 * and no-ack mode, a dropped connection, a second client, the interrupt byte.
 */
class GdbPacketTest {
    static final String GUESTS = "tests/dev.vel2.tests.support/guests/";
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int B_SELF = 0x14000000; // B . : a vCPU that runs until it is interrupted

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private Session session;
    private GdbServer server;

    @AfterEach
    void close() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (session != null) {
            session.terminate();
            session.awaitTerminated(WAIT);
        }
    }

    /** A committed file, found by walking up from the working directory ({@code tests/...}). */
    static Path find(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }

    private RspClient attach(String guest) throws Exception {
        session = Session.open(new SessionConfig(VmDescription.of(find(GUESTS + guest)), true));
        session.start();
        assertTrue(session.awaitSuspended(WAIT));
        server = GdbServer.start(session, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), messages::add);
        return new RspClient(server.address());
    }

    private long symbol(String name) {
        return session.elf().symbols().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().value();
    }

    /** A register number of the target description. */
    private int regnum(String name) {
        List<GdbRegister> all = TargetDescription.of(session.inspection().sysRegs()).registers();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no register " + name);
    }

    static String le(long v, int bytes) {
        return HEX.formatHex(GdbRegister.bytes(v, bytes));
    }

    static long le(String hex) {
        return GdbRegister.value(HEX.parseHex(hex));
    }

    @Test
    void answersEveryPacketOfTheListAsGdbAsksThem() throws Exception {
        try (RspClient c = attach("dwarf/dwarf-o0.elf")) {
            String supported = c.ask("qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;vContSupported+");
            for (String feature : List.of("PacketSize=", "qXfer:features:read+", "vContSupported+", "swbreak+",
                    "hwbreak+")) {
                assertTrue(supported.contains(feature), supported);
            }
            assertEquals("", c.ask("vMustReplyEmpty"));
            assertEquals("T05thread:1;", c.ask("?"));
            String xml = targetXml(c);
            assertTrue(xml.contains("<feature name=\"org.gnu.gdb.aarch64.core\">"), xml);
            assertTrue(xml.contains("<feature name=\"org.gnu.gdb.aarch64.fpu\">"), xml);
            assertTrue(xml.contains("<reg name=\"cpsr\" bitsize=\"32\" type=\"cpsr_flags\" regnum=\"33\""), xml);
            assertTrue(xml.contains("<reg name=\"v0\" bitsize=\"128\" type=\"aarch64v\" regnum=\"34\""), xml);
            assertTrue(xml.contains("<reg name=\"fpcr\" bitsize=\"32\""), xml);
            assertTrue(xml.contains("<field name=\"TWI\" start=\"13\" end=\"13\"/>"), xml);
            assertTrue(xml.contains("name=\"hcr_el2\" bitsize=\"64\" type=\"hcr_el2_flags\""), xml);
            assertEquals("m1", c.ask("qfThreadInfo"));
            assertEquals("l", c.ask("qsThreadInfo"));
            assertEquals("QC1", c.ask("qC"));
            assertEquals("1", c.ask("qAttached"));
            assertEquals("vCPU 0 [EL1h]", text(c.ask("qThreadExtraInfo,1")));
            assertEquals("OK", c.ask("Hg1"));
            assertEquals("OK", c.ask("Hc-1"));
            assertEquals("OK", c.ask("T1"));
            assertTrue(c.ask("T2").startsWith("E."), "one vCPU: no thread 2");

            long pc = session.inspection().pc(0);
            assertEquals(symbol("el1_entry"), pc);
            String g = c.ask("g");
            assertEquals((33 * 8 + 4) * 2, g.length(), g);
            assertEquals(le(pc, 8), g.substring(32 * 16, 33 * 16));
            assertEquals("OK", c.ask("P1=" + le(0x1122_3344_5566_7788L, 8)));
            assertEquals(le(0x1122_3344_5566_7788L, 8), c.ask("p1"));
            assertEquals(0x1122_3344_5566_7788L, session.inspection().x(0, 1));
            int hcr = regnum("hcr_el2");
            assertEquals(session.inspection().hcr(), le(c.ask("p" + Integer.toHexString(hcr))));
            long twi = SysRegs.get("HCR_EL2").field("TWI").mask();
            assertEquals("OK", c.ask("P" + Integer.toHexString(hcr) + "=" + le(session.inspection().hcr() | twi, 8)));
            assertEquals(twi, session.inspection().hcr() & twi, "a write of HCR_EL2 takes effect");
            int ttbr0 = regnum("ttbr0_el1");
            assertEquals("OK", c.ask("P" + Integer.toHexString(ttbr0) + "=" + le(0x4000_1000L, 8)));
            assertEquals(0x4000_1000L, session.inspection().sysreg(0, SysRegs.get("TTBR0_EL1")));
            assertTrue(c.ask("P" + Integer.toHexString(regnum("currentel")) + "=" + le(8, 8)).startsWith("E."),
                    "CurrentEL is no debugger's to write");

            assertEquals(HEX.formatHex(session.inspection().readVirtual(0, pc, 8)),
                    c.ask("m" + Long.toHexString(pc) + ",8"));
            long scratch = symbol("el1_entry") - 0x1000;
            assertEquals("OK", c.ask("M" + Long.toHexString(scratch) + ",4:deadbeef"));
            assertEquals("deadbeef", HEX.formatHex(session.inspection().readVirtual(0, scratch, 4)));
            c.send("X" + Long.toHexString(scratch) + ",4:" + "}\u0003}\u0004}]*"); // #, $, } escaped, * plain
            assertEquals("OK", c.reply());
            assertEquals("#$}*", new String(session.inspection().readVirtual(0, scratch, 4),
                    StandardCharsets.ISO_8859_1));
            assertEquals("E14", c.ask("mffff000000000000,4"), "nothing there: EFAULT, as QEMU");

            long checksum = symbol("checksum");
            assertEquals("OK", c.ask("Z0," + Long.toHexString(checksum) + ",4"));
            assertEquals("T05thread:1;swbreak:;", c.ask("vCont;c"));
            long at = session.inspection().pc(0);
            assertEquals(checksum, at);
            assertEquals("OK", c.ask("z0," + Long.toHexString(checksum) + ",4"));
            assertEquals("T05thread:1;", c.ask("vCont;s:1"));
            assertEquals(at + 4, session.inspection().pc(0));
            assertEquals("T05thread:1;", c.ask("s"));
            assertEquals(at + 8, session.inspection().pc(0));

            long sp = session.inspection().sp(0);
            assertEquals("OK", c.ask("Z2," + Long.toHexString(sp) + ",40"));
            String watch = c.ask("c");
            Matcher m = Pattern.compile("T05thread:1;watch:([0-9a-f]+);").matcher(watch);
            assertTrue(m.matches(), watch);
            long stopped = session.inspection().pc(0);
            assertTrue(stopped > at && stopped < at + 0x100, Long.toHexString(stopped));
            assertEquals("T05thread:1;", c.ask("vCont;s:1;c"), "the watched store completes when it runs again");
            assertEquals(stopped + 4, session.inspection().pc(0));
            assertEquals("OK", c.ask("z2," + Long.toHexString(sp) + ",40"));

            c.send("qRcmd," + HEX.formatHex("help".getBytes(StandardCharsets.UTF_8)));
            assertEquals("OK", c.reply());
            assertTrue(c.console.toString().contains("monitor break-trap SPEC"), c.console.toString());
            assertEquals("", c.ask("qFooBar"));
            assertEquals("", c.ask("!"));

            c.send("D");
            assertEquals("OK", c.reply());
            assertTrue(session.awaitTerminated(WAIT), "detached: the guest runs on to its end");
            assertTrue(c.closedByStub());
        }
        // the server thread reports the end after it closed the socket: wait for the line, not for a moment
        String detached = "debugger detached (" + messages.get(0).replace("debugger attached from ", "") + ")";
        waitFor(() -> messages.contains(detached));
    }

    private static String text(String hex) {
        return new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
    }

    /** {@code target.xml} in pieces of 0x300 bytes, as GDB reads it. */
    private static String targetXml(RspClient c) throws IOException {
        StringBuilder xml = new StringBuilder();
        while (true) {
            String r = c.ask("qXfer:features:read:target.xml:" + Integer.toHexString(xml.length()) + ",300");
            xml.append(r, 1, r.length());
            if (r.startsWith("l")) {
                return xml.toString();
            }
            assertEquals('m', r.charAt(0), r);
        }
    }

    @Test
    void refusesBadChecksumsAndAnswersMalformedPacketsWithAClearError() throws Exception {
        try (RspClient c = attach("dwarf/dwarf-o0.elf")) {
            long pc = session.inspection().pc(0);
            c.raw("$g#00");
            c.raw("$?#zz");
            c.raw("$" + "m".repeat(GdbConnection.PACKET_SIZE + 1) + "#00");
            assertEquals("T05thread:1;", c.ask("?"), "the refused packets got no reply");
            assertEquals("---+", c.acks.toString(), "three refusals, then the ack of the good one");
            c.raw("noise between packets");
            for (String bad : List.of("mzz,4", "m40080000", "P1", "P1=zz", "Pffff=00", "Z0,zz,4", "Z0", "Hgz",
                    "qThreadExtraInfo,9", "vCont;x", "M40080000,4:00")) {
                String reply = c.ask(bad);
                assertTrue(reply.startsWith("E."), bad + " -> " + reply);
                assertFalse(reply.substring(2).isBlank(), bad + ": the error says what is wrong");
            }
            assertEquals("", c.ask("Z9,0,0"), "a breakpoint type GDB may add later: not supported");
            assertEquals(pc, session.inspection().pc(0), "the guest is unharmed");
            assertEquals(Session.State.SUSPENDED, session.state());
            assertEquals("W00", c.ask("c"), "and runs to its end");
        }
    }

    @Test
    void theInstructionLimitEndsTheRunWithVel2RunsExitStatus() throws Exception {
        session = Session.open(new SessionConfig(VmDescription.of(find(GUESTS + "dwarf/dwarf-o0.elf")), true, 1000, null));
        session.start();
        server = GdbServer.start(session, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), messages::add);
        try (RspClient c = new RspClient(server.address())) {
            assertEquals("T05thread:1;", c.ask("?"));
            assertEquals("W03", c.ask("vCont;c"), "exit code 3: the instruction limit");
            assertTrue(c.closedByStub());
        }
        assertEquals(1000, session.inspection().statistics().vcpus().get(0).instructions());
    }

    @Test
    void stopsAckingInNoAckMode() throws Exception {
        try (RspClient c = attach("dwarf/dwarf-o0.elf")) {
            assertEquals("T05thread:1;", c.ask("?"));
            c.noAck();
            int acks = c.acks.length();
            assertEquals("1", c.ask("qAttached"));
            assertEquals("QC1", c.ask("qC"));
            c.raw("$qC#00"); // no acks: a bad checksum is dropped without a word
            assertEquals("m1", c.ask("qfThreadInfo"));
            assertEquals(acks, c.acks.length(), c.acks.toString());
        }
    }

    @Test
    void refusesASecondClientWithOneLineAndKeepsTheFirst() throws Exception {
        try (RspClient c = attach("dwarf/dwarf-o0.elf")) {
            assertEquals("T05thread:1;", c.ask("?"));
            try (Socket second = new Socket()) {
                second.connect(server.address());
                second.setSoTimeout(10_000);
                InputStream in = second.getInputStream();
                String line = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertEquals("vel2: a debugger is already attached to this guest (one at a time); refused 127.0.0.1:"
                        + second.getLocalPort() + "\n", line);
            }
            assertEquals("T05thread:1;", c.ask("?"), "the first debugger goes on");
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("refused a second debugger")), messages.toString());
        }
    }

    @Test
    void aDroppedConnectionResumesNothingAndTheNextDebuggerAttaches() throws Exception {
        long checksum;
        long pc;
        try (RspClient c = attach("dwarf/dwarf-o0.elf")) {
            checksum = symbol("checksum");
            assertEquals("OK", c.ask("Z0," + Long.toHexString(checksum) + ",4"));
            pc = session.inspection().pc(0);
        } // dropped without a detach
        waitFor(() -> messages.stream().anyMatch(m -> m.startsWith("connection closed")));
        Thread.sleep(200);
        assertEquals(Session.State.SUSPENDED, session.state(), "nothing resumed");
        assertEquals(pc, session.inspection().pc(0));
        assertTrue(session.breakpoints().isEmpty(), "what the dropped debugger inserted is taken out");
        try (RspClient c = new RspClient(server.address())) {
            assertEquals("T05thread:1;", c.ask("?"));
            assertEquals(le(pc, 8), c.ask("p20"));
            assertEquals("W00", c.ask("vCont;c"), "no breakpoint of the first debugger is left");
        }
    }

    @Test
    void theInterruptByteStopsEveryVcpuAtOnce() throws Exception {
        try (RspClient c = attach("hv-idle.elf")) {
            assertEquals("m1,2", c.ask("qfThreadInfo"));
            assertEquals("vCPU 1 [off]", text(c.ask("qThreadExtraInfo,2")));
            long pc = session.inspection().pc(0);
            assertEquals("OK", c.ask("M" + Long.toHexString(pc) + ",4:" + le(B_SELF, 4)));
            c.send("vCont;c");
            Thread.sleep(300);
            assertEquals(Session.State.RUNNING, session.state());
            long sent = System.nanoTime();
            c.raw(new byte[] { 3 });
            assertEquals("T02thread:1;", c.reply());
            long ms = (System.nanoTime() - sent) / 1_000_000;
            // the stop is asked for between slices, well under 100 ms; a timed test must not fail on a loaded host
            // (a GC pause, a descheduled thread), so it only catches a stop that waits for the guest
            assertTrue(ms <= 1_000, "stopped after " + ms + " ms");
            assertEquals(Session.State.SUSPENDED, session.state());
            assertEquals(pc, session.inspection().pc(0), "the loop is where it was");
            assertEquals("OK", c.ask("Hg2"));
            assertEquals("OK", c.ask("vKill"));
            assertTrue(session.awaitTerminated(WAIT), "vKill ends the guest");
        }
    }

    @Test
    void aStopByAnotherFrontEndAnswersTheDebuggersContinue() throws Exception {
        try (RspClient c = attach("dwarf/dwarf-o0.elf")) {
            long pc = session.inspection().pc(0);
            assertEquals("OK", c.ask("M" + Long.toHexString(pc) + ",4:" + le(B_SELF, 4)));
            c.send("vCont;c");
            Thread.sleep(200);
            session.suspend(); // as the IDE's Suspend does
            assertEquals("T02thread:1;", c.reply());
            session.resume(); // the IDE resumes: the debugger waits for nothing and hears nothing
            Thread.sleep(200);
            assertEquals("", c.drain(200));
            assertTrue(c.ask("g").startsWith("E."), "registers are not read while the guest runs");
            session.suspend();
            assertTrue(session.awaitSuspended(WAIT));
            assertEquals(le(pc, 8), c.ask("p20"));
        }
    }

    @Test
    void vContStepsAndRunsSomeVcpusWithTheOthersHeld() throws Exception {
        try (RspClient c = attach("hv-idle.elf")) {
            long secondary = symbol("el1_secondary");
            assertEquals("OK", c.ask("Z0," + Long.toHexString(secondary) + ",4"));
            assertEquals("T05thread:2;swbreak:;", c.ask("vCont;c"));
            assertEquals("OK", c.ask("z0," + Long.toHexString(secondary) + ",4"));
            assertEquals("vCPU 1 [EL1h]", text(c.ask("qThreadExtraInfo,2")));
            long pc0 = session.inspection().pc(0);
            assertEquals("T05thread:2;", c.ask("vCont;s:2"), "GDB's scheduler locking: vCPU 1 steps alone");
            assertEquals(secondary + 4, session.inspection().pc(1));
            assertEquals(pc0, session.inspection().pc(0), "vCPU 0 was held");
            long pc1 = session.inspection().pc(1);
            long ran = session.inspection().statistics().vcpus().get(0).instructions();
            c.send("vCont;c:1");
            Thread.sleep(300);
            c.raw(new byte[] { 3 });
            assertEquals("T02thread:2;", c.reply(), "a suspend names the current thread");
            assertEquals(pc1, session.inspection().pc(1), "vCPU 1 was held while vCPU 0 ran");
            assertTrue(session.inspection().statistics().vcpus().get(0).instructions() > ran, "vCPU 0 ran");
            assertEquals("W00", c.ask("vCont;c"), "both run on to the end");
        }
    }

    /** Under --el2 guest there is no VM-wide trap policy: monitor hcr shows each vCPU's own and sets none. */
    @Test
    void monitorHcrAtTheGuestsEl2ShowsTheVcpusOwn() throws Exception {
        session = Session.open(new SessionConfig(VmDescription.of(find(GUESTS + "bench/bench-mixed-s12.elf"))
                .withEl2(El2Mode.GUEST).withVcpus(1), false));
        session.addAddressBreakpoint(session.elf().symbols().stream().filter(x -> x.name().equals("workload"))
                .findFirst().orElseThrow().value());
        session.start();
        assertTrue(session.awaitSuspended(WAIT));
        server = GdbServer.start(session, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), messages::add);
        try (RspClient c = new RspClient(server.address())) {
            c.send("qRcmd," + HEX.formatHex("hcr".getBytes(StandardCharsets.UTF_8)));
            assertEquals("OK", c.reply());
            assertEquals("vCPU 0: HCR_EL2 = 0x80000001 [ VM RW ]\n", c.console.toString(), "as the image's EL2 set it");
            c.send("qRcmd," + HEX.formatHex("hcr +TWI".getBytes(StandardCharsets.UTF_8)));
            assertEquals("OK", c.reply());
            assertTrue(c.console.toString().contains("vel2: hcr: under --el2 guest HCR_EL2 is the guest hypervisor's"
                    + " own, per vCPU"), c.console.toString());
            assertEquals(0x80000001L, session.inspection().register(0, SysRegs.get("HCR_EL2")), "unchanged");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
