#!/usr/bin/env python3
"""Comparison rules of releng/check-oracle, on top of the oracle's normalise.py.

QEMU 7.2 clears PSTATE.{N,Z,C,V} when it takes an exception (pstate_write(env, PSTATE_DAIF | new_mode));
the ARM ARM's AArch64.TakeException leaves them unchanged, and vel2 follows the ARM ARM (see
ExceptionEntryFlagsTest). A trap taken inside a handler before any flag-setting instruction therefore shows
spsr=0x3c5 under QEMU and spsr=0x600003c5 under vel2. This filter takes vel2's line as equal to QEMU's when
the two differ only there: QEMU's spsr has N,Z,C,V clear and vel2's spsr agrees with it in every other bit.

QEMU's Cortex-A57 has AArch32 at EL0-EL2: its ID_AA64PFR0_EL1 reads 0x222. vel2 runs no AArch32 (a return to it
is illegal, ARM ARM D1.11.4) and says so: 0x111. A line that differs only there is taken as equal too.
Usage: qemu-flags.py EXPECTED ACTUAL > ACTUAL.adjusted
"""
import re
import sys

SPSR = re.compile(r'spsr=0x([0-9a-f]+)')
PFR0 = re.compile(r'(ID_AA64PFR0_EL1\S*\s*(?:->|=)\s*)0x([0-9a-f]+)')


def same_but_qemu_cleared_flags(q, v):
    mq, mv = SPSR.search(q), SPSR.search(v)
    if not mq or not mv:
        return False
    if SPSR.sub('', q) != SPSR.sub('', v):
        return False
    sq, sv = int(mq.group(1), 16), int(mv.group(1), 16)
    return sq & 0xf0000000 == 0 and sq == sv & ~0xf0000000


def same_but_aarch32(q, v):
    mq, mv = PFR0.search(q), PFR0.search(v)
    if not mq or not mv or PFR0.sub(r'\1', q) != PFR0.sub(r'\1', v):
        return False
    pq, pv = int(mq.group(2), 16), int(mv.group(2), 16)
    return pq & ~0xfff == pv & ~0xfff and pq & 0xfff == 0x222 and pv & 0xfff == 0x111


expected = open(sys.argv[1]).read().split('\n')
actual = open(sys.argv[2]).read().split('\n')
out = []
for i, line in enumerate(actual):
    if i < len(expected) and line != expected[i] and same_but_qemu_cleared_flags(expected[i], line):
        sys.stderr.write('check-oracle: QEMU clears NZCV on exception entry, the ARM ARM keeps them: ' + line + '\n')
        line = expected[i]
    elif i < len(expected) and line != expected[i] and same_but_aarch32(expected[i], line):
        sys.stderr.write('check-oracle: QEMU\'s Cortex-A57 has AArch32 at EL0-EL2, vel2 has none: ' + line + '\n')
        line = expected[i]
    out.append(line)
print('\n'.join(out), end='')
