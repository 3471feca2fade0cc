// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static dev.vel2.emulator.CpuFixture.BASE;
import static dev.vel2.emulator.cpu.ExceptionModelTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Guests;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.Iss.BrkIss;
import dev.vel2.emulator.cpu.Iss.CallIss;
import dev.vel2.emulator.cpu.Iss.DataAbortIss;
import dev.vel2.emulator.cpu.Iss.FpAccessIss;
import dev.vel2.emulator.cpu.Iss.InstructionAbortIss;
import dev.vel2.emulator.cpu.Iss.SysRegIss;
import dev.vel2.emulator.cpu.Iss.UnknownIss;
import dev.vel2.emulator.cpu.Iss.WfxIss;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.sysreg.Field;

/**
 * The syndrome model: ESR values QEMU 7.2 reported (the oracle's {@code el2-trap-probe/expected/probe_trap.qemu.log}
 * and {@code probe_trap.decoded.md}, the guests' {@code exceptions.qemu.log}) and Linux prints in its abort reports
 * decode to their class's view with the fields the ARM ARM gives them, and encode back to the same bits; the aborts
 * and SIMD/FP traps the CPU raises decode to their views.
 */
class SyndromeTest {
    static final int LDR_X0_X1 = 0xf9400020;
    static final int STR_X0_X1 = 0xf9000020;
    static final int LDXR_X0_X1 = 0xc85f7c20;
    static final int BR_X1 = 0xd61f0020;
    static final int FMOV_D0_X1 = 0x9e670020;
    static final long GUEST_BUDGET = 50_000_000L;
    /** How the guests print a syndrome: {@code esr=56000011} or {@code esr=0x5a000042}. */
    static final Pattern PRINTED_ESR = Pattern.compile("esr=(?:0x)?([0-9a-f]{1,8})\\b");

    record Known(int esr, Syndrome syndrome, String what) {
    }

    static final List<Known> KNOWN = List.of(
        new Known(0x07e00000, new Syndrome(ExceptionClass.WFX, new WfxIss(true, 0b1110, 0)), "WFI, TWI (QEMU)"),
        new Known(0x623002ef, new Syndrome(ExceptionClass.SYSREG, new SysRegIss(3, 0, 0, 7, 0, 23, true)),
                "mrs x23, id_aa64mmfr0_el1, TID3 (QEMU)"),
        new Known(0x62301585, new Syndrome(ExceptionClass.SYSREG, new SysRegIss(3, 0, 5, 2, 0, 12, true)),
                "mrs x12, esr_el1, TRVM (QEMU; decoded.md: Op0=3 Op2=0 Op1=0 CRn=5 Rt=12 CRm=2 Dir=1)"),
        new Known(0x623008e0, new Syndrome(ExceptionClass.SYSREG, new SysRegIss(3, 0, 2, 0, 0, 7, false)),
                "msr ttbr0_el1, x7, TVM (QEMU)"),
        new Known(0x6234f821, new Syndrome(ExceptionClass.SYSREG, new SysRegIss(3, 3, 14, 0, 2, 1, true)),
                "mrs x1, cntvct_el0 at EL0 to EL1 (QEMU)"),
        new Known(0x5a000042, new Syndrome(ExceptionClass.HVC64, new CallIss(0x42)), "hvc #0x42 (QEMU)"),
        new Known(0x5e000013, new Syndrome(ExceptionClass.SMC64, new CallIss(0x13)), "smc #0x13, TSC (QEMU)"),
        new Known(0x56000077, new Syndrome(ExceptionClass.SVC64, new CallIss(0x77)), "svc #0x77 (QEMU)"),
        new Known(0xf2000022, new Syndrome(ExceptionClass.BRK64, new BrkIss(0x22)), "brk #0x22 (QEMU)"),
        new Known(0x02000000, new Syndrome(ExceptionClass.UNKNOWN, new UnknownIss(0)), "UNDEFINED (QEMU)"),
        new Known(0x1fe00000, new Syndrome(ExceptionClass.SIMD_FP_ACCESS, FpAccessIss.A64),
                "FP access, CV=1 COND=0b1110 (QEMU syn_fp_access_trap)"),
        new Known(0x96000045, new Syndrome(ExceptionClass.DABT_SAME, DataAbortIss.of(0b000101, true, false)),
                "write, translation fault level 1 (Linux: EC 0x25 DABT (current EL), WnR 1)"),
        new Known(0x8600000f, new Syndrome(ExceptionClass.IABT_SAME, InstructionAbortIss.of(0b001111, false)),
                "fetch, permission fault level 3 (Linux: EC 0x21 IABT (current EL))"),
        new Known(0x93810047, new Syndrome(ExceptionClass.DABT_LOWER, new DataAbortIss(true, 2, false, 1, false,
                false, false, false, false, false, true, 0b000111)),
                "str w1, [x0] with an instruction syndrome: ISV, SAS=word, SRT=1, WnR, translation level 3"),
        new Known(0x92000187, new Syndrome(ExceptionClass.DABT_LOWER, DataAbortIss.of(0b000111, false, true).withCm()),
                "AT at EL1, stage 2 translation fault level 3 on the stage 1 walk: CM, S1PTW"));

