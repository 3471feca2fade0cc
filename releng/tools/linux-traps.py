#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""The assertions of releng/check-linux-traps on one boot of Debian's kernel under the virtual EL2.

    linux-traps.py CASE DIR

DIR holds vel2.out (the console), vel2.jsonl (--trap-log), vel2.stats (--stats) and, when QEMU ran the same files,
qemu.out. CASE is the boot's set of claims:

  smp2  2 vCPUs, every trap of the story (TID3,TVM,TWI,TWE,TSC and TRVM,TACR,TIDCP,TID1,TID2), --vpidr 0x410fd083,
        --vmpidr 0x80000100,0x80000201; QEMU: -smp 2 -cpu cortex-a72 (MIDR 0x410fd083)
  id    1 vCPU, TID3,TVM,TWI,TWE,TSC, --id ID_AA64ISAR0_EL1=0x0; QEMU: -cpu cortex-a57
  smp2-gic3  smp2 on a GICv3 board (--gic 3; QEMU: gic-version=3): each vCPU's redistributor names the affinity of
        its VMPIDR_EL2 (clusters 1 and 2), IPIs reach the other cluster

Prints one "PASS claim" or "FAIL claim: why" line per claim; exit 1 when one failed.
"""
import collections
import json
import os
import sys

CRYPTO = ("aes", "pmull", "sha1", "sha2", "crc32")
USERSPACE = "vel2-init: userspace up"


class Boot:
    def __init__(self, d):
        self.console = open(os.path.join(d, "vel2.out"), errors="replace").read().splitlines()
        self.traps = [json.loads(line) for line in open(os.path.join(d, "vel2.jsonl"))]
        self.stats = json.load(open(os.path.join(d, "vel2.stats")))
        q = os.path.join(d, "qemu.out")
        self.qemu = open(q, errors="replace").read().splitlines() if os.path.exists(q) else None

    def of(self, **match):
        return [t for t in self.traps if all(t.get(k) == v for k, v in match.items())]

    def vcpus(self):
        return range(len(self.stats["vcpus"]))


def userspace(lines):
    """The lines /init prints: from its first line on, without the kernel's timestamped ones."""
    if USERSPACE not in lines:
        return []
    return [l for l in lines[lines.index(USERSPACE):] if not l.startswith("[")]


def cpuinfo(lines, key):
    return [l.split(":", 1)[1].strip() for l in userspace(lines) if l.split(":")[0].strip() == key]


failed = []


def claim(name, ok, why=""):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + why))
    if not ok:
        failed.append(name)


def common(b, vcpus, pfr0_gic=0):
    claim("reaches userspace", USERSPACE in b.console, "no '%s' line" % USERSPACE)
    claim("%d CPUs online" % vcpus, ("vel2-init: cpus %d" % vcpus) in b.console, "see the console")
    identity = [t for t in b.traps if t.get("reg") in ("MIDR_EL1", "MPIDR_EL1")]
    claim("no MIDR_EL1/MPIDR_EL1 trap (VPIDR_EL2/VMPIDR_EL2)", not identity, str(identity[:2]))
    undefined = [t for t in b.traps if t["action"].startswith("injected UNDEFINED")]
    claim("no injected UNDEFINED", not undefined, str(undefined[:3]))
    for v in b.vcpus():
        for reg in ("ID_AA64MMFR0_EL1", "ID_AA64ISAR0_EL1", "ID_AA64ISAR1_EL1", "ID_AA64PFR0_EL1"):
            claim("TID3: vCPU %d's reads of %s emulated" % (v, reg),
                  b.of(vcpu=v, reg=reg, dir="read", action="emulated"), "none in the trap log")
        for reg in ("TTBR1_EL1", "TCR_EL1"):
            claim("TVM: vCPU %d's writes of %s emulated" % (v, reg),
                  b.of(vcpu=v, reg=reg, dir="write", action="emulated"), "none in the trap log")
        claim("TWI: vCPU %d's WFIs yield" % v, b.of(vcpu=v, **{"class": "WFI", "action": "yield"}), "none")
    pfr0 = {t["value"] for t in b.of(reg="ID_AA64PFR0_EL1")}
    want = hex(0x11 | pfr0_gic << 24)  # GIC (27:24) 1: the system-register interface of a GICv3 board
    claim("TID3: ID_AA64PFR0_EL1 sanitised (no EL2/EL3, no AArch32), GIC %d" % pfr0_gic, pfr0 == {want}, str(pfr0))
    claim("the kernel sees no AArch32 (vel2 runs none)", not any("32-bit EL" in l for l in b.console),
          "a '32-bit EL0/EL1 Support' line")
    off = b.of(vcpu=0, action="PSCI SYSTEM_OFF")
    claim("PSCI SYSTEM_OFF ends the run", off and b.stats["exit"] == "SYSTEM_OFF", b.stats["exit"])
    counted = collections.Counter((t["vcpu"], t["class"]) for t in b.traps)
    for v in b.vcpus():
        exits = {c: n for c, n in b.stats["vcpus"][v]["exits"].items() if n}
        logged = {c: n for (w, c), n in counted.items() if w == v}
        claim("--stats: vCPU %d's exits by class are the trap log's" % v, exits == logged,
              "stats %s, log %s" % (exits, logged))
        shadow(b, v)


