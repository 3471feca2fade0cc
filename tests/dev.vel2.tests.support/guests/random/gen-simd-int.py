#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Random tests of the AdvSIMD integer instructions (Armv8.0) for vel2 against QEMU: every instruction of the
three same, three different, by element, permute and table lookup classes (isa-simd-int.S) and of the two-register
miscellaneous, across lanes and shift by immediate classes (isa-simd-int-misc.S), in every arrangement and in the
scalar forms, with edge values (0, 1, -1, the minimum and maximum of the lane, shift amounts around the lane size)
that make the saturating instructions set FPSR.QC. Deterministic: run it again after changing it, then
guests/build.sh isa-simd-int isa-simd-int-misc.

    python3 random/gen-simd-int.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from randprog import Program  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = "random/gen-simd-int.py"

ARR = {"8b": 1, "16b": 1, "4h": 2, "8h": 2, "2s": 4, "4s": 4, "2d": 8}
B, BH, HS = ["8b", "16b"], ["8b", "16b", "4h", "8h"], ["4h", "8h", "2s", "4s"]
BHS = ["8b", "16b", "4h", "8h", "2s", "4s"]
BHSD = BHS + ["2d"]
SCALAR = {1: "b", 2: "h", 4: "s", 8: "d"}
WIDE = {"8b": "8h", "16b": "8h", "4h": "4s", "8h": "4s", "2s": "2d", "4s": "2d"}
PAIRS = {"8b": "4h", "16b": "8h", "4h": "2s", "8h": "4s", "2s": "1d", "4s": "2d"}  # pairwise long
UPPER = {"16b", "8h", "4s"}  # the narrow arrangements of the "2" forms
NARROW_OF = {"8h": ("8b", "16b"), "4s": ("4h", "8h"), "2d": ("2s", "4s")}


