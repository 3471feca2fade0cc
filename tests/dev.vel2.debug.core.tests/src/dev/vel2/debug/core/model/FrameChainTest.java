// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.AddressBreakpoints;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.memory.Ram;
import dev.vel2.emulator.memory.TranslationRegime;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.emulator.sysreg.SysRegs;

/**
 * The Debug view's frames against GDB's {@code bt} on the same images and addresses: each -g guest of guests/dwarf runs
 * as under QEMU (guest EL2) and, the first time each instruction GDB was stopped at is about to run, the call chain
 * is walked; every frame, inlined subroutines included, has GDB's function, file and line: frames without a frame
 * pointer, prologues and epilogues, a CFA that is a DWARF expression, return-address signing.
 */
class FrameChainTest {

    @TestFactory
    Stream<DynamicTest> framesAreGdbs() {
        return Stream.of("dwarf-o0", "dwarf-o2", "dwarf-o2-v4").map(name -> DynamicTest.dynamicTest(name, () -> {
            ElfImage image = ElfImage.read(GdbBacktraces.image(name));
            DebugInfo debug = DebugInfo.of(image);
            GuestSymbols symbols = new GuestSymbols(image);
            Map<Long, List<String>> gdb = GdbBacktraces.of(name);
            assertTrue(gdb.size() > 80, name + ": " + gdb.size() + " stops");
            Machine machine = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST);
            machine.load(image);
            Map<Long, List<String>> ours = new LinkedHashMap<>();
            AddressBreakpoints stops = new AddressBreakpoints((cpu, va) -> {
                ours.computeIfAbsent(va, pc -> labels(FrameChain.walk(vcpu(cpu, machine.ram()), debug, symbols),
                        symbols));
                return false;
            });
            gdb.keySet().forEach(stops::add);
            machine.cpu(0).setBreakpoints(stops);
            assertEquals(ExitReason.SYSTEM_OFF, machine.run(50_000_000L));
            List<String> differences = new ArrayList<>();
            gdb.forEach((pc, frames) -> {
                if (!frames.equals(ours.get(pc)) && differences.size() < 5) {
                    differences.add(String.format("at 0x%x GDB %s, ours %s", pc, frames, ours.get(pc)));
                }
            });
            assertEquals(List.of(), differences);
        }));
    }

    /** GDB's names: {@code function (file:line)}, the function alone where there is no line. */
    static List<String> labels(List<FrameChain.Frame> frames, GuestSymbols symbols) {
        return frames.stream().map(f -> f.file() == null ? f.function() : f.label(symbols)).toList();
    }

    /** A stopped CPU of a bare machine as the walk reads a vCPU. */
    static FrameChain.Vcpu vcpu(Cpu cpu, Ram ram) {
        return new FrameChain.Vcpu() {
            @Override
            public long x(int n) {
                return cpu.x(n);
            }

            @Override
            public long sp() {
                return cpu.sp();
            }

            @Override
            public long pc() {
                return cpu.pc();
            }

            @Override
            public long pstate() {
                return cpu.pstate();
            }

            @Override
            public long sysreg(String name) {
                SysReg r = SysRegs.get(name);
                return r.policy().inspect(cpu, r);
            }

            @Override
            public OptionalLong read(long address, int size) {
                return ram.contains(address, size) ? OptionalLong.of(ram.read(address, size)) : OptionalLong.empty();
            }

            @Override
            public OptionalLong read(long address, int size, TranslationRegime regime) {
                return read(address, size); // a bare machine's MMU is off: every regime reads the same
            }
        };
    }

    /**
     * Stopped at the guest's EL2 vector for a trap from EL1 (Xen's, dom0 trapping), the chain goes on through the
     * interrupted kernel's frame records, read in the EL1&0 regime: at the EL2 regime the kernel's stack addresses do
     * not translate (or are something else).
     */
    @Test
    void belowAnEl2VectorTheStackIsReadInTheEl10Regime() {
        long vbar = 0x0000_0a00_0020_0000L;
        long elr = 0xffff_8000_0801_0040L;
        long lr = 0xffff_8000_0802_0000L;
        long caller = 0xffff_8000_0803_0010L;
        long fp = 0xffff_8000_0a00_3f80L;
        Map<Long, Long> el10 = Map.of(fp, 0L, fp + 8, caller); // the kernel's one frame record
        FrameChain.Vcpu atXensVector = new FrameChain.Vcpu() {
            @Override
            public long x(int n) {
                return n == 29 ? fp : n == 30 ? lr : 0;
            }

            @Override
            public long sp() {
                return 0x0000_0a00_0040_0000L;
            }

            @Override
            public long pc() {
                return vbar + 0x400; // synchronous, from a lower EL
            }

            @Override
            public long pstate() {
                return 0x3c9; // EL2h
            }

            @Override
            public long sysreg(String name) {
                return switch (name) {
                    case "VBAR_EL2" -> vbar;
                    case "SPSR_EL2" -> 0x3c5; // EL1h
                    case "ELR_EL2" -> elr;
                    case "SP_EL1" -> fp - 0x40;
                    default -> 0;
                };
            }

            @Override
            public OptionalLong read(long address, int size) {
                return OptionalLong.empty(); // the EL2 regime does not map the kernel's stack
            }

            @Override
            public OptionalLong read(long address, int size, TranslationRegime regime) {
                Long v = regime == TranslationRegime.EL10 ? el10.get(address) : null;
                return v == null ? OptionalLong.empty() : OptionalLong.of(v);
            }
        };
        List<FrameChain.Frame> frames = FrameChain.walk(atXensVector, null, new GuestSymbols(null));
        assertEquals(List.of(vbar + 0x400, elr, lr, caller), frames.stream().map(FrameChain.Frame::pc).toList());
        assertEquals(Arrays.asList(null, TranslationRegime.EL10, TranslationRegime.EL10, TranslationRegime.EL10),
                frames.stream().map(FrameChain.Frame::regime).toList(), "the kernel's frames read their memory so");
    }
}
