#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Writes ../isa-simd-fp.S: random tests of the Advanced SIMD floating-point instructions, vector (2S, 4S, 2D) and
scalar forms: three same, two-register miscellaneous (rounding, conversions, comparisons with zero, estimates,
FCVTL/FCVTN/FCVTXN with half-precision elements), across lanes, pairwise, by element and the fixed-point
conversions, on edge values in every FPCR rounding mode, with FZ, DN and AHP."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from randprog import Program  # noqa: E402
from fpvalues import Fp, fpcr, lanes  # noqa: E402

p = Program("isa-simd-fp", seed=29)
rng = p.rng
FMT = {16: Fp(rng, 16), 32: Fp(rng, 32), 64: Fp(rng, 64)}
VECTORS = [("2s", 32), ("4s", 32), ("2d", 64)]
SCALARS = [("s", 32), ("d", 64)]


def count(arrangement):
    return (64 if arrangement in ("2s",) else 128) // (64 if arrangement == "2d" else 32)


def operands(n, k, kind):
    """k lanes of n bits for an operation of `kind` ("add", "mul", "div" pairs, "one" value, "fma" triples):
    returns one 16-byte register per operand position."""
    fmt = FMT[n]
    if kind == "one":
        return [lanes([fmt.random() for _ in range(k)], n, rng)]
    if kind == "fma":
        triples = [fmt.triple() for _ in range(k)]
        return [lanes([t[i] for t in triples], n, rng) for i in range(3)]
    pairs = [fmt.pair(kind) for _ in range(k)]
    return [lanes([x[0] for x in pairs], n, rng), lanes([x[1] for x in pairs], n, rng)]


def three_same(ops, times):
    for mnemonic, kind, scalar in ops:
        forms = VECTORS + (SCALARS if scalar else [])
        for arrangement, n in forms:
            for _ in range(times):
                vec = len(arrangement) == 2
                k = count(arrangement) if vec else 1
                t = (lambda r: f"v{{{r}}}.{arrangement}") if vec else (lambda r: f"{arrangement}{{{r}}}")
                if kind == "fma":
                    a, x, y = operands(n, k, "fma")
                    v = {"d": a, "n": x, "m": y}
                else:
                    x, y = operands(n, k, kind)
                    v = {"n": x, "m": y}
                p.test(f"{mnemonic} {t('d')}, {t('n')}, {t('m')}", v=v, fpcr=fpcr(rng))


three_same([("fadd", "add", False), ("fsub", "add", False), ("fmul", "mul", False), ("fdiv", "div", False),
            ("fmax", "add", False), ("fmin", "add", False), ("fmaxnm", "add", False), ("fminnm", "add", False),
            ("fmla", "fma", False), ("fmls", "fma", False), ("fmulx", "mul", True), ("fabd", "add", True),
            ("frecps", "mul", True), ("frsqrts", "mul", True), ("fcmeq", "add", True), ("fcmge", "add", True),
            ("fcmgt", "add", True), ("facge", "add", True), ("facgt", "add", True), ("faddp", "add", False),
            ("fmaxp", "add", False), ("fminp", "add", False), ("fmaxnmp", "add", False),
            ("fminnmp", "add", False)], 8)


def estimate_value(n):
    """Operands of FRECPE/FRSQRTE: near the ends of the exponent range (overflow, FZ), or any."""
    fmt = FMT[n]
    if rng.random() < 0.4:
        return fmt.with_exponent(rng.choice([0, 1, 2, fmt.emax - 3, fmt.emax - 2, fmt.emax - 1]))
    return fmt.random()


def integers(n, k):
    special = [0, 1, (1 << (n - 1)) - 1, 1 << (n - 1), (1 << n) - 1, 1 << (n - 2), (1 << 24) + 1, (1 << 53) + 1]
    return lanes([rng.choice(special) if rng.random() < 0.3 else rng.getrandbits(n) >> rng.randrange(n)
                  for _ in range(k)], n, rng)


MISC = ["frintn", "frintm", "frintp", "frintz", "frinta", "frintx", "frinti", "fcvtns", "fcvtms", "fcvtas",
        "fcvtps", "fcvtzs", "fcvtnu", "fcvtmu", "fcvtau", "fcvtpu", "fcvtzu", "fabs", "fneg", "fsqrt", "frecpe",
        "frsqrte", "scvtf", "ucvtf", "fcmgt", "fcmeq", "fcmlt", "fcmge", "fcmle"]
