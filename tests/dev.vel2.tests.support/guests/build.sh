#!/bin/sh
# Builds vel2's guest images from source and records their references (needs Debian's gcc-aarch64-linux-gnu,
# binutils-aarch64-linux-gnu and qemu-system-arm). For each guest NAME it writes, beside the sources:
#   NAME.elf        the image (linked at 0x40080000, entered at EL2)
#   NAME.objdump    aarch64-linux-gnu-objdump -d NAME.elf  (the disassembler's reference)
#   NAME.qemu.log   the UART output of QEMU's virt board with EL2 (the interpreter's reference)
# Usage: build.sh [NAME...]   (default: every guest)
set -e
cd "$(dirname "$0")"
CC=aarch64-linux-gnu-gcc
OBJDUMP=aarch64-linux-gnu-objdump
CFLAGS="-O2 -ffreestanding -nostdlib -nostartfiles -mstrict-align -fno-pic -fno-pie -no-pie -fno-stack-protector
 -fno-tree-vectorize -mno-outline-atomics -Wall -Icommon"
INT="-mgeneral-regs-only"
LDFLAGS="-Wl,-T,common/link.ld -Wl,--build-id=none -Wl,--no-warn-rwx-segments -static"
RUNTIME="common/start.S common/guest.c"

HV="-Ihv-common hv-common/hv-start.S hv-common/hv.c"

# guest NAME QEMU_CPU CFLAGS... SOURCES...
# QEMU runs as many vCPUs as the image's absolute symbol vel2_vcpus says (default 1), as vel2 run does.
guest() {
    name=$1 cpu=$2
    shift 2
    case " $ONLY " in *" $name "*|"  ") ;; *) return ;; esac
    echo "building $name"
    # shellcheck disable=SC2086
    $CC $CFLAGS "$@" $LDFLAGS -o "$name.elf"
    $OBJDUMP -d "$name.elf" > "$name.objdump"
    smp=$(aarch64-linux-gnu-nm "$name.elf" | awk '$3 == "vel2_vcpus" { print $1 }')
    smp=$(printf '%d' "0x${smp:-1}")
    timeout 60 qemu-system-aarch64 -M virt,virtualization=on -cpu "$cpu" -smp "$smp" -nographic -kernel "$name.elf" \
        < /dev/null > "$name.qemu.log"
}

ONLY="$*"
# shellcheck disable=SC2086
guest isa-int    cortex-a57 $INT $RUNTIME isa-int.c isa-int-asm.S
guest isa-lse    max        $INT -march=armv8.1-a $RUNTIME isa-lse.c
guest isa-fp     cortex-a57 -fno-math-errno $RUNTIME isa-fp.c
guest exceptions cortex-a57 $INT $RUNTIME exceptions.c
guest pmu-debug  cortex-a57 $INT $RUNTIME pmu-debug.c
# isa-simd-*, isa-fp-*, isa-crypto: random instruction tests written by random/gen-*.py (python3) with
# random/randprog.py: one line per instruction with its results and FPSR, so that a difference names the instruction.
# (each generator adds its line here: guest NAME cortex-a57 $INT $RUNTIME random/report.c NAME.S)
guest isa-simd-int      cortex-a57 $INT $RUNTIME random/report.c isa-simd-int.S
guest isa-simd-int-misc cortex-a57 $INT $RUNTIME random/report.c isa-simd-int-misc.S
guest isa-simd-ls  cortex-a57 $INT $RUNTIME random/report.c isa-simd-ls.S
guest isa-crypto   cortex-a57 $INT -march=armv8-a+crypto+crc $RUNTIME random/report.c isa-crypto.S
# isa-crypto-kat: known answers (FIPS-197, FIPS-180, CRC check values) through the crypto extension and CRC32
guest isa-crypto-kat cortex-a57 $INT -march=armv8-a+crypto+crc $RUNTIME isa-crypto-kat.c isa-crypto-kat-asm.S
guest isa-fp-scalar cortex-a57 $INT $RUNTIME random/report.c isa-fp-scalar.S
guest isa-simd-fp cortex-a57 $INT $RUNTIME random/report.c isa-simd-fp.S
# hv-*: EL1 programs for both EL2 modes (vel2 run --el2 virtual starts them at el1_entry)
guest hv-probe   cortex-a57 $INT $RUNTIME $HV hv-probe.c
guest hv-idle    cortex-a57 $INT $RUNTIME $HV hv-idle.c
guest hv-mmu     cortex-a57 $INT $RUNTIME $HV hv-mmu.c
# bench-*: speed measurements (releng/bench-vs-qemu). They print timings, so their images live in bench/, away
# from the guests whose output must equal QEMU's.
mkdir -p bench
guest bench/bench-mixed     cortex-a57 $INT $RUNTIME bench-mixed.c bench-mixed-asm.S
guest bench/bench-mixed-s1  cortex-a57 $INT -DMMU=1 $RUNTIME bench-mixed.c bench-mixed-asm.S
guest bench/bench-mixed-s12 cortex-a57 $INT -DMMU=2 $RUNTIME bench-mixed.c bench-mixed-asm.S
guest bench/bench-trap      cortex-a57 $INT -Wl,-e,bench_entry $RUNTIME bench-trap.c bench-trap-asm.S
# disasm/: images that are only disassembled (DisassemblerObjdumpTest and DisasmSymbolsTest check vel2's listing and
# its names against objdump's): the shared object dynsym as linked (.symtab) and stripped (.dynsym with versions,
# PLT and relocation names), again with PAC PLT stubs (24 bytes each), and a static executable without symbols.
# image NAME.{so,elf} COMMAND...: builds it in disasm/ and writes disasm/NAME.objdump
image() {
    file=$1
    shift
    case " $ONLY " in *" disasm/${file%.*} "*|"  ") ;; *) return ;; esac
    echo "building disasm/$file"
    (cd disasm && "$@" && $OBJDUMP -d "$file" > "${file%.*}.objdump")
}
SO="-O2 -fPIC -shared -mgeneral-regs-only -fno-asynchronous-unwind-tables -Wl,--version-script=dynsym.map
 -Wl,--build-id=none -Wl,-z,max-page-size=4096"
# shellcheck disable=SC2086
image dynsym.so $CC $SO -o dynsym.so dynsym.c dynsym-asm.S
image dynsym-stripped.so aarch64-linux-gnu-strip -o dynsym-stripped.so dynsym.so
# shellcheck disable=SC2086
image dynsym-pac.so $CC $SO -Wl,-z,pac-plt -s -o dynsym-pac.so dynsym.c dynsym-asm.S
image stripped.elf $CC -O2 -ffreestanding -nostdlib -static -s -mgeneral-regs-only -fno-asynchronous-unwind-tables \
    -Wl,--build-id=none -Wl,-z,max-page-size=4096 -o stripped.elf stripped.c
