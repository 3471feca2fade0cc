#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Compares two consoles of one Linux boot (QEMU's and vel2's, same kernel, initramfs and device tree), as
releng/check-linux needs it:

- the kernel's lines (up to "Run /init as init process") as multisets: the same lines, each as often, once the
  timestamps are taken off (printk's "[    0.123456] " and audit's "audit(0.188:1)"); their order may differ
  only where the kernel runs work asynchronously (async initcalls such as the initramfs unpacking, kauditd), which
  is told and counted but is not a difference;
- the lines of userspace (after it) in order, exactly;
- lines whose text is the host's time (the RTC's "setting system clock to", which QEMU reads from the host
  and vel2 from virtual time; "hrtimer: interrupt took N ns", which a loaded host makes either print) are left out
  of both;
- QEMU's "CPU features: detected: 32-bit EL0 Support" and "... EL1 Support" are left out of QEMU's: its Cortex-A57
  has AArch32 at EL0/EL1, vel2's PE has none (ID_AA64PFR0_EL1 0x111: a return to AArch32 is illegal, ARM ARM
  D1.11.4), so the kernel rightly detects none there.

    compare-boot.py QEMU.log VEL2.log [--show N]
Exit 0 when the boots agree, 1 when they differ (the differences listed, N of each kind, default 20).
"""
import collections
import re
import sys

STAMP = re.compile(r"^\[ *\d+\.\d+\] ")
AUDIT = re.compile(r"audit\(\d+\.\d+:(\d+)\)")
HOST_TIME = re.compile(r"setting system clock to |hrtimer: interrupt took ")
USERSPACE = "Run /init as init process"
AARCH32 = re.compile(r"^CPU features: detected: 32-bit EL[01] Support$")


def lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read().replace("\r", "")
    kernel, user, seen_init = [], [], False
    for raw in text.split("\n"):
        line = AUDIT.sub(r"audit(T:\1)", STAMP.sub("", raw)).rstrip()
        if not line or HOST_TIME.search(line):
            continue
        if seen_init and not STAMP.match(raw):
            user.append(line)
        else:
            kernel.append(line)
        if USERSPACE in line:
            seen_init = True
    return kernel, user


def main(argv):
    show = 20
    if "--show" in argv:
        show = int(argv[argv.index("--show") + 1])
    qemu_kernel, qemu_user = lines(argv[1])
    qemu_kernel = [l for l in qemu_kernel if not AARCH32.match(l)]
    vel2_kernel, vel2_user = lines(argv[2])
    failed = False
    if not any(USERSPACE in l for l in qemu_kernel):
        print(f"  QEMU's console has no '{USERSPACE}' line: the reference boot failed")
        failed = True
    q, v = collections.Counter(qemu_kernel), collections.Counter(vel2_kernel)
    only_qemu, only_vel2 = list((q - v).elements()), list((v - q).elements())
    for name, missing in (("only QEMU", only_qemu), ("only vel2", only_vel2)):
        for l in missing[:show]:
            print(f"  kernel, {name}: {l}")
        if len(missing) > show:
            print(f"  ... {len(missing) - show} more kernel lines {name} prints")
    failed |= bool(only_qemu or only_vel2)
    moved = sum(1 for a, b in zip(qemu_kernel, vel2_kernel) if a != b) if not failed else 0
    if qemu_user != vel2_user:
        failed = True
        print("  userspace differs:")
        for i in range(max(len(qemu_user), len(vel2_user))):
            a = qemu_user[i] if i < len(qemu_user) else "<none>"
            b = vel2_user[i] if i < len(vel2_user) else "<none>"
            if a != b:
                print(f"    line {i + 1}: QEMU {a!r}\n    {' ' * len(str(i + 1))}       vel2 {b!r}")
                show -= 1
                if show <= 0:
                    break
    if not failed:
        order = f"; {moved} in another place (asynchronous work)" if moved else ""
        print(f"  same console: {len(qemu_kernel)} kernel lines{order}, {len(qemu_user)} userspace lines")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
