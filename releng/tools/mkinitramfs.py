#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Writes the initramfs of releng/check-linux: a newc cpio (gzip) holding a static busybox, /dev/console and an
/init script that prints what the check compares (the kernel's view of the CPU, a checksum and a loop computed
in userspace), then powers the machine off. Written here rather than with cpio(1) so that the device node needs
no root and the archive is the same bytes on every machine (fixed mtimes, owners and inode numbers).

    mkinitramfs.py BUSYBOX OUT.cpio.gz
"""
import gzip
import os
import sys

INIT = """#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
echo "vel2-init: userspace up"
grep -E "^(processor|Features|CPU implementer|CPU architecture|CPU variant|CPU part|CPU revision)" /proc/cpuinfo
echo "vel2-init: cpus $(grep -c ^processor /proc/cpuinfo)"
echo "vel2-init: online $(cat /sys/devices/system/cpu/online)"
echo "vel2-init: sha256 $(echo vel2 | sha256sum)"
echo "vel2-init: md5 $(busybox | md5sum)"
i=0; s=0; while [ $i -lt 2000 ]; do s=$((s + i * i ^ i)); i=$((i + 1)); done
echo "vel2-init: loop $s"
echo "vel2-init: awk $(awk 'BEGIN { x = 1; for (i = 1; i < 200; i++) x = (x * 31 + i) % 1000003; print x, 7 / 3 }')"
poweroff -f
"""


def entry(out, ino, name, mode, data=b"", rdev=(0, 0)):
    fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name) + 1, 0]
    header = b"070701" + b"".join(b"%08X" % f for f in fields)
    out += header + name.encode() + b"\0"
    out += b"\0" * (-len(out) % 4)
    out += data
    out += b"\0" * (-len(out) % 4)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    busybox = open(argv[1], "rb").read()
    out = bytearray()
    ino = 1
    for d in ("bin", "dev", "proc", "sys", "sbin", "usr", "usr/bin", "usr/sbin"):
        entry(out, ino, d, 0o040755)
        ino += 1
    entry(out, ino, "dev/console", 0o020600, rdev=(5, 1))
    ino += 1
    entry(out, ino, "bin/busybox", 0o100755, busybox)
    ino += 1
    entry(out, ino, "init", 0o100755, INIT.encode())
    ino += 1
    entry(out, 0, "TRAILER!!!", 0)
    out += b"\0" * (-len(out) % 512)
    with open(argv[2], "wb") as f:
        f.write(gzip.compress(bytes(out), mtime=0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
