#!/bin/sh
# Rebuilds the committed test guests (needs aarch64-linux-gnu-gcc); linked at QEMU virt's RAM + 0x80000.
set -e
cd "$(dirname "$0")"
for g in hello loop echo exception-loop; do
  aarch64-linux-gnu-gcc -nostdlib -static -Wl,-Ttext=0x40080000 -Wl,--build-id=none -Wl,-n -o "$g.elf" "$g.S"
done
