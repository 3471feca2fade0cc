// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model.registers;

import java.util.List;

import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.session.SessionInspection;

/**
 * Where a register of the views comes from and goes to: a session read and write, and its bit fields, taken from the
 * system register table (the one description of every layout; general registers have none).
 */
sealed interface RegisterSource {

    String name();

    /** The bit fields, msb first; empty for a plain 64-bit value. */
    List<Field> fields();

    long read(SessionInspection s, int vcpu);

    boolean writable();

    void write(SessionInspection s, int vcpu, long value);

    /** What the Registers view shows as the declared type. */
    String type();

    /** X0..X30. */
    record General(int n) implements RegisterSource {
        @Override
        public String name() {
            return "X" + n;
        }

        @Override
        public List<Field> fields() {
            return List.of();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return s.x(vcpu, n);
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            s.setX(vcpu, n, value);
        }

        @Override
        public String type() {
            return "general register";
        }
    }

    /** The stack pointer PSTATE selects. */
    record StackPointer() implements RegisterSource {
        @Override
        public String name() {
            return "SP";
        }

        @Override
        public List<Field> fields() {
            return List.of();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return s.sp(vcpu);
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            s.setSp(vcpu, value);
        }

        @Override
        public String type() {
            return "stack pointer (SP_ELx selected by PSTATE.SP)";
        }
    }

    record ProgramCounter() implements RegisterSource {
        @Override
        public String name() {
            return "PC";
        }

        @Override
        public List<Field> fields() {
            return List.of();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return s.pc(vcpu);
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            s.setPc(vcpu, value);
        }

        @Override
        public String type() {
            return "program counter";
        }
    }

    /** PSTATE in the SPSR layout the session reports it in: the fields are SPSR_EL1's. */
    record Pstate() implements RegisterSource {
        @Override
        public String name() {
            return "PSTATE";
        }

        @Override
        public List<Field> fields() {
            return SysRegs.get("SPSR_EL1").fields();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return s.pstate(vcpu);
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            s.setPstate(vcpu, value);
        }

        @Override
        public String type() {
            return "PSTATE (SPSR layout)";
        }
    }

    /** A system register's stored value; HCR_EL2 is the VM's, so a write changes every vCPU's. */
    record System(SysReg reg) implements RegisterSource {
        @Override
        public String name() {
            return reg.name();
        }

        @Override
        public List<Field> fields() {
            return reg.fields();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return s.register(vcpu, reg);
        }

        /** Writable where the register's policy lets a debugger write it. */
        @Override
        public boolean writable() {
            return reg.policy().modifiable(reg);
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            s.setRegister(vcpu, reg, value);
        }

        /** The register's description; for one a read changes, that the debugger shows 0 instead of reading it. */
        @Override
        public String type() {
            String type = reg.description().isEmpty() ? "system register" : reg.description();
            return reg.readEffect() == null ? type : type + " (not read: a read " + reg.readEffect() + "; shown as 0)";
        }
    }

    /** The virtual EL2's saved copy of a shadowed stage-1 control (the live value is a child). */
    record Shadow(SysReg reg) implements RegisterSource {
        @Override
        public String name() {
            return reg.name();
        }

        @Override
        public List<Field> fields() {
            return reg.fields();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return entry(s, vcpu).saved();
        }

        SessionInspection.ShadowRegister entry(SessionInspection s, int vcpu) {
            for (SessionInspection.ShadowRegister r : s.shadow(vcpu)) {
                if (r.reg() == reg) {
                    return r;
                }
            }
            throw new IllegalArgumentException(reg.name() + " is not shadowed");
        }

        @Override
        public boolean writable() {
            return false; // the hypervisor owns its copy
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            throw new IllegalArgumentException("the shadow copy of " + reg.name() + " is the hypervisor's");
        }

        @Override
        public String type() {
            return "shadow copy (virtual EL2)";
        }
    }

    /** An identification register as EL1 reads it without a trap: the virtual value (VPIDR_EL2, VMPIDR_EL2). */
    record GuestView(SysReg id, SysReg virtual) implements RegisterSource {
        @Override
        public String name() {
            return id.name();
        }

        @Override
        public List<Field> fields() {
            return id.fields();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return s.sysreg(vcpu, virtual);
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            s.setSysreg(vcpu, virtual, value);
        }

        @Override
        public String type() {
            return "as the guest reads it: " + virtual.name();
        }

        /** The hypervisor took its documented default: the architecture gives the register no reset value. */
        boolean defaulted(SessionInspection s, int vcpu) {
            return virtual == SysRegAccess.VPIDR_EL2 ? s.vpidrDefaulted(vcpu) : s.vmpidrDefaulted(vcpu);
        }
    }

    /** The real identification value, what the guest would read without EL2. */
    record Real(SysReg id) implements RegisterSource {
        @Override
        public String name() {
            return id.name() + " (real)";
        }

        @Override
        public List<Field> fields() {
            return id.fields();
        }

        @Override
        public long read(SessionInspection s, int vcpu) {
            return s.sysreg(vcpu, id);
        }

        @Override
        public boolean writable() {
            return false;
        }

        @Override
        public void write(SessionInspection s, int vcpu, long value) {
            throw new IllegalArgumentException(id.name() + " is read-only");
        }

        @Override
        public String type() {
            return "the PE's own value";
        }
    }
}