    @Test
    void knownSyndromesDecodeToTheirFieldsAndEncodeBack() {
        for (Known k : KNOWN) {
            assertEquals(k.syndrome(), Syndrome.decode(k.esr()), k.what());
            assertEquals(k.esr(), k.syndrome().encode(), k.what());
        }
    }

    @Test
    void everyViewRoundTripsItsFields() {
        List<Iss> views = List.of(new SysRegIss(2, 7, 15, 15, 7, 31, false), new WfxIss(false, 0b1010, 1),
                new FpAccessIss(false, 0b0101), new CallIss(0xffff), new BrkIss(0x8001),
                new DataAbortIss(true, 3, true, 31, true, true, true, true, true, true, true, 0b111111),
                new InstructionAbortIss(true, true, true, 0b100001), new UnknownIss(0x1ffffff));
        for (Iss v : views) {
            assertEquals(v, decode(v), v.toString());
            assertTrue(Integer.bitCount(v.encode()) > 1, v + " sets more than one bit");
        }
    }

    private static Iss decode(Iss v) {
        ExceptionClass ec = switch (v) {
            case SysRegIss a -> ExceptionClass.SYSREG;
            case WfxIss w -> ExceptionClass.WFX;
            case FpAccessIss f -> ExceptionClass.SIMD_FP_ACCESS;
            case CallIss c -> ExceptionClass.HVC64;
            case BrkIss b -> ExceptionClass.BRK64;
            case DataAbortIss d -> ExceptionClass.DABT_LOWER;
            case InstructionAbortIss i -> ExceptionClass.IABT_LOWER;
            case UnknownIss u -> ExceptionClass.ILLEGAL_STATE;
        };
        return Syndrome.decode(new Syndrome(ec, v).encode()).iss();
    }

    @Test
    void everyLayoutCoversIss24To0OnceAndEncodesOnlyItsFields() {
        for (Known k : KNOWN) {
            int next = 24;
            for (Field f : k.syndrome().iss().layout()) {
                assertEquals(next, f.msb(), k.what() + ": " + f.name());
                next = f.lsb() - 1;
            }
            assertEquals(-1, next, k.what());
            int res0 = 0;
            for (Field f : k.syndrome().iss().layout()) {
                res0 |= f.reserved() ? (int) f.mask() : 0;
            }
            assertEquals(0, k.syndrome().iss().encode() & res0, k.what() + " sets a RES0 bit");
        }
    }

    @Test
    void ilAndTheClassOfAnEsrAreKept() {
        Syndrome s = Syndrome.decode(0x04000000); // a WFI syndrome without IL, CV or COND
        assertFalse(s.il());
        assertEquals(new WfxIss(false, 0, WfxIss.TI_WFI), s.iss());
        assertEquals(0x04000000, s.encode());
        assertTrue(((WfxIss) Syndrome.decode(0x07e00001).iss()).wfe());
        assertEquals(0x3f, Syndrome.ecValue(0xfc000000));
        assertEquals(null, Syndrome.exceptionClass(0xfc000000), "EC 0x3f: not produced by this PE");
        assertThrows(IllegalArgumentException.class, () -> Syndrome.decode(0xfc000000));
        assertThrows(IllegalArgumentException.class, () -> new Syndrome(ExceptionClass.HVC64, new BrkIss(1)));
        assertEquals(Syndrome.esr(ExceptionClass.SMC64, 0x13), new Syndrome(ExceptionClass.SMC64, new CallIss(0x13))
                .encode());
    }

