/* vel2 guest runtime: PL011 output, a tiny formatter, system register access and exception frames. */
#ifndef VEL2_GUEST_H
#define VEL2_GUEST_H

typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef int i32;
typedef unsigned short u16;
typedef unsigned char u8;

#define RD(reg) ({ u64 _v; __asm__ volatile("mrs %0, " #reg : "=r"(_v)); _v; })
#define WR(reg, v) __asm__ volatile("msr " #reg ", %0" :: "r"((u64)(v)))
#define ISB() __asm__ volatile("isb" ::: "memory")

/* Registers saved by the vector stubs in start.S, in this order. */
struct frame {
    u64 x[31];
    u64 pad;
};

void putc_uart(char c);
void puts_uart(const char *s);
/* Formats %x (u64, hex without 0x), %d (i64), %s, %c and %%; every integer argument is 64-bit. */
void pr(const char *fmt, ...);
u64 mix(u64 h, u64 v);
void system_off(void) __attribute__((noreturn));
void enter_el1(void (*fn)(void)) __attribute__((noreturn));
void enter_el1_hcr(void (*fn)(void), u64 hcr) __attribute__((noreturn));
void enter_el0(void (*fn)(void), u64 sp) __attribute__((noreturn));
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

/* Exception handlers; the runtime's weak defaults report and power off. vector = offset / 0x80. */
void el2_exception(struct frame *f, int vector);
void el1_exception(struct frame *f, int vector);

/* The guest's entry at EL2; the runtime's weak default drops to EL1 and calls el1_main. */
void el2_main(void);
void el1_main(void); /* must end in system_off() */

#endif
