// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.cpu.Translation;
import dev.vel2.emulator.memory.Mmu;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.memory.Walk;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.sysreg.Field;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegTable;
import dev.vel2.emulator.sysreg.SysRegs;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.ShadowMmuRegisters;
import dev.vel2.hypervisor.TrapClass;
import dev.vel2.hypervisor.TrapStatistics;
import dev.vel2.hypervisor.Vcpu;
import dev.vel2.hypervisor.Vm;

/**
 * The registers, memory and counters of one {@link Session}'s machine, as the debugger reads and writes them
 * ({@link Session#inspection()}).
 * <p>
 * Registers and memory can be read and written while the session is suspended (or terminated); while it runs they
 * throw {@code IllegalStateException("machine is running")}. Those calls hold the session's lock, so the machine
 * cannot start in the middle of one. {@link #statistics()} may be read any time.
 */
public final class SessionInspection {

    /** A shadowed stage-1 control: the live register, the virtual EL2's saved copy, and its dirty flag. */
    public record ShadowRegister(SysReg reg, long live, long saved, boolean dirty) {
    }

    /**
     * What a vCPU is doing, as a debugger lists its threads.
     *
     * @param mode the EL and stack pointer as SPSR.M names them ({@code EL1h}); empty for a powered-off vCPU
     */
    public record VcpuState(String mode, Activity activity) {

        /** Whether it would run if resumed, waits, or is off. */
        public enum Activity {
            READY, WFI, WFE, OFF
        }

        /** {@code EL1h}, {@code EL1h, WFI}, {@code off}. */
        @Override
        public String toString() {
            return switch (activity) {
                case READY -> mode;
                case WFI, WFE -> mode + ", " + activity;
                case OFF -> "off";
            };
        }
    }

    private static final Field SPSR_M = SysRegs.get("SPSR_EL1").field("M");

    private final Session session;
    private final Machine machine;
    private final Vm vm;
    private final Hypervisor hypervisor;
    private final GuestMemory memory;

    SessionInspection(Session session, Machine machine, Hypervisor hypervisor, GuestMemory memory) {
        this.session = session;
        this.machine = machine;
        this.hypervisor = hypervisor;
        this.vm = hypervisor.vm();
        this.memory = memory;
    }

    /** Xn, n in 0..30. */
    public long x(int vcpu, int n) {
        checkRegister(n);
        return read(() -> session.stoppedCpu(vcpu).x(n));
    }

    public void setX(int vcpu, int n, long value) {
        checkRegister(n);
        write(() -> session.stoppedCpu(vcpu).setX(n, value));
    }

    /** The stack pointer PSTATE selects (SP_ELx or SP_EL0). */
    public long sp(int vcpu) {
        return read(() -> session.stoppedCpu(vcpu).sp());
    }

    public void setSp(int vcpu, long value) {
        write(() -> session.stoppedCpu(vcpu).setSp(value));
    }

    public long pc(int vcpu) {
        return read(() -> session.stoppedCpu(vcpu).pc());
    }

    /** Moves the PC; a trap the vCPU stopped at is dropped (the instruction at the new PC runs instead). */
    public void setPc(int vcpu, long value) {
        write(() -> {
            vm.vcpu(vcpu).discardPendingTrap();
            session.stoppedCpu(vcpu).setPc(value);
        });
    }

    /** PSTATE in SPSR layout (NZCV, IL, DAIF, EL, SP). */
    public long pstate(int vcpu) {
        return read(() -> session.stoppedCpu(vcpu).pstate());
    }

    public void setPstate(int vcpu, long value) {
        write(() -> session.stoppedCpu(vcpu).setPstate(value));
    }

    /** Vn, n in 0..31, all 128 bits: {@code [0]} the low half, {@code [1]} the high half. */
    public long[] v(int vcpu, int n) {
        checkVector(n);
        return read(() -> {
            long[] v = session.stoppedCpu(vcpu).vreg;
            return new long[] { v[2 * n], v[2 * n + 1] };
        });
    }

    public void setV(int vcpu, int n, long low, long high) {
        checkVector(n);
        write(() -> {
            long[] v = session.stoppedCpu(vcpu).vreg;
            v[2 * n] = low;
            v[2 * n + 1] = high;
        });
    }

