/* dynsym: a small shared object for the disassembler's symbol tests, only disassembled, never run. Two versions of one
 * symbol (api@VER_1 hidden, api@@VER_2 the default), calls through the PLT to glibc (strlen@GLIBC_2.17, a needed
 * version), a local IFUNC (an IRELATIVE PLT entry: *ABS*+0x...@plt) and an exported one (select_impl@plt). */
#include <stdio.h>
#include <string.h>

extern char *ext_name;
int counter;

static int impl_fast(int x)
{
    return x * 2;
}

static int (*resolve_twice(void))(int)
{
    return impl_fast;
}

static int twice(int) __attribute__((ifunc("resolve_twice")));
int select_impl(int) __attribute__((ifunc("resolve_twice")));

int api_v1(const char *s)
{
    return (int)strlen(s) + twice(counter);
}

int api_v2(const char *s)
{
    puts(s);
    return api_v1(s) + (int)strlen(ext_name) + select_impl(counter);
}

__asm__(".symver api_v1, api@VER_1");
__asm__(".symver api_v2, api@@VER_2");

int plain(int a)
{
    counter += a;
    return counter;
}
