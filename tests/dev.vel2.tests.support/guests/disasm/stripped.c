/* stripped: a static executable without any symbol, as Debian's busybox-static is; only disassembled, never run.
 * With no symbol at all, objdump labels each section by its name and prints targets as 0x... . */
static volatile unsigned long table[4] = { 1, 2, 3, 4 };

static unsigned long sum(unsigned long n)
{
    unsigned long s = 0;
    for (unsigned long i = 0; i < n; i++) {
        s += table[i & 3] * i;
    }
    return s;
}

void _start(void)
{
    unsigned long r = sum(100);
    __asm__ volatile("mov x0, %0\n\thvc #0" : : "r"(r) : "x0");
    for (;;) {
    }
}

/* A second code section, with a literal pool that nothing marks as data once the mapping symbols are gone. */
__asm__(".section boot, \"ax\"\n"
        "boot_entry:\n"
        "\tldr x0, =0x0000000100000002\n"
        "\tb _start\n"
        "\t.ltorg\n"
        "\t.text\n");