    /** What the vCPU is doing: its mode, whether it waits in WFI or WFE, or is powered off. */
    public VcpuState state(int vcpu) {
        return read(() -> {
            Cpu c = session.stoppedCpu(vcpu);
            VcpuState.Activity a = !machine.isOn(vcpu) ? VcpuState.Activity.OFF
                    : machine.waitsForEvent(vcpu) ? VcpuState.Activity.WFE
                    : c.isWaiting() ? VcpuState.Activity.WFI : VcpuState.Activity.READY;
            String mode = SPSR_M.valueMeaning(SPSR_M.get(c.pstate()));
            return new VcpuState(a == VcpuState.Activity.OFF || mode == null ? "" : mode, a);
        });
    }

    /**
     * A system register's value as the debugger sees it, as its policy shows it: the stored (real) value, e.g.
     * MIDR_EL1 itself and not what EL1 reads through VPIDR_EL2; PSTATE and device registers (timers) through their
     * views.
     */
    public long sysreg(int vcpu, SysReg r) {
        return read(() -> r.policy().inspect(session.stoppedCpu(vcpu), r));
    }

    /** Writes one vCPU's register (HCR_EL2 of every vCPU: {@link #setHcr}); system instructions are refused. */
    public void setSysreg(int vcpu, SysReg r, long value) {
        write(() -> r.policy().modify(session.stoppedCpu(vcpu), r, value));
    }

    /**
     * A system register as a debugger's register views show it: HCR_EL2 is the VM's ({@link #hcr()}) under the
     * virtual EL2, every other register (HCR_EL2 too where the guest's EL2 programs its own) the vCPU's
     * ({@link #sysreg}).
     */
    public long register(int vcpu, SysReg r) {
        return vmWide(r) ? hcr() : sysreg(vcpu, r);
    }

    /** HCR_EL2 under the virtual EL2: the VM's trap policy, the same on every vCPU. */
    private boolean vmWide(SysReg r) {
        return r == SysRegAccess.HCR_EL2 && session.config().vm().el2() != El2Mode.GUEST;
    }

    /**
     * A debugger's write of a system register, the one path the IDE's register views and the GDB stub take: HCR_EL2
     * under the virtual EL2 changes every vCPU's ({@link #setHcr}), any other register the vCPU's; a register whose
     * policy lets no debugger write it ({@code Policy.modifiable}) is refused with an IllegalArgumentException.
     */
    public void setRegister(int vcpu, SysReg r, long value) {
        if (!r.policy().modifiable(r)) {
            throw new IllegalArgumentException(r.name() + " is read-only");
        }
        if (vmWide(r)) {
            setHcr(value);
        } else {
            setSysreg(vcpu, r, value);
        }
    }

    /** The system register table of the session's machine (the debugger's register groups list its rows). */
    public SysRegTable sysRegs() {
        return vm.vcpu(0).cpu().sysRegs();
    }

    public long hcr() {
        return read(vm::hcr);
    }

    /** Changes HCR_EL2 of every vCPU: the trap policy the guest runs under from the next resume. */
    public void setHcr(long value) {
        write(() -> vm.setHcr(value));
    }

    /** True when VPIDR_EL2 of {@code vcpu} was left to {@link Vm#DEFAULT_VPIDR} (the views warn). */
    public boolean vpidrDefaulted(int vcpu) {
        return vm.vcpu(vcpu).vpidrDefaulted();
    }

    public boolean vmpidrDefaulted(int vcpu) {
        return vm.vcpu(vcpu).vmpidrDefaulted();
    }

    /** True when {@code vcpu} stopped at a trap (a trap breakpoint) that it emulates when it resumes. */
    public boolean hasPendingTrap(int vcpu) {
        return read(() -> vm.vcpu(vcpu).pendingTrap() != null);
    }

    /** The virtual EL2's shadow of the stage-1 controls, in {@link ShadowMmuRegisters#registers()} order. */
    public List<ShadowRegister> shadow(int vcpu) {
        return read(() -> {
            Vcpu v = vm.vcpu(vcpu);
            List<ShadowRegister> out = new ArrayList<>();
            for (SysReg r : v.shadow().registers()) {
                out.add(new ShadowRegister(r, v.cpu().sysreg(r), v.shadow().saved(r), v.shadow().dirty(r)));
            }
            return List.copyOf(out);
        });
    }

