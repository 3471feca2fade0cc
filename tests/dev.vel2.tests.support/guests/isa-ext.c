/* isa-ext: instructions of architecture features the Cortex-A57 lacks, accesses to a system register nobody models
 * and unallocated encodings (isa-ext-asm.S), each executed twice at EL1. All are UNDEFINED on the A57, under QEMU's
 * cortex-a57 as under vel2: the handler prints the word and the syndrome and goes on after it. vel2 also tells the
 * user once per instruction what it lacks (dev.vel2.emulator.cpu.NotModelled). */
#include "guest.h"

extern void (*const ext_cases[])(void);
extern void (*const ext_cases_end[])(void);

void el1_exception(struct frame *f, int vector)
{
    u64 esr = RD(esr_el1), elr = RD(elr_el1);
    (void)f;
    if (vector != 4 || (esr >> 26) != 0) {
        pr("el1 unexpected vector=%x esr=%x elr=%x\n", (u64)vector, esr, elr);
        system_off();
    }
    pr("undefined %x esr=%x\n", (u64)*(u32 *)elr, esr);
    WR(elr_el1, elr + 4);
}

void el1_main(void)
{
    u64 n = (u64)(ext_cases_end - ext_cases);
    pr("isa-ext: %d cases\n", n);
    for (int round = 0; round < 2; round++)
        for (u64 i = 0; i < n; i++)
            ext_cases[i]();
    pr("isa-ext: done\n");
    system_off();
}
