#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Compares two listings of one binary, aarch64-linux-gnu-objdump -d against vel2 disasm, as a whole: every line
that is not an instruction (file header, section headings, chunk labels such as "0000000000027220 <realloc@plt>:",
"..." zero runs) must be equal, and so must every instruction line (address, word, text). A differing instruction is
counted as a naming difference when only the names of its target differ ("bl d12a4 <BN_BLINDING_free@plt+0x8f4>"
against "bl 0xd12a4"), else as a decoding difference. The encodings of SVE and SME are left out: vel2 does not decode
them further than their encoding spaces (they are UNDEFINED on its Cortex-A57, as the other later features are, whose
encodings vel2 lists); so are MTE's DC tag operations, SYS operations that vel2's register table does not name.

    compare-disasm.py OBJDUMP_LISTING VEL2_LISTING [--show N]

Prints "NAME: N instructions, N compared, N skipped (SVE/SME/DC tags), N differ (N naming, N decoding), N other
lines differ", then the most frequent differing mnemonics and up to N differing lines of each kind (default 20).
Exit 1 when anything differs.
"""
import re
import sys
from collections import Counter

LINE = re.compile(r"^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t(.*)$")
TARGET_NAME = re.compile(r" <[^>]*>")


def listing(path):
    """The instruction lines by address, and every other line in order."""
    insns, other = {}, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = LINE.match(line)
            if m:
                insns[int(m.group(1), 16)] = (int(m.group(2), 16), m.group(3).rstrip())
            else:
                other.append(line)
    return insns, other


def extension(word, text):
    """SVE (op0 = 0010), SME (op0 = 0000 with bit 31 set) or an MTE DC tag operation: not decoded by vel2."""
    op0 = (word >> 25) & 0xF
    if op0 == 0b0010 or (op0 == 0 and word >> 31):
        return True
    mnemonic = text.split("\t")[0].split(" ")[0]
    # DC GVA/GZVA and the tag forms of DC (MTE)
    return mnemonic == "dc" and re.search(r"\b(gva|gzva|[a-z]*g[a-z]*vac|igv?d?sw|cgv?d?sw|cigv?d?sw|igd?vac)\b",
                                          text) is not None


def unnamed(text):
    """The instruction text without target names: "bl\td12a4 <f+0x4>" and "bl\t0xd12a4" both give "bl\td12a4"."""
    return TARGET_NAME.sub("", text).replace("0x", "")


def other_differences(ref, got):
    """(index, objdump's line, vel2's line) for the non-instruction lines that differ, position by position."""
    out = [(i, a, b) for i, (a, b) in enumerate(zip(ref, got)) if a != b]
    for i in range(min(len(ref), len(got)), max(len(ref), len(got))):
        out.append((i, ref[i] if i < len(ref) else "(none)", got[i] if i < len(got) else "(none)"))
    return out


def main(argv):
    show = 20
    args = list(argv[1:])
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    (ref, ref_other), (got, got_other) = listing(args[0]), listing(args[1])
    name = args[0].rsplit("/", 1)[-1]
    missing = sorted(set(ref) - set(got))
    extra = sorted(set(got) - set(ref))
    compared = skipped = 0
    naming, decoding = [], []
    for addr in sorted(ref):
        word, text = ref[addr]
        if extension(word, text):
            skipped += 1
            continue
        compared += 1
        if addr not in got or got[addr] == (word, text):
            continue
        bad = (addr, word, text, got[addr][1])
        (naming if got[addr][0] == word and unnamed(got[addr][1]) == unnamed(text) else decoding).append(bad)
    other = other_differences(ref_other, got_other)
    print(f"{name}: {len(ref)} instructions, {compared} compared, {skipped} skipped (SVE/SME/DC tags), "
          f"{len(naming) + len(decoding)} differ ({len(naming)} naming, {len(decoding)} decoding), "
          f"{len(other)} other lines differ" + (f", {len(missing)} missing, {len(extra)} extra" if missing or extra
                                                else ""))
    for kind, bad in (("naming", naming), ("decoding", decoding)):
        if not bad:
            continue
        counts = Counter(t.split("\t")[0] for _, _, t, _ in bad)
        print(f"  {kind}, by mnemonic: " + ", ".join(f"{m} {n}" for m, n in counts.most_common(40)))
        for addr, word, want, have in bad[:show]:
            print(f"  {addr:x}: {word:08x}  objdump: {want}\n  {' ' * len(f'{addr:x}')}            vel2:    {have}")
    for i, want, have in other[:show]:
        print(f"  other line {i}: objdump: {want!r}\n  {' ' * len(str(i))}             vel2:    {have!r}")
    for addr in missing[:5]:
        print(f"  {addr:x}: missing in vel2's listing")
    return 1 if naming or decoding or other or missing or extra else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