    /** {@code length} bytes of RAM at physical address {@code pa}; IllegalArgumentException outside RAM. */
    public byte[] readPhysical(long pa, int length) {
        return read(() -> memory.readPhysical(pa, length));
    }

    public void writePhysical(long pa, byte[] data) {
        write(() -> memory.writePhysical(pa, data));
    }

    /** Bytes at virtual address {@code va} in {@code vcpu}'s current regime; IllegalArgumentException on a fault. */
    public byte[] readVirtual(int vcpu, long va, int length) {
        return readVirtual(vcpu, va, length, null);
    }

    /** The same in {@code regime} (null: the current one), as a frame below a guest's EL2 vector is read. */
    public byte[] readVirtual(int vcpu, long va, int length, TranslationRegime regime) {
        return read(() -> {
            Cpu c = session.stoppedCpu(vcpu);
            return memory.readVirtual(c, va, length, regime == null ? GuestMemory.regime(c) : regime);
        });
    }

    /** {@code size} (1 to 8) bytes at {@code va} in {@code vcpu}'s regime, little-endian, as an unwinder reads them. */
    public OptionalLong readVirtualLong(int vcpu, long va, int size) {
        return read(() -> SourceFrames.readLong(memory, session.stoppedCpu(vcpu), va, size));
    }

    /** The same in {@code regime}: the EL1&0 regime's stack of the code a guest's EL2 vector interrupted, say. */
    public OptionalLong readVirtualLong(int vcpu, long va, int size, TranslationRegime regime) {
        return read(() -> SourceFrames.readLong(memory, session.stoppedCpu(vcpu), va, size, regime));
    }

    /** Writes at a virtual address (permissions ignored); a translation fault anywhere writes nothing. */
    public void writeVirtual(int vcpu, long va, byte[] data) {
        write(() -> memory.writeVirtual(session.stoppedCpu(vcpu), va, data));
    }

    /** The MMU walk of {@code va} for a read in {@code vcpu}'s current regime, with no effect on the guest. */
    public Walk translate(int vcpu, long va) {
        return read(() -> memory.translate(session.stoppedCpu(vcpu), va, Translation.READ));
    }

    /**
     * The MMU walk of {@code va} for a read in {@code regime} (the EL1&0 regime's two stages, say, while the vCPU is
     * at the guest's EL2), with no effect on the guest.
     */
    public Walk translate(int vcpu, long va, TranslationRegime regime) {
        return read(() -> Mmu.walk(session.stoppedCpu(vcpu), va, regime, Translation.READ));
    }

    /** Exit counters and costs per vCPU and class, and the lazy switch's savings; approximate while running. */
    public Statistics statistics() {
        TrapStatistics traps = hypervisor.statistics();
        List<Statistics.VcpuStatistics> out = new ArrayList<>();
        for (Vcpu v : vm.vcpus()) {
            Map<TrapClass, Long> exits = new EnumMap<>(TrapClass.class);
            for (TrapClass c : TrapClass.values()) {
                exits.put(c, v.exits(c));
            }
            out.add(new Statistics.VcpuStatistics(v.index(), v.cpu().insns(), Collections.unmodifiableMap(exits),
                    v.shadow().saves(), v.shadow().savesAvoided(), traps.classes(v.index())));
        }
        return new Statistics(hypervisor.trapCount(), List.copyOf(out), traps.classes());
    }

    private <T> T read(Supplier<T> read) {
        return session.whileSuspended(read);
    }

    private void write(Runnable write) {
        session.whileSuspended(() -> {
            write.run();
            return null;
        });
    }

    private static void checkVector(int n) {
        if (n < 0 || n > 31) {
            throw new IllegalArgumentException("V" + n + " is not a SIMD&FP register (V0-V31)");
        }
    }

    private static void checkRegister(int n) {
        if (n < 0 || n > 30) {
            throw new IllegalArgumentException("X" + n + " is not a general register (X0-X30)");
        }
    }
}
