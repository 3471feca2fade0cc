#!/usr/bin/env python3
"""Second comparison rule of releng/check-oracle, on top of the oracle's normalise.py.

QEMU 7.2 clears PSTATE.{N,Z,C,V} when it takes an exception (pstate_write(env, PSTATE_DAIF | new_mode));
the ARM ARM's AArch64.TakeException leaves them unchanged, and vel2 follows the ARM ARM (see
ExceptionEntryFlagsTest). A trap taken inside a handler before any flag-setting instruction therefore shows
spsr=0x3c5 under QEMU and spsr=0x600003c5 under vel2. This filter takes vel2's line as equal to QEMU's when
the two differ only there: QEMU's spsr has N,Z,C,V clear and vel2's spsr agrees with it in every other bit.
Usage: qemu-flags.py EXPECTED ACTUAL > ACTUAL.adjusted
"""
import re
import sys

SPSR = re.compile(r'spsr=0x([0-9a-f]+)')


def same_but_qemu_cleared_flags(q, v):
    mq, mv = SPSR.search(q), SPSR.search(v)
    if not mq or not mv:
        return False
    if SPSR.sub('', q) != SPSR.sub('', v):
        return False
    sq, sv = int(mq.group(1), 16), int(mv.group(1), 16)
    return sq & 0xf0000000 == 0 and sq == sv & ~0xf0000000


expected = open(sys.argv[1]).read().split('\n')
actual = open(sys.argv[2]).read().split('\n')
out = []
for i, line in enumerate(actual):
    if i < len(expected) and line != expected[i] and same_but_qemu_cleared_flags(expected[i], line):
        sys.stderr.write('check-oracle: QEMU clears NZCV on exception entry, the ARM ARM keeps them: ' + line + '\n')
        line = expected[i]
    out.append(line)
print('\n'.join(out), end='')
