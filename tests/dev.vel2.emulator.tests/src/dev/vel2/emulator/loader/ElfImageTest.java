// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.vel2.emulator.memory.Ram;

class ElfImageTest {

    private static byte[] hello() throws Exception {
        return Files.readAllBytes(TestImages.path("hello.elf"));
    }

    @Test
    void readsEntrySegmentsSectionsAndSymbols() throws Exception {
        ElfImage elf = ElfImage.read(TestImages.path("hello.elf"));
        assertEquals("hello.elf", elf.name());
        assertEquals(0x4008_0000L, elf.entry());
        assertEquals(1, elf.segments().size());
        ElfImage.Segment s = elf.segments().get(0);
        assertEquals(0x4008_0000L, s.vaddr());
        assertEquals(0x4008_0000L, s.paddr());
        assertEquals(0x50, s.data().length);
        assertEquals(0x10060, s.memSize()); // .bss makes memsz exceed filesz
        assertEquals(ElfImage.PF_X, s.flags() & ElfImage.PF_X);
        // first word: ldr x1, 40080040
        assertEquals(0x58000201, ByteBuffer.wrap(s.data()).order(ByteOrder.LITTLE_ENDIAN).getInt(0));

        assertEquals(2, elf.sections().size());
        ElfImage.Section text = elf.sections().get(0);
        assertEquals(".text", text.name());
        assertEquals(0x4008_0000L, text.addr());
        assertEquals(0x50, text.size());
        assertTrue(text.executable());
        assertArrayEquals(s.data(), text.data());
        ElfImage.Section bss = elf.sections().get(1);
        assertEquals(".bss", bss.name());
        assertEquals(16, bss.size());
        assertFalse(bss.executable());
        assertEquals(0, bss.data().length);

        ElfImage.Symbol start = elf.symbols().stream().filter(y -> y.name().equals("_start")).findFirst().orElseThrow();
        assertEquals(0x4008_0000L, start.value());
        assertEquals(1, start.bind()); // STB_GLOBAL
        assertEquals(1, start.shndx()); // .text
        ElfImage.Symbol msg = elf.symbols().stream().filter(y -> y.name().equals("msg")).findFirst().orElseThrow();
        assertEquals(0x4008_0030L, msg.value());
        assertEquals(0, msg.bind()); // STB_LOCAL
        assertTrue(elf.symbols().stream().noneMatch(y -> y.name().isEmpty()));
    }

    @Test
    void rejectsNonElf() {
        assertMessage("not an ELF file", "garbage text, not an image".getBytes());
        assertMessage("not an ELF file", new byte[0]);
    }

    @Test
    void rejects32BitAndBigEndian() throws Exception {
        byte[] b = hello();
        b[4] = 1; // ELFCLASS32
        assertMessage("not a 64-bit little-endian ELF", b);
        b = hello();
        b[5] = 2; // ELFDATA2MSB
        assertMessage("not a 64-bit little-endian ELF", b);
    }

    @Test
    void rejectsX86() throws Exception {
        byte[] b = hello();
        b[18] = 62; // EM_X86_64
        b[19] = 0;
        assertMessage("not an AArch64 executable (e_machine=62)", b);
    }

    @Test
    void rejectsRelocatableObject() throws Exception {
        byte[] b = hello();
        b[16] = 1; // ET_REL
        assertMessage("not an executable ELF (e_type=1)", b);
    }

    @Test
    void rejectsTruncatedFiles() throws Exception {
        byte[] b = hello();
        assertMessage("truncated ELF header", Arrays.copyOf(b, 40));
        assertMessage("truncated program header", Arrays.copyOf(b, 64 + 20));
        assertMessage("truncated segment at offset 0x78", Arrays.copyOf(b, 0x90));
    }

    @Test
    void rejectsTruncatedSectionHeaders() throws Exception {
        byte[] b = hello();
        long shoff = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(40);
        assertMessage("truncated section header", Arrays.copyOf(b, (int) shoff + 10));
    }

    @Test
    void loadsSegmentsAndZeroFillsBss() throws Exception {
        Ram ram = new Ram(0x4000_0000L, 1 << 20);
        ram.write(0x4009_0050L, 8, -1L); // .bss must be cleared by the load
        ElfImage.read(TestImages.path("hello.elf")).load(ram);
        assertEquals(0x58000201L, ram.read(0x4008_0000L, 4));
        assertEquals(0, ram.read(0x4009_0050L, 8));
    }

    @Test
    void refusesSegmentsOutsideRam() throws Exception {
        Ram small = new Ram(0x4000_0000L, 0x8_0000 + 0x100); // ends inside the .bss
        ImageException e = assertThrows(ImageException.class,
                () -> ElfImage.read(TestImages.path("hello.elf")).load(small));
        assertEquals("segment 0x40080000-0x40090060 outside RAM 0x40000000-0x40080100", e.getMessage());
        assertEquals(0, small.read(0x4008_0000L, 4)); // nothing loaded
    }

    @Test
    void rawImageLoadsAtItsAddress() throws Exception {
        RawImage raw = new RawImage("x.bin", 0x4010_0000L, new byte[] { 1, 2 });
        assertEquals(0x4010_0000L, raw.entry());
        Ram ram = new Ram(0x4000_0000L, 2 << 20);
        raw.load(ram);
        assertEquals(0x0201, ram.read(0x4010_0000L, 2));
        RawImage far = new RawImage("y.bin", 0x5000_0000L, new byte[4]);
        assertThrows(ImageException.class, () -> far.load(ram));
    }

    private static void assertMessage(String expected, byte[] bytes) {
        ImageException e = assertThrows(ImageException.class, () -> ElfImage.parse(bytes, "t.elf"));
        assertEquals(expected, e.getMessage());
    }
}
