/* hv-probe: a boot-time feature probe at EL1. With HCR_EL2.TID3 the ID_AA64MMFR0_EL1 reads trap and EL2 answers
 * (vel2 --id gives the virtual value), one of them into XZR; without it EL1 reads the PE's value. MIDR_EL1 and
 * MPIDR_EL1 never trap: EL1 reads VPIDR_EL2 and VMPIDR_EL2. */
#include "hv.h"

void el1_main(void)
{
    u64 mmfr0 = RD(id_aa64mmfr0_el1);
    __asm__ volatile("mrs xzr, id_aa64mmfr0_el1"); /* a read whose value is discarded: Rt = 31 */
    u64 midr = RD(midr_el1);
    u64 mpidr = RD(mpidr_el1);
    static const u64 pa_bits[] = { 32, 36, 40, 42, 44, 48, 52 };
    u64 parange = mmfr0 & 0xf, asid = (mmfr0 >> 4) & 0xf, tgran4 = (mmfr0 >> 28) & 0xf;
    pr("hv-probe: id_aa64mmfr0_el1=%x\n", mmfr0);
    pr("hv-probe: PA %d bits, ASID %d bits, 4KB granule %s\n", parange < 7 ? pa_bits[parange] : 0,
       asid == 2 ? 16 : 8, tgran4 == 0xf ? "no" : "yes");
    pr("hv-probe: midr_el1=%x mpidr_el1=%x\n", midr, mpidr);
    hv_system_off();
}
