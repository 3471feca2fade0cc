// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.CpuFixture;
import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Guests;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.devices.GicVersion;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * What a vCPU tells its {@link NotModelled} listeners before it takes an UNDEFINED exception: an instruction of a
 * feature the Cortex-A57 lacks, or a system register the table does not know, once per instruction and address;
 * nothing when UNDEFINED is what the architecture itself says (UDF, unallocated words, an EL2 register at EL1, an
 * overlapping LDPSW).
 */
class NotModelledTest {
    private static final long VECTOR = CpuFixture.BASE + 0x80000 + 0x200;

    private static CpuFixture fixture(List<NotModelled> heard, int... words) {
        CpuFixture f = new CpuFixture().code(words);
        f.cpu.addNotModelledListener((cpu, what) -> heard.add(what));
        return f;
    }

    @Test
    void unknownSystemRegistersAreNamedAndUndefined() {
        int[] words = {0xd538f200, 0xd518f200, 0xd508f200, 0xd528f200, 0xd52edd20};
        String[] text = {"mrs x0, s3_0_c15_c2_0", "msr s3_0_c15_c2_0, x0", "sys #0, C15, C2, #0, x0",
            "sysl x0, #0, C15, C2, #0", "sysl x0, #6, C13, C13, #1"};
        for (int i = 0; i < words.length; i++) {
            List<NotModelled> heard = new ArrayList<>();
            CpuFixture f = fixture(heard, words[i]).steps(1);
            assertEquals(VECTOR, f.cpu.pc(), text[i]);
            assertEquals(0x200_0000L, f.sys("ESR_EL1"), text[i] + ": EC 0x00");
            assertEquals(1, heard.size(), text[i]);
            assertNull(heard.get(0).feature());
            assertEquals("not modelled: " + text[i] + " at 0x40000000", heard.get(0).message());
            assertEquals("vel2: vCPU 0: not modelled: " + text[i] + " at 0x40000000", heard.get(0).line(0));
        }
    }

