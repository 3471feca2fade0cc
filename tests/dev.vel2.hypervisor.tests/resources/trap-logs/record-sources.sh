#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Records what binutils' addr2line answers for the PC of every trap of the recorded trap logs (the trap log's "source"
# reference, TrapLogSourceTest): NAME.addr2line holds "addr2line -a -e IMAGE PC..." of the distinct PCs of NAME.*.jsonl.
# Needs Debian's binutils-aarch64-linux-gnu. Usage: record-sources.sh (from anywhere)
set -e
cd "$(dirname "$0")"
guests=../../../dev.vel2.tests.support/guests
for name in hv-probe hv-idle hv-mmu example; do
    image=$guests/$name.elf
    [ "$name" = example ] && image=../../../../bundles/dev.vel2.debug.ui/examples/idle-probe-ttbr0/example.elf
    # shellcheck disable=SC2046
    aarch64-linux-gnu-addr2line -a -e "$image" \
        $(sed 's/.*"pc":"\(0x[0-9a-f]*\)".*/\1/' "$name".*.jsonl | sort -u) > "$name.addr2line"
done
