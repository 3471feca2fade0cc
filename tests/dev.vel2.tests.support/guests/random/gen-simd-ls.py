#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""isa-simd-ls: random tests of the Advanced SIMD structure loads and stores (LD1-LD4/ST1-ST4 multiple structures
with 1-4 registers, single structure to/from one lane, LD1R-LD4R), every arrangement and element size, without
offset and post-indexed by immediate and by register, with SP as the base too. The base is the scratch buffer
(X28) plus an offset, not always aligned; loads print their registers, stores print `mem`, post-indexed forms also the base register.
Register lists start anywhere in v0-v31, so some wrap from v31 to v0. Run: python3 gen-simd-ls.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from randprog import Program  # noqa: E402

ARRANGEMENTS = [("8b", 0, 8), ("16b", 0, 16), ("4h", 1, 8), ("8h", 1, 16), ("2s", 2, 8), ("4s", 2, 16),
                ("1d", 3, 8), ("2d", 3, 16)]
LIST = "vefg"  # pattern letters of Vt, Vt+1, Vt+2, Vt+3
ELEMENTS = "bhsd"


class Generator:
    def __init__(self):
        self.p = Program("isa-simd-ls", seed=0x51d15)
        self.rng = self.p.rng

    def registers(self, count):
        """Vt..Vt+count-1 (modulo 32) as letters v, e, f, g; X registers: t the base, m the post-index register."""
        first = self.rng.choice([self.rng.randrange(32), 30, 31]) if self.rng.random() < 0.3 else \
            self.rng.randrange(32)
        regs = {LIST[i]: (first + i) % 32 for i in range(count)}
        regs["t"] = self.rng.randrange(16, 27)  # x27 holds the harness's output pointer
        regs["m"] = self.rng.randrange(3, 16)
        regs["d"] = regs["n"] = regs["a"] = 0  # unused: keep randprog from taking the list's registers
        return regs

    def offset(self, esize, span):
        """An offset into the scratch buffer with room for `span` bytes, mostly aligned to the element size (with
        SCTLR_EL1.A clear neither QEMU nor vel2 checks alignment)."""
        if self.rng.random() < 0.3:
            return self.rng.randrange(0, 256 - span + 1)
        return self.rng.randrange(0, (256 - span) // esize + 1) * esize

    def address(self, form, bytes_moved, regs):
        """The address operand and what to load into X registers for `form`: none, imm or reg."""
        if form == "none":
            return "[x{t}]", {}
        if form == "imm":
            return f"[x{{t}}], #{bytes_moved}", {}
        value = self.rng.choice([self.rng.randrange(-256, 256), self.p.x()])
        return "[x{t}], x{m}", {"m": value}

    def test(self, mnemonic, operands, form, moved, esize, load, count):
        """`operands` is the register list as a format string over the list's letters ({{v{v}.4s, v{e}.4s}})."""
        regs = self.registers(count)
        operand, x = self.address(form, moved, regs)
        text = f"add x{{t}}, x28, #{self.offset(esize, moved)}; {mnemonic} {operands}, {operand}"
        vectors = {LIST[i]: self.p.vec() for i in range(count)}
        outs = [f"v{LIST[i]}" for i in range(count)] if load else ["mem"]
        if form != "none":
            outs.append("xt")
        mem = self.refill() if load else None
        self.p.test(text, v=vectors, x=x, mem=mem, out=outs, regs=regs)

    def refill(self):
        """New random bytes for some loads; the others read what the tests before left (the image stays small)."""
        return self.p.rand_bits(256) if self.rng.random() < 0.2 else None

    @staticmethod
    def register_list(count, suffix):
        return "{{" + ", ".join(f"v{{{LIST[i]}}}.{suffix}" for i in range(count)) + "}}"

    def multiple(self):
        for load in (True, False):
            op = "ld" if load else "st"
            for selem in (1, 2, 3, 4):
                for arrangement, size, regbytes in ARRANGEMENTS:
                    if selem > 1 and arrangement == "1d":
                        continue
                    for form in ("none", "imm", "reg"):
                        for count in ((1, 2, 3, 4) if selem == 1 else (selem,)):
                            moved = regbytes * count
                            self.test(f"{op}{selem}", self.register_list(count, arrangement), form, moved,
                                      1 << size, load, count)

    def single(self):
        for load in (True, False):
            op = "ld" if load else "st"
            for selem in (1, 2, 3, 4):
                for size in range(4):
                    lanes = 16 >> size
                    for form in ("none", "imm", "reg"):
                        for index in sorted({0, lanes - 1, self.rng.randrange(lanes)}):
                            moved = selem << size
                            self.test(f"{op}{selem}", self.register_list(selem, ELEMENTS[size]) + f"[{index}]",
                                      form, moved, 1 << size, load, selem)

    def replicate(self):
        for selem in (1, 2, 3, 4):
            for arrangement, size, _ in ARRANGEMENTS:
                for form in ("none", "imm", "reg"):
                    moved = selem << size
                    self.test(f"ld{selem}r", self.register_list(selem, arrangement), form, moved, 1 << size,
                              True, selem)

    def stack_pointer(self):
        """SP as the base (x{a} saves SP; the post-indexed SP is printed through x{t})."""
        cases = [("ld1", "{{v{v}.16b, v{e}.16b}}", "[sp], #32", True, 2),
                 ("st2", "{{v{v}.4s, v{e}.4s}}", "[sp], x{m}", False, 2),
                 ("ld3", "{{v{v}.h, v{e}.h, v{f}.h}}[5]", "[sp]", True, 3),
                 ("st4", "{{v{v}.d, v{e}.d, v{f}.d, v{g}.d}}[1]", "[sp], #32", False, 4),
                 ("ld4r", "{{v{v}.8b, v{e}.8b, v{f}.8b, v{g}.8b}}", "[sp], #4", True, 4),
                 ("st1", "{{v{v}.2d, v{e}.2d, v{f}.2d, v{g}.2d}}", "[sp]", False, 4)]
        for mnemonic, reglist, operand, load, count in cases:
            regs = self.registers(count)
            regs["a"] = self.rng.randrange(3, 16)
            while regs["a"] == regs["m"]:
                regs["a"] = self.rng.randrange(3, 16)
            text = (f"mov x{{a}}, sp; add x{{t}}, x28, #{self.offset(16, 64)}; mov sp, x{{t}}; "
                    f"{mnemonic} {reglist}, {operand}; mov x{{t}}, sp; mov sp, x{{a}}")
            x = {"m": self.rng.randrange(-64, 64)} if "x{m}" in operand else {}
            outs = [f"v{LIST[i]}" for i in range(count)] if load else ["mem"]
            self.p.test(text, v={LIST[i]: self.p.vec() for i in range(count)}, x=x,
                        mem=self.refill() if load else None, out=outs + ["xt"], regs=regs)


def main():
    g = Generator()
    g.multiple()
    g.single()
    g.replicate()
    g.stack_pointer()
    here = os.path.dirname(os.path.abspath(__file__))
    g.p.write(os.path.join(here, "..", "isa-simd-ls.S"), "random/gen-simd-ls.py")


if __name__ == "__main__":
    main()
