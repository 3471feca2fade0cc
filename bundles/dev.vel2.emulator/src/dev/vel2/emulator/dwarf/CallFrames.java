// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CIEs and FDEs of one call frame information section (DWARF 5 section 6.4.1 for {@code .debug_frame}; the LSB's
 * "Exception Frames" for {@code .eh_frame}, with its augmentations "zR", "zPLR", "zPLRS"... and pointer encodings),
 * indexed by the addresses the FDEs cover. Entries that cannot be read are left out; one warning per section says how
 * many and why the first one failed.
 */
final class CallFrames {

    /** A CIE: what its FDEs share, and where its initial instructions are. */
    record Cie(int version, String augmentation, int addressSize, long codeAlignment, long dataAlignment,
            int returnAddressRegister, int fdeEncoding, boolean augmentationData, int instructions, int end) {
    }

    /** An FDE: the code [low, high) it describes, its CIE and where its instructions are. */
    record Fde(long low, long high, Cie cie, int instructions, int end) {
    }

    final ByteBuffer data;
    final String name;
    final boolean eh;
    private final long sectionAddress;
    private final Map<Long, Cie> cies = new HashMap<>();
    private final List<Fde> fdes = new ArrayList<>();
    private final RangeIndex index;
    private int bad;
    private String firstProblem;
    /** Where a length that cannot be right stopped the reading (-1: it went to the end), and why. */
    private long stoppedAt = -1;
    private String stopProblem;

    CallFrames(ByteBuffer data, String name, boolean eh, long sectionAddress, Warnings warnings) {
        this.data = data;
        this.name = name;
        this.eh = eh;
        this.sectionAddress = sectionAddress;
        read();
        long[][] pairs = new long[fdes.size()][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new long[] { fdes.get(i).low(), fdes.get(i).high() };
        }
        index = new RangeIndex(pairs);
        if (bad > 0) {
            warnings.add(firstProblem + "; " + bad + (bad == 1 ? " entry" : " entries") + " of " + name + " left out");
        }
        if (stoppedAt >= 0) {
            warnings.add(stopProblem + "; the entries from 0x" + Long.toHexString(stoppedAt) + " on are left out");
        }
    }

    /** The FDE that covers {@code pc} (of nested ones, the innermost), or null. */
    Fde fde(long pc) {
        Fde[] found = { null };
        index.holding(pc, piece -> {
            if (found[0] == null) {
                found[0] = fdes.get(index.owner(piece));
            }
        });
        return found[0];
    }

    int size() {
        return fdes.size();
    }

    private void problem(String what) {
        if (bad++ == 0) {
            firstProblem = what;
        }
    }

    private void read() {
        DwarfCursor c = new DwarfCursor(data, name);
        long offset = 0;
        while (offset < data.limit()) {
            long end;
            try {
                c.seek(offset);
                long length = c.initialLength();
                if (length == 0) { // .eh_frame's terminator; a padding word elsewhere
                    if (eh) {
                        return;
                    }
                    offset = c.position();
                    continue;
                }
                end = c.position() + length;
                c.limitTo(end);
            } catch (RuntimeException e) {
                stoppedAt = offset;
                stopProblem = DebugInfo.problem(e);
                return;
            }
            try {
                entry(c, offset);
            } catch (RuntimeException e) {
                problem(DebugInfo.problem(e));
            }
            c = new DwarfCursor(data, name);
            offset = end;
        }
    }

    /** The CIE or FDE at {@code offset}, its length read: c is at its CIE id / CIE pointer. */
    private void entry(DwarfCursor c, long offset) {
        boolean is64 = c.dwarf64();
        int idAt = c.position();
        long id = c.offset(is64);
        boolean cie = eh ? id == 0 : id == (is64 ? -1L : 0xffffffffL);
        if (cie) {
            cies.put(offset, cie(c));
            return;
        }
        long cieOffset = eh ? idAt - id : id;
        Cie owner = cieAt(cieOffset, is64);
        long low = eh ? pointer(c, owner.fdeEncoding(), false) : c.unsigned(owner.addressSize());
        long length = eh ? pointer(c, owner.fdeEncoding() & 0x0f, false) : c.unsigned(owner.addressSize());
        if (owner.augmentationData()) {
            c.skip(c.uleb());
        }
        if (length != 0) {
            fdes.add(new Fde(low, low + length, owner, c.position(), c.limit()));
        }
    }