SCALAR_MISC = {"fcvtns", "fcvtms", "fcvtas", "fcvtps", "fcvtzs", "fcvtnu", "fcvtmu", "fcvtau", "fcvtpu", "fcvtzu",
               "frecpe", "frsqrte", "scvtf", "ucvtf", "fcmgt", "fcmeq", "fcmlt", "fcmge", "fcmle", "frecpx"}

for mnemonic in MISC + ["frecpx"]:
    forms = ([] if mnemonic == "frecpx" else VECTORS) + (SCALARS if mnemonic in SCALAR_MISC else [])
    for arrangement, n in forms:
        for _ in range(6):
            vec = len(arrangement) == 2
            k = count(arrangement) if vec else 1
            if mnemonic in ("scvtf", "ucvtf"):
                value = integers(n, k)
            elif mnemonic in ("frecpe", "frsqrte"):
                value = lanes([estimate_value(n) for _ in range(k)], n, rng)
            else:
                value = operands(n, k, "one")[0]
            regs = f"v{{d}}.{arrangement}, v{{n}}.{arrangement}" if vec else f"{arrangement}{{d}}, {arrangement}{{n}}"
            zero = ", #0.0" if mnemonic.startswith("fcm") else ""
            p.test(f"{mnemonic} {regs}{zero}", v={"n": value}, fpcr=fpcr(rng))

for mnemonic in ["urecpe", "ursqrte"]:
    for arrangement in ["2s", "4s"]:
        for _ in range(8):
            p.test(f"{mnemonic} v{{d}}.{arrangement}, v{{n}}.{arrangement}", v={"n": integers(32, 4)}, fpcr=0)

