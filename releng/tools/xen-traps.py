#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""The trap log of releng/check-xen's boot: dom0's traps to Xen, by class on each vCPU (issue 17).

    xen-traps.py TRAPS.jsonl VCPUS

TRAPS.jsonl is vel2's --trap-log of Xen at the guest's EL2. Claims: every event is a trap from dom0 (EL0/EL1) that
Xen's own EL2 handled (action "guest-el2"); each vCPU trapped to Xen with a WFI (dom0's idle loop under Xen's
HCR_EL2.TWI), an HVC (Xen's hypercalls), a stage 2 Data Abort (dom0's accesses to the GIC distributor Xen emulates)
and a system register access. Prints each vCPU's counts by class, then "PASS claim" or "FAIL claim: why" lines;
exit 1 when one failed.
"""
import collections
import json
import sys

NEEDED = ("WFI", "HVC", "DATA_ABORT")


def main(path, vcpus):
    traps = [json.loads(line) for line in open(path) if line.strip()]
    by_vcpu = collections.defaultdict(collections.Counter)
    for t in traps:
        by_vcpu[t["vcpu"]][t["class"]] += 1
    for v in range(vcpus):
        counts = ", ".join(f"{c} {n}" for c, n in sorted(by_vcpu[v].items()))
        print(f"  vCPU {v}: {sum(by_vcpu[v].values())} traps to Xen: {counts}")
    failed = []

    def claim(name, ok, why):
        print(("  PASS " if ok else "  FAIL ") + name + ("" if ok else ": " + why))
        if not ok:
            failed.append(name)

    odd = [t for t in traps if t.get("action") != "guest-el2" or t.get("from_el") not in (0, 1)]
    claim("every trap is dom0's, handled by Xen's EL2", bool(traps) and not odd,
          f"{len(traps)} traps, first odd one: {odd[0] if odd else None}")
    for v in range(vcpus):
        missing = [c for c in NEEDED if by_vcpu[v][c] == 0]
        sysregs = by_vcpu[v]["SYSREG_READ"] + by_vcpu[v]["SYSREG_WRITE"]
        claim(f"vCPU {v} trapped to Xen by WFI, HVC, stage 2 Data Abort and system register access",
              not missing and sysregs > 0, f"none of {missing + ([] if sysregs else ['SYSREG_*'])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
