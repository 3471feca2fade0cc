/* vel2 guest runtime in C: UART output through the PL011 at 0x09000000, a formatter, default handlers. */
#include "guest.h"

#define UART_DR ((volatile u32 *)0x09000000UL)
#define UART_FR ((volatile u32 *)0x09000018UL)
#define FR_TXFF (1u << 5)

void putc_uart(char c)
{
    while (*UART_FR & FR_TXFF)
        ;
    *UART_DR = (u8)c;
}

void puts_uart(const char *s)
{
    while (*s)
        putc_uart(*s++);
}

static void put_unsigned(u64 v, unsigned base)
{
    char buf[24];
    int i = 0;
    do {
        unsigned d = v % base;
        buf[i++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    while (i)
        putc_uart(buf[--i]);
}

void pr(const char *fmt, ...)
{
    __builtin_va_list ap;
    __builtin_va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            putc_uart(*fmt);
            continue;
        }
        switch (*++fmt) {
        case 'x': put_unsigned(__builtin_va_arg(ap, u64), 16); break;
        case 'd': {
            i64 v = __builtin_va_arg(ap, i64);
            if (v < 0) {
                putc_uart('-');
                v = -v;
            }
            put_unsigned((u64)v, 10);
            break;
        }
        case 's': puts_uart(__builtin_va_arg(ap, const char *)); break;
        case 'c': putc_uart((char)__builtin_va_arg(ap, i64)); break;
        case '%': putc_uart('%'); break;
        default: putc_uart('?'); break;
        }
    }
    __builtin_va_end(ap);
}

/* FNV-1a style mixing, one 64-bit value at a time: results print as one checksum per test line. */
u64 mix(u64 h, u64 v)
{
    return (h ^ v) * 0x100000001b3UL + (h >> 29);
}

void *memset(void *d, int c, unsigned long n)
{
    u8 *p = d;
    while (n--)
        *p++ = (u8)c;
    return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
    u8 *p = d;
    const u8 *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

__attribute__((weak)) void el2_exception(struct frame *f, int vector)
{
    (void)f;
    pr("unexpected el2 exception vector=%x esr=%x elr=%x far=%x\n", (u64)vector, RD(esr_el2), RD(elr_el2),
       RD(far_el2));
    system_off();
}

__attribute__((weak)) void el1_exception(struct frame *f, int vector)
{
    (void)f;
    pr("unexpected el1 exception vector=%x esr=%x elr=%x far=%x\n", (u64)vector, RD(esr_el1), RD(elr_el1),
       RD(far_el1));
    system_off();
}

__attribute__((weak)) void el2_main(void)
{
    enter_el1(el1_main);
}
