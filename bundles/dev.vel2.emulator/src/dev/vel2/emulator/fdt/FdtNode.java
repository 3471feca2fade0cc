// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.fdt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a flattened device tree (Devicetree Specification v0.4, chapter 2): a name ({@code "memory@40000000"},
 * {@code ""} for the root), properties in the order they were set, and children in order. Property values are
 * the raw big-endian bytes of the blob; the typed setters write them as DTS would ({@code <cells>}, strings, an empty
 * value for a boolean property). Mutable while a tree is built or patched; {@link Fdt} reads and writes it.
 */
public final class FdtNode {
    private final String name;
    private final Map<String, byte[]> properties = new LinkedHashMap<>();
    private final List<FdtNode> children = new ArrayList<>();

    public FdtNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, byte[]> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public List<FdtNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** Adds a child node and returns it, for building: {@code root.add("cpus").cells("#size-cells", 0)}. */
    public FdtNode add(String childName) {
        FdtNode n = new FdtNode(childName);
        children.add(n);
        return n;
    }

    /** The child named {@code childName}, or (when no child has that exact name) the one whose name before '@' is. */
    public Optional<FdtNode> child(String childName) {
        for (FdtNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        for (FdtNode c : children) {
            int at = c.name.indexOf('@');
            if (at >= 0 && c.name.substring(0, at).equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Removes every child named {@code nodeName} or {@code nodeName@unit-address}. */
    public void removeChildren(String nodeName) {
        children.removeIf(c -> c.name.equals(nodeName) || c.name.startsWith(nodeName + "@"));
    }

    /** The child {@code childName}, added when missing. */
    public FdtNode childOrAdd(String childName) {
        return child(childName).orElseGet(() -> add(childName));
    }

    /** The node at an absolute path ({@code "/chosen"}, {@code "/"}), or empty. */
    public Optional<FdtNode> find(String path) {
        FdtNode n = this;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<FdtNode> c = n.child(part);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            n = c.get();
        }
        return Optional.of(n);
    }

    public FdtNode bytes(String property, byte[] value) {
        properties.put(property, value.clone());
        return this;
    }

    /** A property without a value ({@code interrupt-controller;}). */
    public FdtNode flag(String property) {
        return bytes(property, new byte[0]);
    }

    /** 32-bit cells: {@code <0x0 0x1 0x4>}. */
    public FdtNode cells(String property, long... cells) {
        byte[] b = new byte[4 * cells.length];
        for (int i = 0; i < cells.length; i++) {
            putU32(b, 4 * i, cells[i]);
        }
        return bytes(property, b);
    }

    /** 64-bit values, each as two cells (high, low): {@code reg} with #address-cells = #size-cells = 2. */
    public FdtNode u64s(String property, long... values) {
        long[] cells = new long[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            cells[2 * i] = values[i] >>> 32;
            cells[2 * i + 1] = values[i] & 0xffff_ffffL;
        }
        return cells(property, cells);
    }

    /** One or more strings, each NUL-terminated: {@code "arm,pl011", "arm,primecell"}. */
    public FdtNode strings(String property, String... values) {
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            s.append(v).append('\0');
        }
        return bytes(property, s.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void remove(String property) {
        properties.remove(property);
    }

    public Optional<byte[]> property(String property) {
        byte[] v = properties.get(property);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    /** The property as a cell list (its length a multiple of 4), or empty. */
    public Optional<long[]> cellsOf(String property) {
        byte[] v = properties.get(property);
        if (v == null || v.length % 4 != 0) {
            return Optional.empty();
        }
        long[] out = new long[v.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = getU32(v, 4 * i);
        }
        return Optional.of(out);
    }

    /** The property's first string, or empty. */
    public Optional<String> stringOf(String property) {
        byte[] v = properties.get(property);
        if (v == null) {
            return Optional.empty();
        }
        int end = 0;
        while (end < v.length && v[end] != 0) {
            end++;
        }
        return Optional.of(new String(v, 0, end, StandardCharsets.UTF_8));
    }

    static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static long getU32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? "/" : name;
    }
}
