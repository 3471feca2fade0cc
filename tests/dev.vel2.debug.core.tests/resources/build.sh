#!/bin/sh
# Builds the debug-core test guests (needs Debian's gcc-aarch64-linux-gnu): NAME.S -> NAME.elf, linked at
# 0x40080000 (QEMU virt's RAM + 512 KiB), entered at _start. The tests use the committed .elf files only.
set -e
cd "$(dirname "$0")"
for name in traps calls; do
    aarch64-linux-gnu-gcc -nostdlib -static -Wl,-Ttext=0x40080000 -Wl,--build-id=none \
        -Wl,--no-warn-rwx-segments -o "$name.elf" "$name.S"
    aarch64-linux-gnu-objdump -d "$name.elf" > "$name.objdump"
done
