// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.gdb;

import java.util.Locale;

import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.hypervisor.session.SessionInspection;

/**
 * One register of the target description: its GDB name and size, and where its value comes from and goes to in the
 * session, as the IDE's register views read and write it (general registers, PSTATE, SIMD&FP, system registers
 * through the table's policies, the virtual EL2's shadow copies, the identification the guest reads). Values are
 * little-endian bytes, as the protocol sends them.
 */
sealed interface GdbRegister {

    String name();

    int bits();

    /** Reads the value of {@code vcpu}; IllegalStateException while the machine runs. */
    byte[] read(SessionInspection s, int vcpu);

    /** Writes it; IllegalArgumentException (the reason) where the register may not be written. */
    void write(SessionInspection s, int vcpu, byte[] value);

    /** X0..X30. */
    record General(int n) implements GdbRegister {
        @Override
        public String name() {
            return "x" + n;
        }

        @Override
        public int bits() {
            return 64;
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            return bytes(s.x(vcpu, n), 8);
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            s.setX(vcpu, n, value(value));
        }
    }

    /** The stack pointer PSTATE selects. */
    record StackPointer() implements GdbRegister {
        @Override
        public String name() {
            return "sp";
        }

        @Override
        public int bits() {
            return 64;
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            return bytes(s.sp(vcpu), 8);
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            s.setSp(vcpu, value(value));
        }
    }

    /** The PC; moving it drops a trap the vCPU stopped at. */
    record ProgramCounter() implements GdbRegister {
        @Override
        public String name() {
            return "pc";
        }

        @Override
        public int bits() {
            return 64;
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            return bytes(s.pc(vcpu), 8);
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            s.setPc(vcpu, value(value));
        }
    }

    /** GDB's cpsr: PSTATE in the SPSR layout, 32 bits. */
    record Pstate() implements GdbRegister {
        @Override
        public String name() {
            return "cpsr";
        }

        @Override
        public int bits() {
            return 32;
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            return bytes(s.pstate(vcpu), 4);
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            s.setPstate(vcpu, value(value));
        }
    }

    /** V0..V31, 128 bits. */
    record Vector(int n) implements GdbRegister {
        @Override
        public String name() {
            return "v" + n;
        }

        @Override
        public int bits() {
            return 128;
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            long[] v = s.v(vcpu, n);
            byte[] b = new byte[16];
            System.arraycopy(bytes(v[0], 8), 0, b, 0, 8);
            System.arraycopy(bytes(v[1], 8), 0, b, 8, 8);
            return b;
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            s.setV(vcpu, n, value(java.util.Arrays.copyOfRange(value, 0, 8)),
                    value(java.util.Arrays.copyOfRange(value, 8, 16)));
        }
    }

    /** A row of the system register table, read and written as the IDE's register views do. */
    record SystemRegister(SysReg reg, int bits) implements GdbRegister {
        @Override
        public String name() {
            return reg.asmName();
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            return bytes(s.register(vcpu, reg), bits / 8);
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            s.setRegister(vcpu, reg, value(value));
        }
    }

    /** The virtual EL2's saved copy of a shadowed stage-1 control: read-only, the hypervisor owns it. */
    record Shadow(SysReg reg) implements GdbRegister {
        @Override
        public String name() {
            return "shadow_" + reg.asmName();
        }

        @Override
        public int bits() {
            return 64;
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            for (SessionInspection.ShadowRegister r : s.shadow(vcpu)) {
                if (r.reg() == reg) {
                    return bytes(r.saved(), 8);
                }
            }
            throw new IllegalArgumentException(reg.name() + " is not shadowed");
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            throw new IllegalArgumentException("the shadow copy of " + reg.name() + " is the hypervisor's");
        }
    }

    /** An identification register as EL1 reads it without a trap: the EL2 register that virtualizes it. */
    record GuestView(SysReg id, SysReg virtual) implements GdbRegister {
        @Override
        public String name() {
            return "guest_" + id.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public int bits() {
            return 64;
        }

        @Override
        public byte[] read(SessionInspection s, int vcpu) {
            return bytes(s.register(vcpu, virtual), 8);
        }

        @Override
        public void write(SessionInspection s, int vcpu, byte[] value) {
            s.setRegister(vcpu, virtual, value(value));
        }
    }

    /** {@code n} little-endian bytes of {@code v}. */
    static byte[] bytes(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** The little-endian value of up to 8 bytes. */
    static long value(byte[] b) {
        long v = 0;
        for (int i = Math.min(b.length, 8) - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }
}
