// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.sysreg;

/**
 * The named access behaviours that rows of the system register table reuse (as KVM's {@code access_vm_reg},
 * {@code ID_SANITISED}): how a permitted read or write is carried out.
 */
public enum Policy {
    /** Plain storage in the vCPU: reads return the stored value, writes store it (RES0/RES1 enforced). */
    STORED,
    /** A read-only identification value: the machine's configured value, else the row's reset value. */
    ID,
    /** MIDR_EL1/MPIDR_EL1: EL1/EL0 reads return VPIDR_EL2/VMPIDR_EL2 when EL2 is enabled, without a trap. */
    VIRTUALIZED_ID,
    /** Read-as-zero, writes ignored. */
    RAZ_WI,
    /** PSTATE views and banked stack pointers (CurrentEL, NZCV, DAIF, SPSel, SP_EL0, SP_EL1): computed by the CPU. */
    PSTATE,
    /** Backed by a device (generic timer, GIC CPU interface): a hook registered by the platform. */
    DEVICE,
    /** A system instruction (TLBI, DC, IC, AT): writes perform an operation; nothing is stored. */
    OPERATION
}