    /** A control vel2 keeps without acting on it is told once, and the instruction completes (the guest goes on). */
    @Test
    void aTrapControlOfTheGicv3VirtualInterfaceIsToldAndKept() {
        Machine machine = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST, SysRegs.TABLE, GicVersion.V3);
        int[] code = {
            0xd2840000, // mov x0, #0x2000 (ICH_HCR_EL2.TSEI)
            0xd51ccb00, // 1: msr ich_hcr_el2, x0 (told once, though it runs twice)
            0x91000442, // add x2, x2, #1
            0xf100085f, // cmp x2, #2
            0x54ffffa1, // b.ne 1b
            0xd2800020, // mov x0, #0x1 (En only)
            0xd51ccb00, // msr ich_hcr_el2, x0 (nothing to tell)
            0x14000000, // b .
        };
        for (int i = 0; i < code.length; i++) {
            machine.bus().write(Machine.RAM_BASE + 4L * i, 4, code[i]);
        }
        List<NotModelled> heard = new ArrayList<>();
        machine.cpu(0).addNotModelledListener((c, what) -> heard.add(what));
        machine.boot(Machine.RAM_BASE);
        machine.run(20);
        Cpu c = machine.cpu(0);
        assertEquals(Machine.RAM_BASE + 0x1c, c.pc(), "every write completed: no UNDEFINED");
        assertEquals(2, c.x(2), "the loop ran the write twice");
        assertEquals(1L, machine.readDeviceSysReg(c, SysRegs.get("ICH_HCR_EL2")) & 0x7fff, "the last value is kept");
        assertEquals(List.of("vel2: vCPU 0: not modelled: msr ich_hcr_el2, x0 at 0x40000004 (ICH_HCR_EL2.TSEI: SEIs do"
                + " not trap)"), heard.stream().map(w -> w.line(0)).toList());
        assertNull(heard.get(0).feature());
    }

    @Test
    void whatTheArchitectureMakesUndefinedIsNotTold() {
        int[] words = {
            0x0000007e, // udf #126
            0x00200000, // .inst 0x00200000 ; NYI (unallocated)
            0xd524ed2e, // mrs x14, s0_4_c14_c13_1 (op0 = 0b00: unallocated)
            0xd53c1100, // mrs x0, hcr_el2 (at EL1)
            0x697be298, // ldpsw x24, x24, [x20, #-36] (CONSTRAINED UNPREDICTABLE: UNDEFINED)
        };
        for (int w : words) {
            List<NotModelled> heard = new ArrayList<>();
            CpuFixture f = fixture(heard, w);
            f.cpu.setX(20, CpuFixture.BASE + 0x1000);
            f.steps(1);
            assertEquals(VECTOR, f.cpu.pc(), Integer.toHexString(w) + " is UNDEFINED");
            assertTrue(heard.isEmpty(), Integer.toHexString(w) + ": " + heard);
        }
    }

    @Test
    void eachInstructionAndAddressIsToldOnce() {
        List<NotModelled> heard = new ArrayList<>();
        CpuFixture f = fixture(heard, 0xf8bfc3e0, 0xf8bfc3e0); // ldapr x0, [sp] twice
        f.steps(1);
        f.cpu.setPc(CpuFixture.BASE);
        f.steps(1);
        assertEquals(1, heard.size(), "the same instruction at the same address");
        f.cpu.setPc(CpuFixture.BASE + 4);
        f.steps(1);
        assertEquals(2, heard.size(), "the same instruction elsewhere");
        f.code(0xc89f7fe0); // stllr x0, [sp]
        f.steps(1);
        assertEquals(List.of("not on a Cortex-A57 (FEAT_LRCPC): ldapr x0, [sp] at 0x40000000",
                "not on a Cortex-A57 (FEAT_LRCPC): ldapr x0, [sp] at 0x40000004",
                "not on a Cortex-A57 (FEAT_LOR): stllr x0, [sp] at 0x40000000"),
                heard.stream().map(NotModelled::message).toList(), "another instruction at the same address");
    }

    @Test
    void aLoopInTranslatedBlocksIsToldOnce() {
        List<NotModelled> heard = new ArrayList<>();
        CpuFixture f = fixture(heard,
                0xf8bfc3e0, // loop: ldapr x0, [sp]
                0xd1000442, //       sub x2, x2, #1
                0xb5ffffc2, //       cbnz x2, loop
                0x14000000); //      b .
        int[] handler = {
            0xd5384021, // mrs x1, elr_el1
            0x91001021, // add x1, x1, #4
            0xd5184021, // msr elr_el1, x1
            0xd69f03e0, // eret
        };
        for (int i = 0; i < handler.length; i++) {
            f.ram.write(VECTOR + 4L * i, 4, handler[i]);
        }
        f.cpu.setX(2, 1000);
        f.cpu.setSp(CpuFixture.BASE + 0x2000);
        f.cpu.run(1000 * 7);
        assertEquals(0, f.x(2), "the loop ran to its end, taking 1000 UNDEFINED exceptions");
        assertTrue(!f.cpu.translating() || f.cpu.translatedInsns() > 0, "translated blocks ran");
        assertEquals(CpuFixture.BASE + 12, f.cpu.pc());
        assertEquals(1, heard.size(), heard.toString());
    }

    /**
     * The guest isa-ext runs every case twice (its UART output equals QEMU's: GuestRunTest). Its case functions are
     * named {@code ext_<FEAT_...|sysreg|none>_<n>}: each FEAT one is told once with that feature and objdump's text,
     * each sysreg one as not modelled, the unallocated ones not at all (whether stepped or in translated blocks).
     */
    @Test
    void theGuestIsaExtIsToldWhatEachCaseLacks() throws Exception {
        ElfImage image = ElfImage.read(Guests.file("isa-ext", ".elf"));
        Map<Long, String> objdump = new HashMap<>();
        Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*([0-9a-f]+):\\t[0-9a-f]{8} \\t(.*)$")
                .matcher(Files.readString(Guests.file("isa-ext", ".objdump")));
        while (m.find()) {
            // as vel2 names a branch target without symbols ("40081e7c <ext_FEAT_CSSC_18>" is "0x40081e7c"), and
            // without objdump's comment
            String text = m.group(2).replaceAll("([0-9a-f]+) <[^>]*>", "0x$1").replaceAll("  // .*", "");
            objdump.put(Long.parseLong(m.group(1), 16), text.replace('\t', ' '));
        }
        List<String> expected = new ArrayList<>();
        image.symbols().stream().filter(s -> s.name().startsWith("ext_") && s.size() > 0)
                .sorted((a, b) -> Long.compare(a.value(), b.value())).forEach(s -> {
                    String what = s.name().substring(4, s.name().lastIndexOf('_'));
                    String text = objdump.get(s.value()) + " at 0x" + Long.toHexString(s.value());
                    if (what.startsWith("FEAT_")) {
                        expected.add("not on a Cortex-A57 (" + what + "): " + text);
                    } else if (what.equals("sysreg")) {
                        expected.add("not modelled: " + text);
                    }
                });
        Machine machine = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST);
        List<String> heard = new ArrayList<>();
        machine.cpu(0).addNotModelledListener((c, what) -> heard.add(what.message()));
        machine.setUartOutput(b -> { });
        machine.load(image);
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(50_000_000L));
        assertTrue(expected.size() > 50, expected.toString());
        assertEquals(expected, heard);
    }
}
