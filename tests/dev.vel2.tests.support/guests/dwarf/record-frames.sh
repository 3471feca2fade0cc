#!/bin/sh
# record-frames.sh IMAGE FUNCTION...: runs IMAGE on QEMU's virt board (EL2, as build.sh does) under GDB and, the first
# time each instruction of the FUNCTIONs is about to run, prints GDB's bt and the registers it unwinds for every frame
# (GDB's "frame apply all info registers", one line a frame): the reference of the DWARF unwinder's tests.
#   stop 0x40082280
#   #0  hypercall (fid=..., arg=...) at dwarf-demo.c:19
#   #1  0x0000000040082360 in on_side_stack (arg=...) at dwarf-demo.c:48
#   regs #0 x19=0x5 x20=0x0 ... x30=0x40082360 sp=0x4009b9a0 pc=0x40082280
# Needs gdb-multiarch and qemu-system-aarch64.
set -e
image=$1
shift
cmds=$(mktemp)
trap 'rm -f "$cmds"' EXIT
port=$((20000 + $$ % 20000))
cat > "$cmds" <<END
set pagination off
set confirm off
set width 0
set filename-display basename
set print frame-arguments none
target remote localhost:$port
END
for f in "$@"; do
    aarch64-linux-gnu-objdump -d "$image" | awk -v f="<$f>:" '$2 == f { on = 1; next } /^$/ { on = 0 }
        on && /^ *[0-9a-f]+:/ { sub(":", "", $1); print $1 }'
done | while read -r pc; do
    cat >> "$cmds" <<END
tbreak *0x$pc
commands
silent
printf "stop 0x%lx\n", \$pc
bt
frame apply all info registers x19 x20 x21 x22 x23 x24 x25 x26 x27 x28 x29 x30 sp pc
continue
end
END
done
echo continue >> "$cmds"
qemu-system-aarch64 -M virt,virtualization=on -cpu cortex-a57 -nographic -kernel "$image" -S -gdb tcp:localhost:$port \
    < /dev/null > /dev/null &
sleep 1
gdb-multiarch -batch -nx -ex "file $image" -x "$cmds" 2>&1 | awk '
    /^stop / { flush(); stop = 1; zeros = 0; print; next }
    !stop { next }
    /^#0 / { zeros++ }
    /^#[0-9]+ / { if (zeros > 1) { flush(); frame = $1 } else print; next }
    /^(x[0-9]+|sp|pc) / { value = $2; if ($2 == "<not") value = "<not-saved>"; line = line " " $1 "=" value; next }
    /^Backtrace stopped/ { print }
    function flush() { if (line != "") print "regs " frame line; line = ""; frame = "#0" }
    END { flush() }'
wait