# Precision conversions of vectors: half <-> single with and without AHP, single <-> double, to odd.
for _ in range(10):
    for text, n_in, k in [("fcvtl v{d}.4s, v{n}.4h", 16, 4), ("fcvtl2 v{d}.4s, v{n}.8h", 16, 8),
                          ("fcvtl v{d}.2d, v{n}.2s", 32, 2), ("fcvtl2 v{d}.2d, v{n}.4s", 32, 4),
                          ("fcvtn v{d}.4h, v{n}.4s", 32, 4), ("fcvtn2 v{d}.8h, v{n}.4s", 32, 4),
                          ("fcvtn v{d}.2s, v{n}.2d", 64, 2), ("fcvtn2 v{d}.4s, v{n}.2d", 64, 2),
                          ("fcvtxn v{d}.2s, v{n}.2d", 64, 2), ("fcvtxn2 v{d}.4s, v{n}.2d", 64, 2),
                          ("fcvtxn s{d}, d{n}", 64, 1)]:
        values = []
        for _ in range(k):
            value = FMT[n_in].random()
            if n_in > 16 and rng.random() < 0.3:  # near the narrower format's range ends
                target = FMT[n_in // 2]
                value = FMT[n_in].with_exponent(rng.choice([1 - target.f, 0, 1, target.emax - 1, target.emax])
                                                - target.bias + FMT[n_in].bias)
            values.append(value)
        p.test(text, v={"n": lanes(values, n_in, rng), "d": p.vec()}, fpcr=fpcr(rng, ahp=0.5))

# Across lanes (4S) and scalar pairwise (2S, 2D).
for mnemonic in ["fmaxv", "fminv", "fmaxnmv", "fminnmv"]:
    for _ in range(14):
        p.test(f"{mnemonic} s{{d}}, v{{n}}.4s", v={"n": operands(32, 4, "one")[0]}, fpcr=fpcr(rng))
for mnemonic in ["faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"]:
    for t, arrangement, n in [("s", "2s", 32), ("d", "2d", 64)]:
        for _ in range(10):
            pair = FMT[n].pair("add")
            p.test(f"{mnemonic} {t}{{d}}, v{{n}}.{arrangement}", v={"n": lanes(list(pair), n, rng)}, fpcr=fpcr(rng))

# By element, vector and scalar, every index.
for mnemonic in ["fmla", "fmls", "fmul", "fmulx"]:
    for arrangement, n in VECTORS + SCALARS:
        for _ in range(8):
            vec = len(arrangement) == 2
            k = count(arrangement) if vec else 1
            index = rng.randrange(4 if n == 32 else 2)
            element = "s" if n == 32 else "d"
            d, x, y = operands(n, max(k, 4 if n == 32 else 2), "fma")
            regs = f"v{{d}}.{arrangement}, v{{n}}.{arrangement}" if vec else f"{arrangement}{{d}}, {arrangement}{{n}}"
            p.test(f"{mnemonic} {regs}, v{{m}}.{element}[{index}]", v={"d": d, "n": x, "m": y}, fpcr=fpcr(rng))

# Fixed-point conversions (shift by immediate), vector and scalar, every fraction width range.
for mnemonic in ["scvtf", "ucvtf", "fcvtzs", "fcvtzu"]:
    for arrangement, n in VECTORS + SCALARS:
        for _ in range(8):
            vec = len(arrangement) == 2
            k = count(arrangement) if vec else 1
            fbits = rng.choice([1, n, rng.randrange(1, n + 1)])
            value = integers(n, k) if mnemonic.endswith("cvtf") else operands(n, k, "one")[0]
            regs = f"v{{d}}.{arrangement}, v{{n}}.{arrangement}" if vec else f"{arrangement}{{d}}, {arrangement}{{n}}"
            p.test(f"{mnemonic} {regs}, #{fbits}", v={"n": value}, fpcr=fpcr(rng))

# FMOV (vector, immediate).
for imm in ["1.0", "-0.5", "31.0", "0.125", "-1.9375"]:
    for arrangement in ["2s", "4s", "2d"]:
        p.test(f"fmov v{{d}}.{arrangement}, #{imm}", fpcr=0)

# Encodings of features Cortex-A57 lacks: decoded for the disassembler only (UNDEFINED when run), so never run here.
HALF = ["fmul", "fdiv", "fadd", "fsub", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"]
HALF1 = ["fmov", "fabs", "fneg", "fsqrt", "frintn", "frintp", "frintm", "frintz", "frinta", "frintx", "frinti"]
TO_INT = ["fcvtns", "fcvtnu", "fcvtas", "fcvtau", "fcvtps", "fcvtpu", "fcvtms", "fcvtmu", "fcvtzs", "fcvtzu"]
SAME_H = ["fmaxnm", "fmla", "fadd", "fmulx", "fcmeq", "fmax", "frecps", "fminnm", "fmls", "fsub", "fmin",
          "frsqrts", "fmaxnmp", "faddp", "fmul", "fcmge", "facge", "fmaxp", "fdiv", "fminnmp", "fabd", "fcmgt",
          "facgt", "fminp"]
SAME_H_SCALAR = ["fmulx", "fcmeq", "frecps", "frsqrts", "fcmge", "facge", "fabd", "fcmgt", "facgt"]
MISC_H = ["frintn", "frintm", "frintp", "frintz", "frinta", "frintx", "frinti", "fabs", "fneg", "fsqrt", "fcvtns",
          "fcvtms", "fcvtas", "fcvtps", "fcvtzs", "fcvtnu", "fcvtmu", "fcvtau", "fcvtpu", "fcvtzu", "scvtf", "ucvtf",
          "frecpe", "frsqrte"]
MISC_H_SCALAR = MISC_H[10:] + ["frecpx"]
ZERO_H = ["fcmgt", "fcmeq", "fcmlt", "fcmge", "fcmle"]


def r():
    return rng.randrange(32)


def q(half):
    return rng.choice(["4h", "8h"]) if half else rng.choice(["2s", "4s"])


def extension_lines():
    out = []
    for m in HALF:
        out.append(f"{m} h{r()}, h{r()}, h{r()}")
    for m in HALF1:
        out.append(f"{m} h{r()}, h{r()}")
    for m in ["fmadd", "fmsub", "fnmadd", "fnmsub"]:
        out.append(f"{m} h{r()}, h{r()}, h{r()}, h{r()}")
    out += [f"fcmp h{r()}, h{r()}", f"fcmpe h{r()}, #0.0", f"fccmp h{r()}, h{r()}, #{rng.randrange(16)}, ne",
            f"fccmpe h{r()}, h{r()}, #{rng.randrange(16)}, ge", f"fcsel h{r()}, h{r()}, h{r()}, mi",
            "fmov h3, #-1.25", f"fmov w{r()}, h{r()}", f"fmov h{r()}, x{r()}"]
    for m in TO_INT:
        out.append(f"{m} {rng.choice('wx')}{r()}, h{r()}")
    out += [f"scvtf h{r()}, w{r()}", f"ucvtf h{r()}, x{r()}", f"scvtf h{r()}, x{r()}, #{rng.randrange(1, 65)}",
            f"fcvtzu w{r()}, h{r()}, #{rng.randrange(1, 33)}"]
    for m in SAME_H:
        a = q(True)
        out.append(f"{m} v{r()}.{a}, v{r()}.{a}, v{r()}.{a}")
    for m in SAME_H_SCALAR:
        out.append(f"{m} h{r()}, h{r()}, h{r()}")
    for m in MISC_H:
        a = q(True)
        out.append(f"{m} v{r()}.{a}, v{r()}.{a}")
    for m in MISC_H_SCALAR:
        out.append(f"{m} h{r()}, h{r()}")
    for m in ZERO_H:
        a = q(True)
        out += [f"{m} v{r()}.{a}, v{r()}.{a}, #0.0", f"{m} h{r()}, h{r()}, #0.0"]
    for m in ["fmaxv", "fminv", "fmaxnmv", "fminnmv"]:
        out.append(f"{m} h{r()}, v{r()}.{q(True)}")
    for m in ["faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"]:
        out.append(f"{m} h{r()}, v{r()}.2h")
    for m in ["fmla", "fmls", "fmul", "fmulx"]:
        a = q(True)
        out += [f"{m} v{r()}.{a}, v{r()}.{a}, v{rng.randrange(16)}.h[{rng.randrange(8)}]",
                f"{m} h{r()}, h{r()}, v{rng.randrange(16)}.h[{rng.randrange(8)}]"]
    for m in ["scvtf", "ucvtf", "fcvtzs", "fcvtzu"]:
        a = q(True)
        out += [f"{m} v{r()}.{a}, v{r()}.{a}, #{rng.randrange(1, 17)}", f"{m} h{r()}, h{r()}, #{rng.randrange(1, 17)}"]
    out.append(f"fmov v{r()}.{q(True)}, #0.5")
    for a in ["4h", "8h", "2s", "4s", "2d"]:
        out += [f"fcmla v{r()}.{a}, v{r()}.{a}, v{r()}.{a}, #{rng.choice([0, 90, 180, 270])}",
                f"fcadd v{r()}.{a}, v{r()}.{a}, v{r()}.{a}, #{rng.choice([90, 270])}"]
    out += [f"fcmla v{r()}.8h, v{r()}.8h, v{r()}.h[{rng.randrange(4)}], #{rng.choice([0, 90, 180, 270])}",
            f"fcmla v{r()}.4h, v{r()}.4h, v{r()}.h[{rng.randrange(2)}], #90",
            f"fcmla v{r()}.4s, v{r()}.4s, v{r()}.s[{rng.randrange(2)}], #270"]
    for m in ["fmlal", "fmlsl", "fmlal2", "fmlsl2"]:
        w = rng.choice([("2s", "2h"), ("4s", "4h")])
        out += [f"{m} v{r()}.{w[0]}, v{r()}.{w[1]}, v{r()}.{w[1]}",
                f"{m} v{r()}.{w[0]}, v{r()}.{w[1]}, v{rng.randrange(16)}.h[{rng.randrange(8)}]"]
    out += [f"bfdot v{r()}.2s, v{r()}.4h, v{r()}.4h", f"bfdot v{r()}.4s, v{r()}.8h, v{r()}.2h[{rng.randrange(4)}]",
            f"bfmlalb v{r()}.4s, v{r()}.8h, v{r()}.8h", f"bfmlalt v{r()}.4s, v{r()}.8h, v{rng.randrange(16)}.h[5]",
            f"bfmmla v{r()}.4s, v{r()}.8h, v{r()}.8h", f"bfcvtn v{r()}.4h, v{r()}.4s",
            f"bfcvtn2 v{r()}.8h, v{r()}.4s", f"bfcvt h{r()}, s{r()}", f"fjcvtzs w{r()}, d{r()}"]
    for m in ["frint32z", "frint32x", "frint64z", "frint64x"]:
        a = rng.choice(["2s", "4s", "2d"])
        t = rng.choice("sd")
        out += [f"{m} v{r()}.{a}, v{r()}.{a}", f"{m} {t}{r()}, {t}{r()}"]
    return out


path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "isa-simd-fp.S")
p.write(path, "random/gen-fp-simd.py")
with open(path, "a") as f:
    f.write("\n    // Features Cortex-A57 lacks (FEAT_FP16, FCMA, FHM, BF16, FRINTTS, JSCVT), never run: for the disassembler.\n"
            "    .arch armv8.6-a+fp16+fp16fml+bf16\n    .text\n    .type fp_extensions, %function\nfp_extensions:\n")
    f.write("".join(f"    {line}\n" for line in extension_lines()))
    f.write("    .size fp_extensions, . - fp_extensions\n")
