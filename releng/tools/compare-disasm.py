#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Compares two listings of one binary, aarch64-linux-gnu-objdump -d against vel2 disasm, instruction by
instruction (address, word, text). Encodings of architecture extensions that vel2's Cortex-A57 does not have
(SVE, SME, MTE, MOPS, and the Armv8.2 crypto instructions SHA512, SHA3, SM3, SM4, which ID_AA64ISAR0_EL1 does not
advertise) are left out: vel2 decodes them as UNDEFINED, as the CPU does.

    compare-disasm.py OBJDUMP_LISTING VEL2_LISTING [--show N]

Prints "NAME: N instructions, N compared, N skipped (SVE/SME/MTE/MOPS/v8.2 crypto), N differ", then the most frequent
differing mnemonics and up to N differing lines (default 20). Exit 1 when any compared instruction differs or
when the listings do not hold the same addresses.
"""
import re
import sys
from collections import Counter

LINE = re.compile(r"^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t(.*)$")
MTE = {"irg", "gmi", "subp", "subps", "addg", "subg", "ldg", "stg", "stzg", "st2g", "stz2g", "stgp", "ldgm",
       "stgm", "stzgm"}
MOPS = re.compile(r"^(cpy|set)[a-z]*$")
CRYPTO_V82 = re.compile(r"^(sha512[a-z0-9]*|eor3|rax1|xar|bcax|sm3[a-z0-9]*|sm4[a-z]*)$")


def listing(path):
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if m:
                out[int(m.group(1), 16)] = (int(m.group(2), 16), m.group(3).rstrip())
    return out


def extension(word, text):
    """SVE (op0 = 0010), SME (op0 = 0000 with bit 31 set), MTE, MOPS or Armv8.2 crypto: not on this CPU."""
    op0 = (word >> 25) & 0xF
    if op0 == 0b0010 or (op0 == 0 and word >> 31):
        return True
    mnemonic = text.split("\t")[0].split(" ")[0]
    if mnemonic in MTE or MOPS.match(mnemonic) or CRYPTO_V82.match(mnemonic):
        return True
    # DC GVA/GZVA and the tag forms of DC (MTE)
    return mnemonic == "dc" and re.search(r"\b(gva|gzva|[a-z]*g[a-z]*vac|igv?d?sw|cgv?d?sw|cigv?d?sw|igd?vac)\b",
                                          text) is not None


def main(argv):
    show = 20
    args = [a for a in argv[1:]]
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    ref, got = listing(args[0]), listing(args[1])
    name = args[0].rsplit("/", 1)[-1]
    missing = sorted(set(ref) - set(got))
    extra = sorted(set(got) - set(ref))
    compared = skipped = 0
    bad = []
    for addr in sorted(ref):
        word, text = ref[addr]
        if extension(word, text):
            skipped += 1
            continue
        compared += 1
        if addr not in got:
            continue
        if got[addr] != (word, text):
            bad.append((addr, word, text, got[addr][1]))
    print(f"{name}: {len(ref)} instructions, {compared} compared, {skipped} skipped (SVE/SME/MTE/MOPS/v8.2 crypto), "
          f"{len(bad)} differ" + (f", {len(missing)} missing, {len(extra)} extra" if missing or extra else ""))
    if bad:
        counts = Counter(t.split("\t")[0] for _, _, t, _ in bad)
        print("  by mnemonic: " + ", ".join(f"{m} {n}" for m, n in counts.most_common(40)))
        for addr, word, want, have in bad[:show]:
            print(f"  {addr:x}: {word:08x}  objdump: {want}\n  {' ' * len(f'{addr:x}')}            vel2:    {have}")
    for addr in missing[:5]:
        print(f"  {addr:x}: missing in vel2's listing")
    return 1 if bad or missing or extra else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
