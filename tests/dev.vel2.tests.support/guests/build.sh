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
# QEMU runs as many vCPUs as the image's absolute symbol vel2_vcpus says (default 1), as vel2 run does, on the board
# $MACHINE (default virt,virtualization=on).
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
    # NAME.uart.in, if there is one, is what the guest's UART receives (GuestRunTest sends it too); no network card,
    # as on vel2's board
    input=/dev/null
    [ -f "$name.uart.in" ] && input=$name.uart.in
    timeout 60 qemu-system-aarch64 -M "${MACHINE:-virt,virtualization=on}" -cpu "$cpu" -smp "$smp" -nographic -nic none \
        -kernel "$name.elf" < "$input" > "$name.qemu.log"
}

ONLY="$*"
# shellcheck disable=SC2086
guest isa-int    cortex-a57 $INT $RUNTIME isa-int.c isa-int-asm.S
guest isa-lse    max        $INT -march=armv8.1-a $RUNTIME isa-lse.c
guest isa-fp     cortex-a57 -fno-math-errno $RUNTIME isa-fp.c
guest exceptions cortex-a57 $INT $RUNTIME exceptions.c
# isa-ext: encodings of features the Cortex-A57 lacks, each UNDEFINED (and named on vel2's stderr)
guest isa-ext    cortex-a57 $INT $RUNTIME isa-ext.c isa-ext-asm.S
guest pmu-debug  cortex-a57 $INT $RUNTIME pmu-debug.c
# isa-simd-*, isa-fp-*, isa-crypto: random instruction tests written by random/gen-*.py (python3) with
# random/randprog.py: one line per instruction with its results and FPSR, so that a difference names the instruction.
# Their .S is generated here and not committed (.gitignore); the .elf, .objdump and .qemu.log are.
# random_guest NAME GENERATOR CFLAGS...
random_guest() {
    name=$1 generator=$2
    shift 2
    case " $ONLY " in *" $name "*|"  ") ;; *) return ;; esac
    python3 "random/$generator"
    guest "$name" cortex-a57 $INT "$@" $RUNTIME random/report.c "$name.S"
}
random_guest isa-simd-int      gen-simd-int.py
random_guest isa-simd-int-misc gen-simd-int.py
random_guest isa-simd-ls       gen-simd-ls.py
random_guest isa-crypto        gen-crypto.py -march=armv8-a+crypto+crc
random_guest isa-fp-scalar     gen-fp-scalar.py
random_guest isa-simd-fp       gen-fp-simd.py
# isa-crypto-kat: known answers (FIPS-197, FIPS-180, CRC check values) through the crypto extension and CRC32
guest isa-crypto-kat cortex-a57 $INT -march=armv8-a+crypto+crc $RUNTIME isa-crypto-kat.c isa-crypto-kat-asm.S
# hv-*: EL1 programs for both EL2 modes (vel2 run --el2 virtual starts them at el1_entry), with -g (DWARF 5: the
# trap log's "source"; -g changes no instruction, so their listings and QEMU's output stay), paths relative to here
G="-g -ffile-prefix-map=$PWD=."
guest hv-probe   cortex-a57 $INT $G $RUNTIME $HV hv-probe.c
guest hv-idle    cortex-a57 $INT $G $RUNTIME $HV hv-idle.c
guest hv-mmu     cortex-a57 $INT $G $RUNTIME $HV hv-mmu.c
# s2-mmio: the image's own EL2 (as Xen's or KVM's) emulating MMIO from the syndrome of stage 2 Data Aborts
guest s2-mmio    cortex-a57 $INT $RUNTIME s2-mmio.c
# dev-*: the board's devices as Linux uses them: the GIC, its virtualization interface, PL011 interrupts, the devices
# of QEMU's tree with nothing attached, and SMP
DEV=-Idev-common
guest dev-gic    cortex-a57 $INT $DEV $RUNTIME $HV dev-gic.c
guest dev-gicv   cortex-a57 $INT $DEV $RUNTIME dev-gicv.c
guest dev-uart   cortex-a57 $INT $DEV $RUNTIME dev-uart.c
guest dev-absent cortex-a57 $INT $RUNTIME dev-absent.c
guest dev-smp    cortex-a57 $INT $DEV $RUNTIME $HV dev-smp.c
# dev-gic3: a GICv3 board (vel2 --gic 3; GuestRunTest runs dev-gic3* so), no ITS as vel2's
MACHINE=virt,virtualization=on,gic-version=3,its=off guest dev-gic3 cortex-a57 $INT $DEV $RUNTIME dev-gic3.c \
    dev-gic3-asm.S
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
# dwarf/: -g images for the DWARF reader's tests, not run as QEMU-compared guests: dwarf-demo as GCC 12 writes DWARF 5
# at -O0 (the C code's CFI in .debug_frame) and -O2 (in .eh_frame), and as DWARF 4 at -O2 (.debug_frame); the
# assembly's CFI is in .eh_frame, which they keep (common/link.ld without its discarding of .eh_frame). Paths are
# relative to this folder (-ffile-prefix-map). Beside each dwarf/NAME.elf:
#   NAME.objdump     aarch64-linux-gnu-objdump -d -l NAME.elf  (vel2 disasm --source's reference)
#   NAME.addr2line   aarch64-linux-gnu-addr2line -a -f -i of every address objdump lists (the line table's reference)
#   NAME.qemu.log    the UART output of QEMU's virt board with EL2
#   NAME.frames      GDB's bt and unwound registers under QEMU at the first run of each instruction of the functions
#                    dwarf/record-frames.sh is given (the unwinder's reference)
dwarf() {
    name=$1
    shift
    case " $ONLY " in *" dwarf/$name "*|"  ") ;; *) return ;; esac
    echo "building dwarf/$name"
    ld=$(mktemp)
    sed 's/ \*(\.eh_frame\*)//' common/link.ld > "$ld"
    # shellcheck disable=SC2086
    $CC $CFLAGS "$@" -ffile-prefix-map="$PWD"=. $INT $RUNTIME $HV dwarf/dwarf-demo.c dwarf/dwarf-asm.S \
        ${LDFLAGS#-Wl,-T,common/link.ld } -Wl,-T,"$ld" -o "dwarf/$name.elf"
    rm -f "$ld"
    (cd dwarf && $OBJDUMP -d -l "$name.elf" > "$name.objdump")
    addresses=$(awk '/^ *[0-9a-f]+:\t/ { sub(":", "", $1); print "0x" $1 }' "dwarf/$name.objdump")
    # shellcheck disable=SC2086
    aarch64-linux-gnu-addr2line -a -f -i -e "dwarf/$name.elf" $addresses > "dwarf/$name.addr2line"
    timeout 60 qemu-system-aarch64 -M virt,virtualization=on -cpu cortex-a57 -nographic -kernel "dwarf/$name.elf" \
        < /dev/null > "dwarf/$name.qemu.log"
    dwarf/record-frames.sh "dwarf/$name.elf" hypercall checksum on_side_stack call_on_stack asm_sum \
        > "dwarf/$name.frames"
}
dwarf dwarf-o0 -O0 -g -fno-asynchronous-unwind-tables -fno-unwind-tables
dwarf dwarf-o2 -O2 -g
dwarf dwarf-o2-v4 -O2 -gdwarf-4 -fno-asynchronous-unwind-tables -fno-unwind-tables
# kernel/: kernel-boot.S, a stand-in for a Linux kernel (vel2 run --kernel): linked at 0 and copied out as an arm64
# Image, linked at 0x40080000 as an ELF kernel; the Image's output under QEMU -kernel at EL2 (kernel-boot.qemu.log)
# and at EL1 with an initrd (its own source) and a command line (kernel-boot.el1.qemu.log); the /chosen/module@
# nodes of QEMU's tree with the Image under two -device guest-loader (its source as a kernel with bootargs, its ELF as
# an initrd), as dtc prints them (kernel-boot.guest-loader.qemu.dts).
kernel() {
    case " $ONLY " in *" kernel/$1 "*|"  ") ;; *) return ;; esac
    echo "building kernel/$1"
    (cd kernel
    k="-nostdlib -nostartfiles -static -no-pie -Wl,--build-id=none -Wl,-N -Wl,--no-warn-rwx-segments"
    # shellcheck disable=SC2086
    $CC $k -Wl,-Ttext=0 -o "$1.Image.elf" "$1.S"
    aarch64-linux-gnu-objcopy -O binary "$1.Image.elf" "$1.Image"
    rm "$1.Image.elf"
    # shellcheck disable=SC2086
    $CC $k -Wl,-Ttext=0x40080000 -o "$1.elf" "$1.S"
    timeout 60 qemu-system-aarch64 -M virt,virtualization=on -cpu cortex-a57 -nographic -kernel "$1.Image" \
        < /dev/null > "$1.qemu.log"
    timeout 60 qemu-system-aarch64 -M virt -cpu cortex-a57 -nographic -kernel "$1.Image" -initrd "$1.S" \
        -append "console=ttyAMA0 vel2" < /dev/null > "$1.el1.qemu.log"
    timeout 60 qemu-system-aarch64 -M virt,virtualization=on,dumpdtb="$1.guest-loader.dtb" -cpu cortex-a57 \
        -nographic -kernel "$1.Image" -device guest-loader,addr=0x42000000,kernel="$1.S",bootargs="console=hvc0,,x" \
        -device guest-loader,addr=0x43000000,initrd="$1.elf" 2> /dev/null
    dtc -I dtb -O dts "$1.guest-loader.dtb" 2> /dev/null | sed -n '/module@/,/};/p' > "$1.guest-loader.qemu.dts"
    rm "$1.guest-loader.dtb")
}
kernel kernel-boot
# kernel/virt-gic3.qemu.dts: the interrupt controller and timer nodes of QEMU's tree for a GICv3 board with EL2 and no
# ITS, as dtc prints them (VirtDeviceTreeTest compares vel2's with them)
case " $ONLY " in *" kernel/virt-gic3 "*|"  ")
    echo "building kernel/virt-gic3.qemu.dts"
    qemu-system-aarch64 -M virt,virtualization=on,gic-version=3,its=off,dumpdtb=kernel/virt-gic3.dtb -cpu cortex-a57 \
        -smp 2 -nographic 2> /dev/null
    dtc -I dtb -O dts kernel/virt-gic3.dtb 2> /dev/null | sed -n '/^\t\(intc@\|timer \)/,/^\t};/p' \
        > kernel/virt-gic3.qemu.dts
    rm kernel/virt-gic3.dtb ;;
esac
