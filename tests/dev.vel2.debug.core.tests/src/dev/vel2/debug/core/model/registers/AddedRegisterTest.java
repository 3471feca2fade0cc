// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import static dev.vel2.emulator.sysreg.SysReg.reg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.loader.RawImage;
import dev.vel2.emulator.sysreg.Policy;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.emulator.sysreg.TrapContext;
import dev.vel2.hypervisor.GuestImage;
import dev.vel2.hypervisor.ShadowMmuRegisters;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapEvent;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.session.Session;
import dev.vel2.hypervisor.session.SessionConfig;
import dev.vel2.hypervisor.session.SessionInspection;
import dev.vel2.hypervisor.session.SessionListener;
import dev.vel2.hypervisor.session.StopInfo;

/**
 * Two rows added to the system register table in one place, {@link #TABLE}: an IMPLEMENTATION DEFINED register with
 * a policy of its own ({@link #SEQUENCE}) that HCR_EL2.TIDCP traps, and TCR2_EL1 as a stage-1 control the virtual
 * EL2 shadows. The CPU executes MRS/MSR through them, the virtual EL2 emulates their trapped accesses and shadows
 * TCR2_EL1, and the debugger's register groups list and read them: nothing else names them.
 */
class AddedRegisterTest {
    static final long ENTRY = Machine.RAM_BASE + 0x8_0000;
    static final Duration WAIT = Duration.ofSeconds(20);
    static final long RW = SysRegs.get("HCR_EL2").field("RW").mask();
    static final long TIDCP = SysRegs.get("HCR_EL2").field("TIDCP").mask();
    static final long TVM = SysRegs.get("HCR_EL2").field("TVM").mask();

    /** A sequence number register: a read returns the value and advances it; the debugger reads it unchanged. */
    static final Policy SEQUENCE = new Policy() {
        @Override
        public String name() {
            return "SEQUENCE";
        }

        @Override
        public long read(Cpu c, SysReg r) {
            long v = c.sysreg(r);
            c.setSysreg(r, v + 1);
            return v;
        }

        @Override
        public void write(Cpu c, SysReg r, long value) {
            c.setSysreg(r, value);
        }

        @Override
        public OptionalLong emulateRead(TrapContext t, SysReg r) {
            return OptionalLong.of(read(t.cpu(), r));
        }

        @Override
        public boolean stored() {
            return true;
        }
    };

    static final SysRegTable TABLE = SysRegs.TABLE.with(List.of(
            reg("IMP_SEQ_EL1", 3, 0, 15, 0, 0).policy(SEQUENCE).trap("TIDCP").about("a sequence number")
                .value("Seq", "the next sequence number"),
            reg("TCR2_EL1", 3, 0, 2, 0, 3).shadowed().about("Extended Translation Control Register (EL1)")
                .value("Controls", "extended stage 1 translation controls")));
    static final SysReg SEQ = TABLE.get("IMP_SEQ_EL1");
    static final SysReg TCR2 = TABLE.get("TCR2_EL1");

    static final int[] PROGRAM = {
        0xd518f001, // +0x00 msr s3_0_c15_c0_0, x1    the CPU, through SEQUENCE
        0xd538f002, // +0x04 mrs x2, s3_0_c15_c0_0
        0xd538f003, // +0x08 mrs x3, s3_0_c15_c0_0
        0xd5182064, // +0x0c msr tcr2_el1, x4
        0xd538f005, // +0x10 mrs x5, s3_0_c15_c0_0    TIDCP: the virtual EL2, through SEQUENCE
        0xd5182066, // +0x14 msr tcr2_el1, x6         TVM: the virtual EL2 and its shadow copy
        0xd5382067, // +0x18 mrs x7, tcr2_el1
        0xd503207f, // +0x1c wfi
    };

    private Session session;

    @AfterEach
    void terminate() throws InterruptedException {
        if (session != null) {
            session.terminate();
            assertTrue(session.awaitTerminated(WAIT));
        }
    }

    @Test
    void theTableAlone() {
        assertNull(SysRegs.lookup(3, 0, 15, 0, 0), "the standard table is left as it is");
        assertEquals(SysRegs.ALL.size() + 2, TABLE.size());
        assertSame(SysRegs.get("TTBR0_EL1"), TABLE.get("TTBR0_EL1"), "the standard rows are kept");
        assertEquals(ShadowMmuRegisters.REGISTERS.size() + 1, TABLE.shadowed().size());
        assertSame(TCR2, TABLE.shadowed().get(TABLE.shadowed().size() - 1));
    }

