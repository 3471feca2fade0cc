// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.fdt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flattened device tree blob (Devicetree Specification v0.4, chapter 5): {@link #write} lays a tree out as
 * dtc does (header, memory reservation block, structure block, strings block; version 17, last compatible 16),
 * {@link #read} parses and checks one. No Java library is kept for this on Maven Central, and the format is small.
 */
public final class Fdt {
    public static final long MAGIC = 0xd00dfeedL;
    private static final int HEADER_SIZE = 40;
    private static final int BEGIN_NODE = 1;
    private static final int END_NODE = 2;
    private static final int PROP = 3;
    private static final int NOP = 4;
    private static final int END = 9;

    private Fdt() {
    }

    /** True when {@code blob} starts with the FDT magic. */
    public static boolean isFdt(byte[] blob) {
        return blob.length >= 4 && FdtNode.getU32(blob, 0) == MAGIC;
    }

    /** The blob of {@code root} with an empty memory reservation block. */
    public static byte[] write(FdtNode root) {
        return write(root, 0);
    }

    /**
     * The blob of {@code root}, its totalsize at least {@code minTotal}: the free space after the strings block is
     * zeros (room an editor such as a boot loader may use; the kernel reserves the whole totalsize).
     */
    public static byte[] write(FdtNode root, int minTotal) {
        Map<String, Integer> names = new LinkedHashMap<>();
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteArrayOutputStream struct = new ByteArrayOutputStream();
        node(root, struct, strings, names);
        token(struct, END);
        byte[] st = struct.toByteArray();
        byte[] sg = strings.toByteArray();
        int rsvmap = HEADER_SIZE; // 8-byte aligned
        int structOff = rsvmap + 16; // one terminating (0, 0) entry
        int stringsOff = structOff + st.length;
        int total = Math.max(stringsOff + sg.length, minTotal);
        byte[] out = new byte[total];
        long[] header = { MAGIC, total, structOff, stringsOff, rsvmap, 17, 16, 0, sg.length, st.length };
        for (int i = 0; i < header.length; i++) {
            FdtNode.putU32(out, 4 * i, header[i]);
        }
        System.arraycopy(st, 0, out, structOff, st.length);
        System.arraycopy(sg, 0, out, stringsOff, sg.length);
        return out;
    }

    private static void node(FdtNode n, ByteArrayOutputStream out, ByteArrayOutputStream strings,
            Map<String, Integer> names) {
        token(out, BEGIN_NODE);
        padded(out, (n.name() + '\0').getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> p : n.properties().entrySet()) {
            Integer off = names.get(p.getKey());
            if (off == null) {
                off = strings.size();
                names.put(p.getKey(), off);
                strings.writeBytes((p.getKey() + '\0').getBytes(StandardCharsets.UTF_8));
            }
            token(out, PROP);
            token(out, p.getValue().length);
            token(out, off);
            padded(out, p.getValue());
        }
        for (FdtNode c : n.children()) {
            node(c, out, strings, names);
        }
        token(out, END_NODE);
    }

    private static void token(ByteArrayOutputStream out, long v) {
        byte[] b = new byte[4];
        FdtNode.putU32(b, 0, v);
        out.writeBytes(b);
    }

    private static void padded(ByteArrayOutputStream out, byte[] b) {
        out.writeBytes(b);
        for (int i = b.length; i % 4 != 0; i++) {
            out.write(0);
        }
    }

    /** Parses and checks a blob (header, block bounds, tokens, names); a problem is one {@link FdtException} line. */
    public static FdtNode read(byte[] blob) throws FdtException {
        if (blob.length < HEADER_SIZE || FdtNode.getU32(blob, 0) != MAGIC) {
            throw new FdtException("not a flattened device tree (no 0xd00dfeed magic)");
        }
        long total = FdtNode.getU32(blob, 4);
        long structOff = FdtNode.getU32(blob, 8);
        long stringsOff = FdtNode.getU32(blob, 12);
        long version = FdtNode.getU32(blob, 20);
        long lastCompatible = FdtNode.getU32(blob, 24);
        long stringsSize = FdtNode.getU32(blob, 32);
        long structSize = FdtNode.getU32(blob, 36);
        if (total > blob.length) {
            throw new FdtException("truncated: header says " + total + " bytes, file has " + blob.length);
        }
        if (version < 16 || lastCompatible > 17) {
            throw new FdtException("unsupported version " + version + " (last compatible " + lastCompatible + ")");
        }
        if (structOff + structSize > total || stringsOff + stringsSize > total || structOff < HEADER_SIZE) {
            throw new FdtException("structure or strings block outside the blob");
        }
        return new Parser(blob, (int) structOff, (int) (structOff + structSize), (int) stringsOff,
                (int) stringsSize).parse();
    }

    /** The structure block's tokens into nodes, checking each against the block's bounds. */
    private static final class Parser {
        private final byte[] b;
        private final int end;
        private final int strings;
        private final int stringsSize;
        private int at;

        Parser(byte[] b, int start, int end, int strings, int stringsSize) {
            this.b = b;
            this.at = start;
            this.end = end;
            this.strings = strings;
            this.stringsSize = stringsSize;
        }

        FdtNode parse() throws FdtException {
            Deque<FdtNode> open = new ArrayDeque<>();
            FdtNode root = null;
            while (true) {
                int t = (int) u32();
                switch (t) {
                    case BEGIN_NODE -> {
                        String name = cstring(at, end, "node name");
                        at = align(at + name.getBytes(StandardCharsets.UTF_8).length + 1);
                        if (open.isEmpty()) {
                            if (root != null) {
                                throw new FdtException("more than one root node");
                            }
                            root = new FdtNode(name);
                            open.push(root);
                        } else {
                            open.push(open.peek().add(name));
                        }
                    }
                    case END_NODE -> {
                        if (open.isEmpty()) {
                            throw new FdtException("END_NODE without a node at offset " + (at - 4));
                        }
                        open.pop();
                    }
                    case PROP -> {
                        if (open.isEmpty()) {
                            throw new FdtException("property outside a node at offset " + (at - 4));
                        }
                        int len = (int) u32();
                        long nameOff = u32();
                        if (len < 0 || at + len > end || nameOff >= stringsSize) {
                            throw new FdtException("property at offset " + (at - 12) + " runs outside its block");
                        }
                        String name = cstring(strings + (int) nameOff, strings + stringsSize, "property name");
                        byte[] v = new byte[len];
                        System.arraycopy(b, at, v, 0, len);
                        at = align(at + len);
                        open.peek().bytes(name, v);
                    }
                    case NOP -> { }
                    case END -> {
                        if (root == null || !open.isEmpty()) {
                            throw new FdtException("structure block ends inside a node");
                        }
                        return root;
                    }
                    default -> throw new FdtException("bad token 0x" + Integer.toHexString(t) + " at offset " + (at - 4));
                }
            }
        }

        private long u32() throws FdtException {
            if (at + 4 > end) {
                throw new FdtException("structure block ends without FDT_END");
            }
            long v = FdtNode.getU32(b, at);
            at += 4;
            return v;
        }

        private String cstring(int from, int limit, String what) throws FdtException {
            int i = from;
            while (i < limit && b[i] != 0) {
                i++;
            }
            if (i >= limit) {
                throw new FdtException(what + " at offset " + from + " is not terminated");
            }
            return new String(b, from, i - from, StandardCharsets.UTF_8);
        }

        private static int align(int v) {
            return (v + 3) & ~3;
        }
    }
}
