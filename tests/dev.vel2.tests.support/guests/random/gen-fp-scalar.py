#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Writes ../isa-fp-scalar.S: random tests of the scalar floating-point instructions (data-processing with 1, 2
and 3 sources, compares, conditional compare and select, precision conversions with half precision, conversions
to and from integers and fixed point, FMOV) on edge values in every FPCR rounding mode, with FZ, DN and AHP."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from randprog import Program  # noqa: E402
from fpvalues import Fp, fpcr, lanes  # noqa: E402

p = Program("isa-fp-scalar", seed=13)
rng = p.rng
FMT = {"h": Fp(rng, 16), "s": Fp(rng, 32), "d": Fp(rng, 64)}
SIZE = {"h": 16, "s": 32, "d": 64}


def reg(t, value):
    """A V register holding `value` in its low element of type t, random bits above it."""
    return lanes([value], SIZE[t], rng)


def two_source(ops, count):
    for mnemonic, kind in ops:
        for t in "sd":
            for _ in range(count):
                a, b = FMT[t].pair(kind)
                p.test(f"{mnemonic} {t}{{d}}, {t}{{n}}, {t}{{m}}", v={"n": reg(t, a), "m": reg(t, b)},
                       fpcr=fpcr(rng))


def one_source(ops, count):
    for mnemonic in ops:
        for t in "sd":
            for _ in range(count):
                p.test(f"{mnemonic} {t}{{d}}, {t}{{n}}", v={"n": reg(t, FMT[t].random())}, fpcr=fpcr(rng))


two_source([("fadd", "add"), ("fsub", "add"), ("fmul", "mul"), ("fnmul", "mul"), ("fdiv", "div"),
            ("fmax", "add"), ("fmin", "add"), ("fmaxnm", "add"), ("fminnm", "add")], 36)
one_source(["fmov", "fabs", "fneg", "fsqrt", "frintn", "frintp", "frintm", "frintz", "frinta", "frintx",
            "frinti"], 24)

# Precision conversions; half precision with and without FPCR.AHP.
for src, dst in [("s", "d"), ("d", "s"), ("h", "s"), ("s", "h"), ("h", "d"), ("d", "h")]:
    for _ in range(48):
        value = FMT[src].random()
        if rng.random() < 0.3 and dst in "hs" and src != "h":  # near the narrower format's range ends
            target = FMT[dst]
            biased = rng.choice([1 - target.f, 0, 1, target.emax - 1, target.emax]) - target.bias + FMT[src].bias
            value = FMT[src].with_exponent(biased)
        p.test(f"fcvt {dst}{{d}}, {src}{{n}}", v={"n": reg(src, value)}, fpcr=fpcr(rng, ahp=0.5))

# Compares: NZCV and IOC; conditional compare and select on the flags each test starts with (0000).
CONDS = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"]
for mnemonic in ["fcmp", "fcmpe"]:
    for t in "sd":
        for _ in range(20):
            a, b = FMT[t].pair("add")
            if rng.random() < 0.2:
                b = a
            p.test(f"{mnemonic} {t}{{n}}, {t}{{m}}", v={"n": reg(t, a), "m": reg(t, b)}, fpcr=fpcr(rng),
                   out=["nzcv"])
        for _ in range(8):
            p.test(f"{mnemonic} {t}{{n}}, #0.0", v={"n": reg(t, FMT[t].random())}, fpcr=fpcr(rng), out=["nzcv"])
for mnemonic in ["fccmp", "fccmpe"]:
    for t in "sd":
        for _ in range(16):
            a, b = FMT[t].pair("add")
            cond = rng.choice(CONDS)
            p.test(f"{mnemonic} {t}{{n}}, {t}{{m}}, #{rng.randrange(16)}, {cond}", v={"n": reg(t, a), "m": reg(t, b)},
                   fpcr=fpcr(rng), out=["nzcv"])
for t in "sd":
    for _ in range(8):
        p.test(f"fcsel {t}{{d}}, {t}{{n}}, {t}{{m}}, {rng.choice(CONDS)}",
               v={"n": reg(t, FMT[t].random()), "m": reg(t, FMT[t].random())}, fpcr=0)