    private Cie cieAt(long offset, boolean is64) {
        Cie known = cies.get(offset);
        if (known != null) {
            return known;
        }
        DwarfCursor c = DwarfCursor.at(data, name, offset);
        long length = c.initialLength();
        c.limitTo(c.position() + length);
        long id = c.offset(c.dwarf64());
        if (id != (eh ? 0 : c.dwarf64() ? -1L : 0xffffffffL)) {
            throw c.bad("FDE refers to 0x" + Long.toHexString(offset) + ", which is not a CIE");
        }
        Cie cie = cie(c);
        cies.put(offset, cie);
        return cie;
    }

    private Cie cie(DwarfCursor c) {
        int version = c.u8();
        if (version != 1 && version != 3 && !(version == 4 && !eh)) {
            throw c.bad("CIE version " + version + " (1, 3 and, in .debug_frame, 4 are read)");
        }
        String augmentation = c.cstring();
        int addressSize = 8;
        if (version == 4) {
            addressSize = c.u8();
            int segment = c.u8();
            if (segment != 0 || (addressSize != 4 && addressSize != 8)) {
                throw c.bad("CIE with " + addressSize + "-byte addresses and " + segment + "-byte segments");
            }
        }
        if (augmentation.contains("eh")) {
            c.unsigned(addressSize); // GCC 2's eh_ptr
        }
        long codeAlignment = c.uleb();
        long dataAlignment = c.sleb();
        int returnAddress = version == 1 ? c.u8() : c.ulebInt();
        int fdeEncoding = Dw.EH_PE_ABSPTR;
        boolean z = augmentation.startsWith("z");
        if (z) {
            long length = c.uleb();
            int end = c.position() + (int) Math.min(length, Integer.MAX_VALUE - c.position());
            for (int i = 1; i < augmentation.length(); i++) {
                switch (augmentation.charAt(i)) {
                    case 'L' -> c.u8(); // the LSDA pointers' encoding: in the FDEs' augmentation data
                    case 'P' -> pointer(c, c.u8() & ~Dw.EH_PE_INDIRECT, true); // the personality routine
                    case 'R' -> fdeEncoding = c.u8();
                    default -> i = augmentation.length(); // 'S', 'B', 'G' and unknown ones: the length skips them
                }
            }
            c.seek(end);
        } else if (!augmentation.isEmpty() && !augmentation.equals("eh")) {
            throw c.bad("CIE augmentation \"" + augmentation + "\" without 'z': its FDEs cannot be read");
        }
        return new Cie(version, augmentation, addressSize, codeAlignment, dataAlignment, returnAddress, fdeEncoding,
                z, c.position(), c.limit());
    }

    /**
     * A pointer of {@code encoding} (DW_EH_PE_*: a format in the low nibble, how it applies in bits 4-6): absolute or
     * relative to where it is stored (pcrel). Other bases (text, data, function) are not known here: such a pointer
     * is malformed unless {@code unused} (the personality routine's, read past).
     */
    long pointer(DwarfCursor c, int encoding, boolean unused) {
        if (encoding == Dw.EH_PE_OMIT) {
            return 0;
        }
        long at = sectionAddress + c.position();
        long v = switch (encoding & 0x0f) {
            case Dw.EH_PE_ABSPTR -> c.u64();
            case Dw.EH_PE_ULEB128 -> c.uleb();
            case Dw.EH_PE_UDATA2 -> c.u16();
            case Dw.EH_PE_UDATA4 -> c.u32();
            case Dw.EH_PE_UDATA8, Dw.EH_PE_SDATA8 -> c.u64();
            case Dw.EH_PE_SLEB128 -> c.sleb();
            case Dw.EH_PE_SDATA2 -> (short) c.u16();
            case Dw.EH_PE_SDATA4 -> (int) c.u32();
            default -> throw c.bad("pointer encoding 0x" + Integer.toHexString(encoding));
        };
        return switch (encoding & 0x70) {
            case 0 -> v;
            case Dw.EH_PE_PCREL -> v + at;
            default -> {
                if (!unused) {
                    throw c.bad("pointer encoding 0x" + Integer.toHexString(encoding) + " (only absolute and pcrel)");
                }
                yield v;
            }
        };
    }
}
