// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Guest RAM: a little-endian byte array at a physical base address. */
public final class Ram {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long base;
    private final byte[] bytes;

    public Ram(long base, int size) {
        this.base = base;
        this.bytes = new byte[size];
    }

    public long base() {
        return base;
    }

    public long size() {
        return bytes.length;
    }

    public boolean contains(long pa, int size) {
        long off = pa - base;
        return off >= 0 && off <= bytes.length - size;
    }

    /** Reads {@code size} bytes at physical address {@code pa}, zero-extended; the caller checked the range. */
    public long read(long pa, int size) {
        int o = (int) (pa - base);
        return switch (size) {
            case 1 -> bytes[o] & 0xffL;
            case 2 -> (short) I16.get(bytes, o) & 0xffffL;
            case 4 -> (int) I32.get(bytes, o) & 0xffffffffL;
            default -> (long) I64.get(bytes, o);
        };
    }

    public void write(long pa, int size, long v) {
        int o = (int) (pa - base);
        switch (size) {
            case 1 -> bytes[o] = (byte) v;
            case 2 -> I16.set(bytes, o, (short) v);
            case 4 -> I32.set(bytes, o, (int) v);
            default -> I64.set(bytes, o, v);
        }
    }

    public int read32(long pa) {
        return (int) I32.get(bytes, (int) (pa - base));
    }

    /** Copies {@code data} into RAM at {@code pa} (loaders, debuggers). */
    public void load(long pa, byte[] data, int from, int length) {
        System.arraycopy(data, from, bytes, (int) (pa - base), length);
    }

    public void copyOut(long pa, byte[] dst, int from, int length) {
        System.arraycopy(bytes, (int) (pa - base), dst, from, length);
    }
}