    @Test
    void theCpuTheVirtualEl2AndTheDebuggerTakeTheAddedRows() throws Exception {
        List<TrapEvent> traps = open();
        SessionInspection in = session.inspection();
        in.setX(0, 1, 5);
        in.setX(0, 4, 0x11);
        in.setX(0, 6, 0x22);
        session.runTo(ENTRY + 0x10);
        awaitStop(StopInfo.Reason.STEP_END);
        assertEquals(5, in.x(0, 2), "MRS: SEQUENCE returns the value MSR wrote");
        assertEquals(6, in.x(0, 3), "MRS: and advances it");
        assertEquals(0x11, in.sysreg(0, TCR2), "MSR tcr2_el1 without TVM: stored");
        assertTrue(traps.isEmpty(), "HCR_EL2 trapped nothing yet: " + traps);

        assertSame(TABLE, in.sysRegs(), "the debugger reads the session's table");
        RegisterSource seq = source(RegisterGroups.el1(TABLE), "IMP_SEQ_EL1");
        assertEquals(7, seq.read(in, 0), "the debugger sees the next value");
        assertEquals(7, seq.read(in, 0), "and does not advance it");
        assertTrue(seq.writable());
        seq.write(in, 0, 40);
        RegisterSource tcr2 = source(RegisterGroups.el1(TABLE), "TCR2_EL1");
        assertEquals(0x11, tcr2.read(in, 0));
        assertEquals(List.of("SCTLR_EL1", "TTBR0_EL1", "TTBR1_EL1", "TCR_EL1", "MAIR_EL1", "AMAIR_EL1",
                "CONTEXTIDR_EL1", "TCR2_EL1"), RegisterGroups.shadowMmu(TABLE).stream().map(RegisterSource::name)
                .toList(), "the Shadowed MMU group");

        in.setHcr(RW | TIDCP | TVM);
        session.runTo(ENTRY + 0x1c);
        awaitStop(StopInfo.Reason.STEP_END);
        assertEquals(40, in.x(0, 5), "trapped MRS: emulated through SEQUENCE");
        assertEquals(41, seq.read(in, 0));
        assertEquals(0x22, in.x(0, 7));
        assertEquals(List.of(TrapClass.SYSREG_READ, TrapClass.SYSREG_WRITE),
                traps.stream().map(TrapEvent::trapClass).toList());
        assertEquals(List.of(40L, 0x22L), traps.stream().map(TrapEvent::value).toList());
        SessionInspection.ShadowRegister shadow = ((RegisterSource.Shadow) source(RegisterGroups.shadowMmu(TABLE),
                "TCR2_EL1")).entry(in, 0);
        assertEquals(new SessionInspection.ShadowRegister(TCR2, 0x22, 0x22, true), shadow,
                "the trapped write took effect and the shadow copy took it");
        assertFalse(in.shadow(0).stream().anyMatch(r -> r.reg() == SEQ), "only shadowed rows are shadowed");
    }

    /** A suspended session of {@link #PROGRAM} on a PE with {@link #TABLE}; its traps are recorded. */
    private List<TrapEvent> open() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 * PROGRAM.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : PROGRAM) {
            b.putInt(w);
        }
        VmDescription vm = VmDescription.of(new GuestImage.Raw(new RawImage("added", ENTRY, b.array()))).withVcpus(1)
                .withHcr(RW).withSysRegs(TABLE);
        session = Session.open(SessionConfig.of(vm).withStopAtEntry(true));
        List<TrapEvent> traps = new CopyOnWriteArrayList<>();
        session.addListener(new SessionListener() {
            @Override
            public void trap(TrapEvent e) {
                traps.add(e);
            }
        });
        session.start();
        awaitStop(StopInfo.Reason.ENTRY);
        return traps;
    }

    private void awaitStop(StopInfo.Reason reason) throws InterruptedException {
        assertTrue(session.awaitSuspended(WAIT), "stopped in time");
        assertEquals(reason, session.lastStop().reason(), () -> "stop " + session.lastStop());
    }

    private static RegisterSource source(List<RegisterSource> group, String name) {
        return group.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + group));
    }
}
