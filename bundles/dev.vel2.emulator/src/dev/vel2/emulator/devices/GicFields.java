// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.devices;

/**
 * The register layouts GICv2 and GICv3 share for per-interrupt state (IHI 0048B 4.3, IHI 0069 12.9): a bit per
 * interrupt (group, set/clear enable, pending, active), a byte per interrupt (priority, targets), two bits per
 * interrupt (configuration: bit 1 of each pair = edge-triggered), over IDs {@code first..first+n} below {@code limit}.
 */
final class GicFields {
    interface IdTest {
        boolean of(int id);
    }

    interface IdValue {
        int of(int id);
    }

    interface IdAction {
        void apply(int id);
    }

    interface IdStore {
        void put(int id, int value);
    }

    private GicFields() {
    }

    static int bits(int first, int limit, IdTest bit) {
        int v = 0;
        for (int b = 0; b < 32 && first + b < limit; b++) {
            v |= bit.of(first + b) ? 1 << b : 0;
        }
        return v;
    }

    static void forBits(int first, int limit, int v, IdAction action) {
        for (int b = 0; b < 32 && first + b < limit; b++) {
            if ((v & (1 << b)) != 0) {
                action.apply(first + b);
            }
        }
    }

    /** Four byte-per-interrupt fields from {@code first} (IDs, or SGIs for the SGI pending registers). */
    static int bytes(int first, int limit, IdValue f) {
        int v = 0;
        for (int i = 0; i < 4 && first + i < limit; i++) {
            v |= (f.of(first + i) & 0xff) << (8 * i);
        }
        return v;
    }

    static void setBytes(int first, int limit, int v, int mask, IdStore f) {
        for (int i = 0; i < 4 && first + i < limit; i++) {
            if ((mask >>> (8 * i) & 0xff) != 0) {
                f.put(first + i, (v >>> (8 * i)) & 0xff);
            }
        }
    }

    /** GICD_ICFGR: two bits per interrupt, bit 1 of each pair = edge-triggered. */
    static int config(int first, int limit, IdTest edge) {
        int v = 0;
        for (int i = 0; i < 16 && first + i < limit; i++) {
            v |= edge.of(first + i) ? 2 << (2 * i) : 0;
        }
        return v;
    }

    /** Sets the edge bits {@code mask} selects; SGIs (IDs below 16) are always edge-triggered, read-only. */
    static void setConfig(int first, int limit, int v, int mask, IdStore edge) {
        for (int i = 0; i < 16 && first + i < limit; i++) {
            if (first + i >= Gicv2.SGIS && (mask & (2 << (2 * i))) != 0) {
                edge.put(first + i, (v & (2 << (2 * i))) != 0 ? 1 : 0);
            }
        }
    }

    static long sizeMask(int size) {
        return size >= 4 ? 0xffff_ffffL : (1L << (8 * size)) - 1;
    }
}
