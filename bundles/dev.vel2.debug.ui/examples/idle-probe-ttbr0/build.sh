#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Rebuilds example.elf from start.S and example.c (needs Debian's gcc-aarch64-linux-gnu). The image is committed,
# so that the IDE and the tests never need the cross compiler.
set -e
cd "$(dirname "$0")"
aarch64-linux-gnu-gcc -O2 -g -ffreestanding -nostdlib -nostartfiles -mgeneral-regs-only -mstrict-align \
    -fno-pic -fno-pie -no-pie -fno-stack-protector -static -Wall \
    -Wl,-Ttext=0x40080000 -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
    -ffile-prefix-map="$PWD"=. -o example.elf start.S example.c