    @Test
    void theAbortsTheCpuRaisesDecodeToTheirViews() {
        CpuFixture f = at(1, true, LDR_X0_X1);
        f.cpu.setX(1, 0x1000); // no RAM there: a synchronous external abort
        assertRaised(f, "ESR_EL1", 0x96000010, DataAbortIss.of(Iss.SYNCHRONOUS_EXTERNAL_ABORT, false, false));
        f = at(1, true, STR_X0_X1);
        f.cpu.setX(1, 0x1000);
        assertRaised(f, "ESR_EL1", 0x96000050, DataAbortIss.of(Iss.SYNCHRONOUS_EXTERNAL_ABORT, true, false));
        f = at(0, false, LDXR_X0_X1);
        f.cpu.setX(1, BASE + 0x101); // exclusives are always checked for alignment
        assertRaised(f, "ESR_EL1", 0x92000021, DataAbortIss.of(Iss.ALIGNMENT_FAULT, false, false));
        f = at(1, true, BR_X1);
        f.cpu.setX(1, 0x1000);
        f.steps(1);
        assertRaised(f, "ESR_EL1", 0x86000010, InstructionAbortIss.of(Iss.SYNCHRONOUS_EXTERNAL_ABORT, false));
        f = at(1, true, BR_X1);
        f.cpu.setX(1, BASE + 2);
        f.steps(1);
        assertRaised(f, "ESR_EL1", 0x8a000000, new UnknownIss(0)); // PC alignment: ISS RES0
        f = at(1, true, FMOV_D0_X1).setSys("CPACR_EL1", 0);
        assertRaised(f, "ESR_EL1", 0x1fe00000, FpAccessIss.A64);
        assertEquals(ExceptionClass.SIMD_FP_ACCESS, Syndrome.decode((int) f.sys("ESR_EL1")).ec());
    }

    /**
     * Every syndrome the guest images see (their traps to EL2, taken by their own EL2 code, and the ESR values they
     * print for the exceptions their EL1 takes) decodes to its class's view: typed for all but the classes whose
     * ISS is RES0.
     */
    @Test
    void everySyndromeTheGuestsSeeDecodesToItsView() throws Exception {
        Set<Integer> seen = new TreeSet<>();
        for (String name : Guests.names()) {
            ElfImage image = ElfImage.read(Guests.file(name, ".elf"));
            Machine m = Guests.machine(name, image); // its vCPUs and GIC, as QEMU ran it
            StringBuilder uart = new StringBuilder();
            m.setUartOutput(b -> uart.append((char) b));
            for (int i = 0; i < m.cpuCount(); i++) {
                m.cpu(i).addTrapListener((c, t) -> seen.add(t.esr()));
            }
            m.load(image);
            m.sendUartInput(Guests.uartInput(name)); // what QEMU read on stdin
            assertEquals(ExitReason.SYSTEM_OFF, m.run(GUEST_BUDGET), name);
            Matcher printed = PRINTED_ESR.matcher(uart);
            while (printed.find()) {
                seen.add(Integer.parseUnsignedInt(printed.group(1), 16));
            }
        }
        Set<ExceptionClass> classes = EnumSet.noneOf(ExceptionClass.class);
        for (int esr : seen) {
            Syndrome s = Syndrome.decode(esr);
            classes.add(s.ec());
            assertEquals(esr, s.encode(), String.format("0x%08x", esr));
            boolean res0 = s.ec() == ExceptionClass.UNKNOWN || s.ec() == ExceptionClass.ILLEGAL_STATE
                    || s.ec() == ExceptionClass.PC_ALIGN;
            assertEquals(res0, s.iss() instanceof UnknownIss, () -> String.format("0x%08x: %s", esr, s));
        }
        assertTrue(classes.containsAll(EnumSet.of(ExceptionClass.WFX, ExceptionClass.SYSREG, ExceptionClass.HVC64,
                ExceptionClass.SVC64, ExceptionClass.BRK64, ExceptionClass.UNKNOWN)), classes.toString());
    }

    private static void assertRaised(CpuFixture f, String esrRegister, int esr, Iss iss) {
        f.steps(1);
        assertEquals(esr, (int) f.sys(esrRegister), () -> String.format("0x%08x", f.sys(esrRegister)));
        Syndrome s = Syndrome.decode(esr);
        assertEquals(iss, s.iss());
    }
}
