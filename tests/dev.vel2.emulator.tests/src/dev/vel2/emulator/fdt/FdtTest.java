// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.fdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FdtTest {

    private static FdtNode sample() {
        FdtNode root = new FdtNode("");
        root.cells("#address-cells", 2).cells("#size-cells", 2).strings("compatible", "linux,dummy-virt");
        root.add("memory@40000000").strings("device_type", "memory").u64s("reg", 0x4000_0000L, 0x800_0000L);
        FdtNode intc = root.add("intc@8000000").flag("interrupt-controller").cells("#interrupt-cells", 3);
        intc.add("v2m@8020000").strings("compatible", "arm,gic-v2m-frame");
        root.add("chosen").strings("bootargs", "console=ttyAMA0 quiet");
        return root;
    }

    @Test
    void writesWhatItReadsBack() throws Exception {
        byte[] blob = Fdt.write(sample());
        assertTrue(Fdt.isFdt(blob));
        FdtNode back = Fdt.read(blob);
        assertArrayEquals(blob, Fdt.write(back));
        assertEquals("console=ttyAMA0 quiet", back.find("/chosen").orElseThrow().stringOf("bootargs").orElseThrow());
        assertArrayEquals(new long[] { 0, 0x4000_0000L, 0, 0x800_0000L },
                back.find("/memory").orElseThrow().cellsOf("reg").orElseThrow());
        assertTrue(back.find("/intc@8000000/v2m@8020000").isPresent());
        assertEquals(0, back.find("/intc").orElseThrow().property("interrupt-controller").orElseThrow().length);
    }

    @Test
    void headerIsDtcsLayout() {
        byte[] blob = Fdt.write(sample());
        assertEquals(Fdt.MAGIC, FdtNode.getU32(blob, 0));
        assertEquals(blob.length, FdtNode.getU32(blob, 4)); // totalsize
        assertEquals(0x38, FdtNode.getU32(blob, 8)); // structure block after the header and one empty reservation
        assertEquals(0x28, FdtNode.getU32(blob, 16)); // memory reservation block
        assertEquals(17, FdtNode.getU32(blob, 20));
        assertEquals(16, FdtNode.getU32(blob, 24));
        // property names are stored once in the strings block
        String strings = new String(blob, (int) FdtNode.getU32(blob, 12), (int) FdtNode.getU32(blob, 32));
        assertEquals(strings.indexOf("compatible"), strings.lastIndexOf("compatible"));
    }

    @Test
    void badBlobsGetOneLineMessages() {
        byte[] blob = Fdt.write(sample());
        assertEquals("not a flattened device tree (no 0xd00dfeed magic)",
                assertThrows(FdtException.class, () -> Fdt.read(new byte[64])).getMessage());
        FdtException truncated = assertThrows(FdtException.class,
                () -> Fdt.read(Arrays.copyOf(blob, blob.length - 8)));
        assertTrue(truncated.getMessage().startsWith("truncated"), truncated.getMessage());
        byte[] badToken = blob.clone();
        FdtNode.putU32(badToken, 0x38, 7); // the root's BEGIN_NODE becomes token 7
        assertEquals("bad token 0x7 at offset 56", assertThrows(FdtException.class, () -> Fdt.read(badToken))
                .getMessage());
        byte[] unterminated = blob.clone();
        FdtNode.putU32(unterminated, 36, FdtNode.getU32(blob, 36) - 4); // the structure block loses FDT_END
        assertThrows(FdtException.class, () -> Fdt.read(unterminated));
        for (String m : new String[] { truncated.getMessage() }) {
            assertFalse(m.contains("\n"));
        }
    }
}