def shadow(b, v):
    """The shadow copy holds the vCPU's last trapped write; the lazy switch saved less than everything."""
    s = b.stats["vcpus"][v]["shadow"]
    for reg in ("TTBR0_EL1", "TTBR1_EL1", "CONTEXTIDR_EL1"):
        writes = b.of(vcpu=v, reg=reg, dir="write")
        if writes:
            claim("TVM: vCPU %d's shadow %s is its last write" % (v, reg), s["saved"][reg] == writes[-1]["value"],
                  "saved %s, last write %s" % (s["saved"][reg], writes[-1]["value"]))
    if len(b.stats["vcpus"]) > 1:  # a lone vCPU is never switched
        claim("lazy switch of vCPU %d: it saved less than it avoided, and restored" % v,
              s["saves"] > 0 and s["saves_avoided"] > s["saves"] and s["restores"] > 0, str(s))


def same_as_qemu(b, adjust=lambda line: line):
    if b.qemu is None:
        print("SKIP userspace lines as QEMU's: qemu-system-aarch64 not installed")
        return
    ours, theirs = userspace(b.console), [adjust(l) for l in userspace(b.qemu)]
    diff = [(o, q) for o, q in zip(ours, theirs) if o != q]
    claim("userspace lines as QEMU's", ours == theirs and theirs,
          "%d vs %d lines, first difference %s" % (len(ours), len(theirs), diff[:1]))


def smp2(b, gic=2):
    common(b, 2, 1 if gic == 3 else 0)
    claim("PSCI CPU_ON from vCPU 0 (HVC)", b.of(vcpu=0, action="PSCI CPU_ON"), "none")
    claim("PSCI_FEATURES asked (the kernel's SMCCC probe)", b.of(vcpu=0, action="PSCI FEATURES"), "none")
    claim("TWE: WFEs yield", b.of(**{"class": "WFE", "action": "yield"}), "none")
    for reg, bit in (("REVIDR_EL1", "TID1"), ("CTR_EL0", "TID2"), ("CLIDR_EL1", "TID2"), ("SCTLR_EL1", "TRVM"),
                     ("TTBR1_EL1", "TRVM")):
        claim("%s: reads of %s emulated" % (bit, reg), b.of(reg=reg, dir="read", action="emulated"), "none")
    for v in b.vcpus():
        for c in ("WFI", "SYSREG_READ", "SYSREG_WRITE"):
            claim("--stats: vCPU %d has %s exits" % (v, c), b.stats["vcpus"][v]["exits"][c] > 0, "0")
    claim("VPIDR_EL2: every CPU part 0xd08", cpuinfo(b.console, "CPU part") == ["0xd08"] * 2,
          str(cpuinfo(b.console, "CPU part")))
    claim("VPIDR_EL2: every CPU variant 0x0", cpuinfo(b.console, "CPU variant") == ["0x0"] * 2,
          str(cpuinfo(b.console, "CPU variant")))
    for line in ("Booting Linux on physical CPU 0x0000000100 [0x410fd083]",
                 "CPU1: Booted secondary processor 0x0000000201 [0x410fd083]"):
        claim("VMPIDR_EL2/VPIDR_EL2: '%s'" % line, any(l.endswith("] " + line) for l in b.console), "not printed")
    same_as_qemu(b)


def smp2_gic3(b):
    smp2(b, gic=3)
    for line in ("GICv3: CPU0: found redistributor 100 region 0:0x00000000080a0000",
                 "GICv3: CPU1: found redistributor 201 region 0:0x00000000080c0000"):
        claim("GICv3 by VMPIDR_EL2: '%s'" % line, any(l.endswith("] " + line) for l in b.console), "not printed")


def id_isar0(b):
    common(b, 1)
    values = {t["value"] for t in b.of(reg="ID_AA64ISAR0_EL1")}
    claim("TID3: every ID_AA64ISAR0_EL1 read is the --id value 0x0", values == {"0x0"}, str(values))
    features = cpuinfo(b.console, "Features")
    claim("Features without %s" % " ".join(CRYPTO), features and not any(set(f.split()) & set(CRYPTO)
                                                                         for f in features), str(features))
    claim("the kernel uses no CRC32", not any("CRC32 instructions" in l for l in b.console), "CRC32 detected")

    def without_crypto(line):
        if line.startswith("Features"):
            key, value = line.split(":", 1)
            return key + ": " + " ".join(f for f in value.split() if f not in CRYPTO)
        return line
    same_as_qemu(b, without_crypto)


def main(argv):
    cases = {"smp2": smp2, "id": id_isar0, "smp2-gic3": smp2_gic3}
    if len(argv) != 3 or argv[1] not in cases:
        print(__doc__, file=sys.stderr)
        return 2
    b = Boot(argv[2])
    cases[argv[1]](b)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
