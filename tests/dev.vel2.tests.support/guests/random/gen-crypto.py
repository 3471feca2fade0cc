#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""isa-crypto: random tests of the cryptographic extension the Cortex-A57 advertises (AESE, AESD, AESMC, AESIMC;
SHA1C, SHA1P, SHA1M, SHA1H, SHA1SU0, SHA1SU1; SHA256H, SHA256H2, SHA256SU0, SHA256SU1; PMULL/PMULL2 of 8-bit and
64-bit elements) and of CRC32B/H/W/X and CRC32CB/CH/CW/CX, some with a destination that is also a source.
Run: python3 gen-crypto.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from randprog import Program  # noqa: E402

TESTS = 40


def main():
    p = Program("isa-crypto", seed=0xc4c)
    rng = p.rng
    edges64 = [0, 1, (1 << 64) - 1, 1 << 63, 0x8000000000000001, 0x87]  # PMULL: the GCM reduction constant too

    def same(*letters):
        """Now and then a destination that is also a source (the instruction reads it before it writes); else
        randprog's distinct registers."""
        if rng.random() < 0.25:
            d = rng.randrange(16)
            return {letter: d for letter in letters}
        return None

    for mnemonic in ("aese", "aesd", "aesmc", "aesimc"):
        for _ in range(TESTS):
            regs = same("d", "n")
            p.test(f"{mnemonic} v{{d}}.16b, v{{n}}.16b", v={"d": p.vec(), "n": p.vec()}, regs=regs)
    for mnemonic, e in (("sha1c", "s"), ("sha1p", "s"), ("sha1m", "s"), ("sha256h", "q"), ("sha256h2", "q")):
        for _ in range(TESTS):
            regs = same("d", "m") if rng.random() < 0.5 else same("d", "n")
            p.test(f"{mnemonic} q{{d}}, {e}{{n}}, v{{m}}.4s", v={"d": p.vec(4), "n": p.vec(4), "m": p.vec(4)},
                   regs=regs)
    for mnemonic in ("sha1su0", "sha256su1"):
        for _ in range(TESTS):
            p.test(f"{mnemonic} v{{d}}.4s, v{{n}}.4s, v{{m}}.4s", v={"d": p.vec(4), "n": p.vec(4), "m": p.vec(4)})
    for mnemonic in ("sha1su1", "sha256su0"):
        for _ in range(TESTS):
            p.test(f"{mnemonic} v{{d}}.4s, v{{n}}.4s", v={"d": p.vec(4), "n": p.vec(4)}, regs=same("d", "n"))
    for _ in range(TESTS):
        p.test("sha1h s{d}, s{n}", v={"d": p.vec(), "n": p.vec(4)}, regs=same("d", "n"))
    for mnemonic, arrangement in (("pmull", "8b"), ("pmull2", "16b")):
        for _ in range(TESTS):
            p.test(f"{mnemonic} v{{d}}.8h, v{{n}}.{arrangement}, v{{m}}.{arrangement}",
                   v={"d": p.vec(), "n": p.vec(1), "m": p.vec(1)})
    for mnemonic, arrangement in (("pmull", "1d"), ("pmull2", "2d")):
        for _ in range(TESTS):
            p.test(f"{mnemonic} v{{d}}.1q, v{{n}}.{arrangement}, v{{m}}.{arrangement}",
                   v={"d": p.vec(), "n": p.vec(8, edges64), "m": p.vec(8, edges64)}, regs=same("d", "n"))
    for polynomial in ("", "c"):
        for size, register in (("b", "w"), ("h", "w"), ("w", "w"), ("x", "x")):
            for _ in range(TESTS // 2):
                m = "{m}" if rng.random() < 0.9 else "zr"
                p.test(f"crc32{polynomial}{size} w{{d}}, w{{n}}, {register}{m}", x={"n": p.x(), "m": p.x()},
                       out=["xd"], regs=same("d", "n"))
    here = os.path.dirname(os.path.abspath(__file__))
    p.write(os.path.join(here, "..", "isa-crypto.S"), "random/gen-crypto.py")


if __name__ == "__main__":
    main()
