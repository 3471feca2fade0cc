# SPDX-License-Identifier: EPL-2.0
"""Floating-point operands for the random FP tests (gen-fp-*.py): bit patterns of half, single and double
precision that reach the edges of the format: signed zeros, denormals, the smallest and largest normal numbers,
infinities, quiet and signalling NaNs with payloads, and operand pairs whose exact result is tiny (underflow,
flush to zero), overflows, cancels, or falls on a rounding tie, so that every FPCR.RMode and FZ path is taken.
"""

FORMATS = {16: (5, 10), 32: (8, 23), 64: (11, 52)}

# FPCR fields
RMODE_SHIFT = 22
FZ = 1 << 24
DN = 1 << 25
AHP = 1 << 26


class Fp:
    """One format (n = 16, 32 or 64 bits) and a random source."""

    def __init__(self, rng, n):
        self.rng = rng
        self.n = n
        self.e, self.f = FORMATS[n]
        self.bias = (1 << (self.e - 1)) - 1
        self.emax = (1 << self.e) - 1

    def pack(self, sign, biased, frac):
        return (sign << (self.n - 1)) | (biased << self.f) | (frac & ((1 << self.f) - 1))

    def edges(self):
        f, top = self.f, (1 << self.f) - 1
        one = self.bias
        values = [
            self.pack(0, 0, 0), self.pack(1, 0, 0),              # zeros
            self.pack(0, 0, 1), self.pack(1, 0, 1),              # smallest denormals
            self.pack(0, 0, top), self.pack(1, 0, top),          # largest denormals
            self.pack(0, 0, 1 << (f - 1)),                       # half the smallest normal
            self.pack(0, 1, 0), self.pack(1, 1, 0),              # smallest normals
            self.pack(0, 1, 1),
            self.pack(0, self.emax - 1, top), self.pack(1, self.emax - 1, top),   # largest normals
            self.pack(0, one, 0), self.pack(1, one, 0),          # +-1
            self.pack(0, one, 1), self.pack(0, one - 1, top),    # 1 + ulp, 1 - ulp/2
            self.pack(0, one - 1, 0), self.pack(0, one, 1 << (f - 1)),  # 0.5, 1.5
            self.pack(0, one + 1, 1 << (f - 2)), self.pack(1, one + 1, 1 << (f - 2)),  # +-2.5
            self.pack(0, self.emax, 0), self.pack(1, self.emax, 0),  # infinities
            self.pack(0, self.emax, 1 << (f - 1)),               # default NaN
            self.pack(1, self.emax, (1 << (f - 1)) | 0x15),      # quiet NaN, negative, payload
            self.pack(0, self.emax, 1), self.pack(1, self.emax, top >> 1),  # signalling NaNs
        ]
        return values

    def random(self):
        """A value from a mix: random bits, an edge value, a denormal, or an exponent near either end."""
        r = self.rng.random()
        sign = self.rng.getrandbits(1)
        frac = self.rng.getrandbits(self.f)
        if r < 0.25:
            return self.rng.choice(self.edges())
        if r < 0.35:
            return self.pack(sign, 0, frac)
        if r < 0.45:
            return self.pack(sign, self.rng.randrange(1, 4), frac)
        if r < 0.5:
            return self.pack(sign, self.emax - self.rng.randrange(1, 4), frac)
        if r < 0.75:  # moderate magnitudes, few fraction bits sometimes (exact results, ties)
            if self.rng.random() < 0.4:
                frac &= ~((1 << self.rng.randrange(self.f)) - 1)
            return self.pack(sign, self.bias + self.rng.randrange(-8, 9), frac)
        return self.pack(sign, self.rng.randrange(1, self.emax), frac)

    def exponent(self, bits):
        return (bits >> self.f) & self.emax

    def finite(self):
        v = self.random()
        while self.exponent(v) == self.emax:
            v = self.random()
        return v

    def with_exponent(self, biased):
        """A random value of this (clamped) biased exponent: 0 gives a denormal."""
        biased = max(0, min(self.emax - 1, biased))
        return self.pack(self.rng.getrandbits(1), biased, self.rng.getrandbits(self.f))

    def pair(self, op):
        """Two operands for op ("add", "mul", "div"): random, or aimed at underflow, overflow or cancellation."""
        a = self.random()
        r = self.rng.random()
        ea = self.exponent(a)
        if r < 0.45 or ea == self.emax:
            return a, self.random()
        if op == "mul":
            target = self.rng.choice([1 - self.f - 1, 1 - self.f // 2, 0, 1, 2, self.emax - 1, self.emax])
            return a, self.with_exponent(target - ea + self.bias)
        if op == "div":
            target = self.rng.choice([1 - self.f - 1, 1 - self.f // 2, 0, 1, self.emax - 1, self.emax])
            return a, self.with_exponent(ea - target + self.bias)
        # add: the negation nudged by a few ulps (cancellation), or a much smaller addend (sticky bits, ties)
        if r < 0.75:
            return a, (a ^ (1 << (self.n - 1))) + self.rng.randrange(-3, 4)
        return a, self.with_exponent(ea - self.rng.randrange(0, self.f + 4))

    def triple(self):
        """FMA operands (addend, op1, op2): a product aimed near the addend's negation, or random."""
        a, b = self.pair("mul")
        if self.rng.random() < 0.5 or self.exponent(a) == self.emax or self.exponent(b) == self.emax:
            return self.random(), a, b
        ep = self.exponent(a) + self.exponent(b) - self.bias
        addend = self.with_exponent(ep + self.rng.randrange(-self.f - 3, 3))
        return addend, a, b


def fpcr(rng, fz=0.25, dn=0.2, ahp=0.0):
    """A random FPCR: any rounding mode, FZ, DN (and AHP) set with the given chances."""
    v = rng.randrange(4) << RMODE_SHIFT
    if rng.random() < fz:
        v |= FZ
    if rng.random() < dn:
        v |= DN
    if rng.random() < ahp:
        v |= AHP
    return v


def lanes(values, n, garbage_rng=None):
    """16 bytes holding `values` (n-bit lanes, little-endian); lanes not given are random (or zero)."""
    count = 128 // n
    out = 0
    for i in range(count):
        if i < len(values):
            v = values[i]
        else:
            v = garbage_rng.getrandbits(n) if garbage_rng else 0
        out |= (v & ((1 << n) - 1)) << (n * i)
    return out.to_bytes(16, "little")