# Fused multiply-add: one rounding, products that cancel the addend or vanish below it.
for mnemonic in ["fmadd", "fmsub", "fnmadd", "fnmsub"]:
    for t in "sd":
        for _ in range(48):
            addend, a, b = FMT[t].triple()
            p.test(f"{mnemonic} {t}{{d}}, {t}{{n}}, {t}{{m}}, {t}{{a}}",
                   v={"n": reg(t, a), "m": reg(t, b), "a": reg(t, addend)}, fpcr=fpcr(rng))


def integral(t):
    """A value near an integer boundary of W or X registers, a tie, or a random one."""
    fmt = FMT[t]
    r = rng.random()
    if r < 0.3:
        return fmt.with_exponent(fmt.bias + rng.choice([0, 1, 2, 30, 31, 32, 62, 63, 64]))
    if r < 0.5:
        return fmt.pack(rng.getrandbits(1), fmt.bias + rng.randrange(0, 4), rng.getrandbits(3) << (fmt.f - 3))
    return fmt.random()


# Conversions to general registers in every rounding, saturating and NaN cases; fixed point with #fbits.
for mnemonic in ["fcvtns", "fcvtnu", "fcvtas", "fcvtau", "fcvtps", "fcvtpu", "fcvtms", "fcvtmu", "fcvtzs", "fcvtzu"]:
    for t in "sd":
        for r in "wx":
            for _ in range(10):
                p.test(f"{mnemonic} {r}{{d}}, {t}{{n}}", v={"n": reg(t, integral(t))}, fpcr=fpcr(rng), out=["xd"])
for mnemonic in ["fcvtzs", "fcvtzu"]:
    for t in "sd":
        for r in "wx":
            for _ in range(10):
                fbits = rng.randrange(1, 33 if r == "w" else 65)
                p.test(f"{mnemonic} {r}{{d}}, {t}{{n}}, #{fbits}", v={"n": reg(t, integral(t))}, fpcr=fpcr(rng),
                       out=["xd"])


def integer(r):
    """A general register value: random, or with a few high bits only, or just past a rounding tie."""
    v = p.x()
    k = rng.random()
    if k < 0.3:
        v = (rng.getrandbits(4) | 8) << rng.randrange(20, 60)
        v += rng.choice([0, 1, -1, 1 << rng.randrange(0, 12)])
    elif k < 0.4:
        v = rng.getrandbits(25) << rng.randrange(0, 39)
    return v & ((1 << (32 if r == "w" else 64)) - 1) | (rng.getrandbits(32) << 32 if r == "w" else 0)


for mnemonic in ["scvtf", "ucvtf"]:
    for t in "sd":
        for r in "wx":
            for _ in range(14):
                p.test(f"{mnemonic} {t}{{d}}, {r}{{n}}", x={"n": integer(r)}, fpcr=fpcr(rng))
            for _ in range(8):
                fbits = rng.randrange(1, 33 if r == "w" else 65)
                p.test(f"{mnemonic} {t}{{d}}, {r}{{n}}, #{fbits}", x={"n": integer(r)}, fpcr=fpcr(rng))

# Moves: immediates, general registers, the upper half of a vector.
for imm in ["1.0", "-0.5", "31.0", "0.125", "-1.9375", "2.5"]:
    for t in "sd":
        p.test(f"fmov {t}{{d}}, #{imm}", fpcr=0)
MOVES = [("fmov x{d}, d{n}", "n", None, ["xd"]), ("fmov w{d}, s{n}", "n", None, ["xd"]),
         ("fmov d{d}, x{n}", None, "n", ["vd"]), ("fmov s{d}, w{n}", None, "n", ["vd"]),
         ("fmov x{d}, v{n}.d[1]", "n", None, ["xd"]), ("fmov v{d}.d[1], x{n}", "d", "n", ["vd"])]
for text, vreg, xreg, out in MOVES:
    for _ in range(3):
        p.test(text, v={vreg: p.vec()} if vreg else None, x={xreg: p.x()} if xreg else None, fpcr=0, out=out)

p.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "isa-fp-scalar.S"), "random/gen-fp-scalar.py")
