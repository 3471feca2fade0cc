#!/usr/bin/env python3
"""Third comparison rule of releng/check-oracle, on top of the oracle's normalise.py and qemu-flags.py.

QEMU 7.2's Cortex-A57 implements AArch32 at EL0-EL2: its ID_AA64PFR0_EL1 reads 0x222 (EL3 absent). vel2 runs no
AArch32 (an exception return to it is illegal, ARM ARM D1.11.4), so its ID_AA64PFR0_EL1 says AArch64 only at EL0-EL2:
0x111. This filter takes vel2's line as equal to QEMU's where the two differ only in those three fields, 2 under
QEMU and 1 under vel2, and says so on stderr.
Usage: qemu-aarch32.py EXPECTED ACTUAL > ACTUAL.adjusted
"""
import re
import sys

PFR0 = re.compile(r'(ID_AA64PFR0_EL1\S*\s*(?:->|=)\s*)0x([0-9a-f]+)')
EL0_EL2 = 0xfff


def same_but_aarch32(q, v):
    mq, mv = PFR0.search(q), PFR0.search(v)
    if not mq or not mv or PFR0.sub(r'\1', q) != PFR0.sub(r'\1', v):
        return False
    pq, pv = int(mq.group(2), 16), int(mv.group(2), 16)
    return pq & ~EL0_EL2 == pv & ~EL0_EL2 and pq & EL0_EL2 == 0x222 and pv & EL0_EL2 == 0x111


expected = open(sys.argv[1]).read().split('\n')
actual = open(sys.argv[2]).read().split('\n')
out = []
for i, line in enumerate(actual):
    if i < len(expected) and line != expected[i] and same_but_aarch32(expected[i], line):
        sys.stderr.write('check-oracle: QEMU\'s Cortex-A57 has AArch32 at EL0-EL2, vel2 has none: ' + line + '\n')
        line = expected[i]
    out.append(line)
print('\n'.join(out), end='')
