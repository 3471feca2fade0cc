// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

import java.util.Arrays;

import dev.vel2.emulator.Machine;

/** Small A64 programs run under the virtual EL2: vCPU 0 enters at {@link #ENTRY}, at EL1h. */
final class Programs {
    static final long ENTRY = Machine.RAM_BASE + 0x8_0000;

    private static final int[] SYSTEM_OFF = {
        0xd2800100, // mov  x0, #0x8
        0xf2b08000, // movk x0, #0x8400, lsl #16    PSCI SYSTEM_OFF
        0xd4000002, // hvc  #0
    };

    private Programs() {
    }

    /** {@code insns}, then PSCI SYSTEM_OFF through HVC #0. */
    static int[] thenSystemOff(int... insns) {
        int[] program = Arrays.copyOf(insns, insns.length + SYSTEM_OFF.length);
        System.arraycopy(SYSTEM_OFF, 0, program, insns.length, SYSTEM_OFF.length);
        return program;
    }

    /** Loads {@code program} at {@link #ENTRY}, boots vCPU 0 there and attaches a hypervisor of {@code vm}. */
    static Hypervisor start(Machine machine, Vm vm, int[] program) {
        for (int i = 0; i < program.length; i++) {
            machine.ram().write(ENTRY + 4L * i, 4, program[i]);
        }
        Hypervisor hv = new Hypervisor(vm);
        hv.setStopper(machine::stop);
        machine.boot(ENTRY);
        hv.attachVirtual();
        return hv;
    }
}
