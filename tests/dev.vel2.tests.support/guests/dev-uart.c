/* dev-uart: the PL011's interrupts as Linux's amba-pl011 driver uses them, at EL1 with the UART's SPI (ID 33) on the
 * GIC: input (dev-uart.uart.in, QEMU's stdin) read by the receive and receive timeout interrupt handler from the
 * 16-character FIFO, and a line sent by the transmit interrupt handler, one character per interrupt. The input
 * starts with '#' marks the guest skips: QEMU empties its receive FIFO when FIFOs are enabled and may have taken the
 * first character before (the PL011 keeps it). How many interrupts the input takes is not printed: QEMU raises the receive interrupt at
 * every character, the PL011 (and vel2) at the trigger level and on the timeout. */
#include "dev.h"

#define UART 0x09000000UL
#define DR 0x000
#define RSR 0x004
#define FR 0x018
#define LCR_H 0x02c
#define CR 0x030
#define IFLS 0x034
#define IMSC 0x038
#define RIS 0x03c
#define MIS 0x040
#define ICR 0x044
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define INT_RX (1u << 4)
#define INT_TX (1u << 5)
#define INT_RT (1u << 6)
#define GICD 0x08000000UL
#define GICC 0x08010000UL
#define UART_INTID 33

static char line[128];
static volatile int received; /* characters in line[] */
static volatile int lines_done; /* complete lines handed over */
static int marks = 1; /* still skipping the leading '#' marks */
static const char *sending;
static volatile int sent_all;

static void receive(void)
{
    while (!(rd(UART + FR) & FR_RXFE)) {
        char c = (char)(rd(UART + DR) & 0xff);
        if (marks && c == '#')
            continue;
        marks = 0;
        line[received++] = c;
        if (c == '\n')
            lines_done++;
    }
}

static void uart_interrupt(void)
{
    u32 mis = rd(UART + MIS);
    if (mis & (INT_RX | INT_RT)) {
        receive();
        wr(UART + ICR, INT_RT); /* the receive interrupt clears itself as the FIFO empties; the timeout may not */
    }
    if (mis & INT_TX) {
        wr(UART + ICR, INT_TX);
        if (*sending) {
            wr(UART + DR, (u8)*sending++);
        } else {
            wr(UART + IMSC, rd(UART + IMSC) & ~INT_TX);
            sent_all = 1;
        }
    }
}

void el1_exception(struct frame *f, int vector)
{
    (void)f;
    if (vector != 5) {
        pr("unexpected el1 vector=%x esr=%x elr=%x\n", (u64)vector, RD(esr_el1), RD(elr_el1));
        system_off();
    }
    u32 iar = rd(GICC + 0x0c);
    if ((iar & 0x3ff) == UART_INTID)
        uart_interrupt();
    wr(GICC + 0x10, iar);
}

static void print_line(int from)
{
    pr("got:");
    for (int i = from; i < received && line[i] != '\n'; i++)
        pr("%c", (i64)line[i]);
    pr("\n");
}

void el1_main(void)
{
    /* UARTFR's transmit side only: when the first input character arrives depends on QEMU's host */
    pr("dev-uart: fr tx=%x cr=%x ifls=%x imsc=%x lcr_h=%x rsr=%x\n", (u64)rd(UART + FR) & 0xa8, (u64)rd(UART + CR),
       (u64)rd(UART + IFLS), (u64)rd(UART + IMSC), (u64)rd(UART + LCR_H), (u64)rd(UART + RSR));
    wr(UART + ICR, 0x7ff);
    pr("after icr: ris=%x\n", (u64)rd(UART + RIS));
    pr("after a character: ris=%x mis=%x\n", (u64)rd(UART + RIS), (u64)rd(UART + MIS));
    wr(UART + LCR_H, 0x70); /* 8 bits, FIFOs */
    /* A read of UARTDR: at most the first '#' can wait in the holding register now; and QEMU, which just emptied
     * its FIFO, takes more of its stdin only after a UARTDR read. */
    (void)rd(UART + DR);
    wr(GICD + 0x000, 1);
    wr(GICD + 0x400 + UART_INTID, 0x80);
    wr(GICD + 0x104, 1u << (UART_INTID - 32));
    wr(GICC + 0x004, 0xf0);
    wr(GICC + 0x000, 1);
    wr(UART + IMSC, INT_RX | INT_RT);
    pr("imsc=%x; waiting for input\n", (u64)rd(UART + IMSC));
    int shown = 0;
    for (int n = 1; n <= 3; n++) {
        sleep_until(&lines_done, n);
        print_line(shown);
        while (line[shown++] != '\n')
            ;
    }
    wr(UART + IMSC, 0);
    pr("received %d characters, fifo empty=%x\n", (i64)received, (u64)(rd(UART + FR) & FR_RXFE) >> 4);

    sending = "sent by the transmit interrupt\n";
    wr(UART + ICR, INT_TX);
    wr(UART + DR, (u8)*sending++);
    wr(UART + IMSC, INT_TX); /* the character just written left: the transmit interrupt is pending */
    sleep_until(&sent_all, 1);
    pr("after sending: imsc=%x ris=%x\n", (u64)rd(UART + IMSC), (u64)rd(UART + RIS));
    system_off();
}