class Gen:
    def __init__(self, program):
        self.p = program
        self.rng = program.rng

    # ---- operand values

    def lanes(self, esize, count=None):
        """16 bytes of esize-byte lanes, half of them edge values of the lane."""
        bits = 8 * esize
        edges = [0, 1, 2, (1 << bits) - 1, (1 << (bits - 1)) - 1, 1 << (bits - 1), (1 << (bits - 1)) + 1,
                 (1 << bits) - 2, self.rng.getrandbits(3), (1 << bits) - self.rng.getrandbits(3) - 1]
        out = b""
        for _ in range(16 // esize):
            v = self.rng.choice(edges) if self.rng.random() < 0.5 else self.rng.getrandbits(bits)
            out += v.to_bytes(esize, "little")
        return out

    def shifts(self, esize):
        """Lanes whose low byte is a signed shift amount around the lane size (SSHL and friends)."""
        bits = 8 * esize
        out = b""
        for _ in range(16 // esize):
            v = self.rng.getrandbits(bits)
            if self.rng.random() < 0.8:
                s = self.rng.randint(-bits - 2, bits + 2) & 0xFF
                v = (v & ~0xFF) | s
            out += v.to_bytes(esize, "little")
        return out

    def test(self, text, esize, regs=None, m=None):
        v = {"d": self.lanes(esize), "n": self.lanes(esize), "m": m if m is not None else self.lanes(esize)}
        self.p.test(text, v=v, out=["vd"], regs=regs)

    # ---- classes

    def same(self, mnemonics, arrs, reps=2, shift=False):
        for mn in mnemonics.split():
            for a in arrs:
                for _ in range(reps):
                    m = self.shifts(ARR[a]) if shift else None
                    self.test(f"{mn} v{{d}}.{a}, v{{n}}.{a}, v{{m}}.{a}", ARR[a], m=m)

    def same_scalar(self, mnemonics, sizes, reps=3, shift=False):
        for mn in mnemonics.split():
            for e in sizes:
                for _ in range(reps):
                    r = SCALAR[e]
                    self.test(f"{mn} {r}{{d}}, {r}{{n}}, {r}{{m}}", e, m=self.shifts(e) if shift else None)

    def different(self, mnemonics, shape, arrs=BHS, reps=2):
        for mn in mnemonics.split():
            for a in arrs:
                w, two = WIDE[a], "2" if a in UPPER else ""
                text = {"long": f"{mn}{two} v{{d}}.{w}, v{{n}}.{a}, v{{m}}.{a}",
                        "wide": f"{mn}{two} v{{d}}.{w}, v{{n}}.{w}, v{{m}}.{a}",
                        "narrow": f"{mn}{two} v{{d}}.{a}, v{{n}}.{w}, v{{m}}.{w}"}[shape]
                for _ in range(reps):
                    self.test(text, ARR[a] * (2 if shape == "narrow" else 1))

    def misc(self, mnemonics, arrs, suffix="", reps=2):
        for mn in mnemonics.split():
            for a in arrs:
                for _ in range(reps):
                    self.test(f"{mn} v{{d}}.{a}, v{{n}}.{a}{suffix}", ARR[a])

    def misc_scalar(self, mnemonics, sizes, suffix="", reps=3):
        for mn in mnemonics.split():
            for e in sizes:
                for _ in range(reps):
                    r = SCALAR[e]
                    self.test(f"{mn} {r}{{d}}, {r}{{n}}{suffix}", e)

    def shift_amounts(self, esize, right):
        bits = 8 * esize
        lo, hi = (1, bits) if right else (0, bits - 1)
        return sorted({lo, hi, self.rng.randint(lo, hi), self.rng.randint(lo, hi)})

    def shift(self, mnemonics, right, arrs=BHSD):
        for mn in mnemonics.split():
            for a in arrs:
                for s in self.shift_amounts(ARR[a], right):
                    self.test(f"{mn} v{{d}}.{a}, v{{n}}.{a}, #{s}", ARR[a])

    def shift_scalar(self, mnemonics, right, sizes=(8,)):
        for mn in mnemonics.split():
            for e in sizes:
                for s in self.shift_amounts(e, right):
                    r = SCALAR[e]
                    self.test(f"{mn} {r}{{d}}, {r}{{n}}, #{s}", e)

    def shift_narrow(self, mnemonics, scalar=False):
        for mn in mnemonics.split():
            for w, (n64, n128) in NARROW_OF.items():
                e = ARR[n64]
                for s in self.shift_amounts(e, True):
                    if scalar:
                        self.test(f"{mn} {SCALAR[e]}{{d}}, {SCALAR[2 * e]}{{n}}, #{s}", 2 * e)
                    else:
                        narrow = self.rng.choice([n64, n128])
                        two = "2" if narrow == n128 else ""
                        self.test(f"{mn}{two} v{{d}}.{narrow}, v{{n}}.{w}, #{s}", 2 * e)

    def element(self, mnemonics, shape, scalar=False, reps=2):
        for mn in mnemonics.split():
            for a in HS:
                e = ARR[a]
                t = SCALAR[e]
                for _ in range(reps):
                    i = self.rng.randrange(16 // e)
                    # a halfword element's Vm is V0-V15, which the random registers always are
                    if scalar:
                        d = SCALAR[2 * e] if shape == "long" else t
                        text = f"{mn} {d}{{d}}, {t}{{n}}, v{{m}}.{t}[{i}]"
                    elif shape == "long":
                        two = "2" if a in UPPER else ""
                        text = f"{mn}{two} v{{d}}.{WIDE[a]}, v{{n}}.{a}, v{{m}}.{t}[{i}]"
                    else:
                        text = f"{mn} v{{d}}.{a}, v{{n}}.{a}, v{{m}}.{t}[{i}]"
                    self.test(text, e)
                if scalar:
                    break  # the scalar forms have one arrangement per element size

    def table(self, mnemonic):
        for regs in range(1, 5):
            for a in B:
                for first in (self.rng.randrange(16, 28 - regs + 1), 31):
                    names = "tuvw"[:regs]
                    given = {names[i]: (first + i) % 32 for i in range(regs)}
                    table = ", ".join(f"v{{{x}}}.16b" for x in names)
                    index = bytes(self.rng.randrange(16 * regs + 8) if self.rng.random() < 0.8
                                  else self.rng.getrandbits(8) for _ in range(16))
                    v = {x: self.lanes(1) for x in names}
                    v.update({"d": self.lanes(1), "m": index})
                    self.p.test(f"{mnemonic} v{{d}}.{a}, {{{{{table}}}}}, v{{m}}.{a}", v=v, out=["vd"], regs=given)


def three_operand_classes(g):
    """isa-simd-int: three same, three different, by element, permute, table lookup."""
    g.same("shadd uhadd srhadd urhadd shsub uhsub smax umax smin umin sabd uaba saba uabd", BHS)
    g.same("sqadd uqadd sqsub uqsub cmgt cmhi cmge cmhs cmtst cmeq", BHSD)
    g.same("sshl ushl srshl urshl sqshl uqshl sqrshl uqrshl", BHSD, shift=True)
    g.same("mla mls mul smaxp umaxp sminp uminp", BHS)
    g.same("pmul", B)
    g.same("sqdmulh sqrdmulh", HS, reps=3)
    g.same("addp uzp1 uzp2 trn1 trn2 zip1 zip2", BHSD)
    g.same_scalar("sqadd uqadd sqsub uqsub", (1, 2, 4, 8))
    g.same_scalar("sqshl uqshl sqrshl uqrshl", (1, 2, 4, 8), shift=True)
    g.same_scalar("sshl ushl srshl urshl", (8,), shift=True)
    g.same_scalar("cmgt cmhi cmge cmhs cmtst cmeq", (8,))
    g.same_scalar("sqdmulh sqrdmulh", (2, 4))
    g.different("saddl uaddl ssubl usubl sabal uabal sabdl uabdl smlal umlal smlsl umlsl smull umull", "long")
    g.different("sqdmlal sqdmlsl sqdmull", "long", arrs=HS, reps=3)
    g.different("saddw uaddw ssubw usubw", "wide")
    g.different("addhn raddhn subhn rsubhn", "narrow")
    for mn in "sqdmlal sqdmlsl sqdmull".split():
        for e in (2, 4):
            for _ in range(3):
                g.test(f"{mn} {SCALAR[2 * e]}{{d}}, {SCALAR[e]}{{n}}, {SCALAR[e]}{{m}}", e)
    g.element("mul mla mls sqdmulh sqrdmulh", "same")
    g.element("smull umull smlal umlal smlsl umlsl sqdmull sqdmlal sqdmlsl", "long")
    g.element("sqdmulh sqrdmulh", "same", scalar=True, reps=3)
    g.element("sqdmull sqdmlal sqdmlsl", "long", scalar=True, reps=3)
    g.table("tbl")
    g.table("tbx")


def two_operand_classes(g):
    """isa-simd-int-misc: two-register miscellaneous, across lanes, shift by immediate."""
    g.misc("rev64 cls clz", BHS)
    for mn in "saddlp uaddlp sadalp uadalp".split():
        for a in BHS:
            for _ in range(2):
                g.test(f"{mn} v{{d}}.{PAIRS[a]}, v{{n}}.{a}", ARR[a])
    g.misc("rev32", BH)
    g.misc("rev16 rbit", B)
    g.misc("suqadd usqadd sqabs sqneg abs neg", BHSD)
    g.misc("cmgt cmge cmeq cmle cmlt", BHSD, suffix=", #0")
    for mn in "xtn sqxtn uqxtn sqxtun".split():
        for w, narrow in NARROW_OF.items():
            for a in narrow:
                for _ in range(2):
                    g.test(f"{mn}{'2' if a in UPPER else ''} v{{d}}.{a}, v{{n}}.{w}", 2 * ARR[a])
    for a in BHS:
        g.test(f"shll{'2' if a in UPPER else ''} v{{d}}.{WIDE[a]}, v{{n}}.{a}, #{8 * ARR[a]}", ARR[a])
    g.misc_scalar("suqadd usqadd sqabs sqneg", (1, 2, 4, 8))
    g.misc_scalar("abs neg", (8,))
    g.misc_scalar("cmgt cmge cmeq cmle cmlt", (8,), suffix=", #0")
    for mn in "sqxtn uqxtn sqxtun".split():
        for e in (1, 2, 4):
            for _ in range(3):
                g.test(f"{mn} {SCALAR[e]}{{d}}, {SCALAR[2 * e]}{{n}}", 2 * e)
    for mn in "saddlv uaddlv smaxv umaxv sminv uminv addv".split():
        for a in ["8b", "16b", "4h", "8h", "4s"]:
            for _ in range(2):
                e = ARR[a]
                r = SCALAR[2 * e] if mn.endswith("lv") else SCALAR[e]
                g.test(f"{mn} {r}{{d}}, v{{n}}.{a}", e)
    for _ in range(3):
        g.test("addp d{d}, v{n}.2d", 8)
    g.shift("sshr ushr ssra usra srshr urshr srsra ursra sri", True)
    g.shift("shl sli sqshlu sqshl uqshl", False)
    g.shift_scalar("sshr ushr ssra usra srshr urshr srsra ursra sri", True)
    g.shift_scalar("shl sli", False)
    g.shift_scalar("sqshlu sqshl uqshl", False, sizes=(1, 2, 4, 8))
    g.shift_narrow("shrn rshrn sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun")
    g.shift_narrow("sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun", scalar=True)
    for mn, alias in (("sshll", "sxtl"), ("ushll", "uxtl")):
        for a in BHS:
            two = "2" if a in UPPER else ""
            for s in g.shift_amounts(ARR[a], False):
                g.test(f"{mn}{two} v{{d}}.{WIDE[a]}, v{{n}}.{a}, #{s}", ARR[a])
            g.test(f"{alias}{two} v{{d}}.{WIDE[a]}, v{{n}}.{a}", ARR[a])


def main():
    for name, seed, build in (("isa-simd-int", 13, three_operand_classes),
                              ("isa-simd-int-misc", 14, two_operand_classes)):
        p = Program(name, seed=seed)
        build(Gen(p))
        p.write(os.path.join(HERE, "..", name + ".S"), SCRIPT)
        print(f"{name}: {len(p.tests)} tests")


if __name__ == "__main__":
    main()
