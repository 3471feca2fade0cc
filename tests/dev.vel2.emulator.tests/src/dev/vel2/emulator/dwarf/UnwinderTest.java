// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.cpu.AddressBreakpoints;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.memory.Ram;

/**
 * The unwinder against GDB's {@code bt} on the same images and addresses: each -g guest runs on the machine as under
 * QEMU (guest EL2) and, the first time each instruction of the functions GDB was stopped in is about to run
 * (NAME.frames, recorded by record-frames.sh with QEMU's GDB stub), is unwound; every frame's PC, SP, X19-X30 and
 * function equal GDB's. The functions: a leaf without a frame record whose locals move SP ({@code hypercall}, -O2),
 * one with return-address signing and callee-saved pairs ({@code checksum}), one that runs on another stack and one
 * that calls it (the CFA a DWARF expression: {@code call_on_stack}), an assembly function with
 * remember/restore_state and a "zPLR" CIE ({@code asm_sum}); in each, every instruction: prologues and epilogues
 * included. GDB shows inlined subroutines as frames of their own: those of one physical frame (same PC and SP) count
 * as one, named by the outermost, the subprogram.
 */
class UnwinderTest {
    static final long BUDGET = 50_000_000L;

    /** A frame as the test compares it: the subprogram and the registers, as record-frames.sh prints them. */
    static String frame(String function, FrameRegisters f) {
        StringBuilder b = new StringBuilder(function);
        for (int r = 19; r <= FrameRegisters.SP; r++) {
            OptionalLong v = f.register(r);
            b.append(' ').append(r == FrameRegisters.SP ? "sp" : "x" + r).append('=')
                    .append(v.isPresent() ? "0x" + Long.toHexString(v.getAsLong()) : "<not-saved>");
        }
        return b.append(" pc=0x").append(Long.toHexString(f.pc())).toString();
    }

    /** GDB's frames at each stop (first hit of an address), inlined frames folded into their physical frame. */
    static Map<Long, List<String>> gdbFrames(String name) {
        Map<Long, List<String>> stops = new TreeMap<>();
        List<String> functions = new ArrayList<>();
        List<String> frames = null;
        String lastRegisters = null;
        for (String line : DwarfGuests.reference(name, ".frames").split("\n")) {
            if (line.startsWith("stop 0x")) {
                frames = new ArrayList<>();
                functions.clear();
                lastRegisters = null;
                stops.put(Long.parseUnsignedLong(line.substring(7), 16), frames);
            } else if (line.startsWith("#")) { // "#1  0x0000000040082360 in on_side_stack (arg=...) at ..."
                String rest = line.replaceFirst("^#\\d+\\s+(0x[0-9a-f]+ in )?", "");
                functions.add(rest.substring(0, rest.indexOf(' ')));
            } else if (line.startsWith("regs #")) {
                int n = Integer.parseInt(line.substring(6, line.indexOf(' ', 6)));
                String registers = line.substring(line.indexOf(' ', 6) + 1);
                String function = functions.get(n);
                if (registers.equals(lastRegisters)) { // an inlined frame: the outer one names the physical frame
                    frames.set(frames.size() - 1, function + " " + registers);
                } else {
                    frames.add(function + " " + registers);
                }
                lastRegisters = registers;
            }
        }
        return stops;
    }

    /** The subprogram of a frame, or the symbol binutils names where DWARF has none. */
    static String function(DebugInfo debug, FrameRegisters f) {
        List<FunctionScope> chain = debug.function(f.lookupPc());
        return chain.isEmpty() ? debug.functionName(f.lookupPc()).orElse("??") : chain.get(chain.size() - 1).name();
    }

    static Unwinder.Memory memory(Ram ram) {
        return (address, size) -> ram.contains(address, size) ? OptionalLong.of(ram.read(address, size))
                : OptionalLong.empty();
    }

    static FrameRegisters registers(Cpu cpu, long pc) {
        long[] x = new long[31];
        for (int i = 0; i < x.length; i++) {
            x[i] = cpu.x(i);
        }
        return FrameRegisters.of(pc, cpu.sp(), x);
    }

    static List<String> backtrace(DebugInfo debug, Cpu cpu, long pc, Unwinder.Memory memory) {
        List<String> out = new ArrayList<>();
        for (FrameRegisters f : debug.unwinder().backtrace(registers(cpu, pc), memory)) {
            out.add(frame(function(debug, f), f));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> framesEqualGdbsBacktraces() {
        return DwarfGuests.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ElfImage image = DwarfGuests.image(name);
            DebugInfo debug = DebugInfo.of(image);
            Map<Long, List<String>> expected = gdbFrames(name);
            assertTrue(expected.size() > 80, name + ": " + expected.size() + " stops");
            Machine machine = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST);
            ByteArrayOutputStream uart = new ByteArrayOutputStream();
            machine.setUartOutput(uart::write);
            machine.load(image);
            Unwinder.Memory memory = memory(machine.ram());
            Map<Long, List<String>> ours = new LinkedHashMap<>();
            AddressBreakpoints stops = new AddressBreakpoints((cpu, va) -> {
                ours.computeIfAbsent(va, pc -> backtrace(debug, cpu, pc, memory));
                return false;
            });
            expected.keySet().forEach(stops::add);
            machine.cpu(0).setBreakpoints(stops);
            assertEquals(ExitReason.SYSTEM_OFF, machine.run(BUDGET));
            assertEquals(DwarfGuests.reference(name, ".qemu.log"), uart.toString(StandardCharsets.ISO_8859_1));
            List<String> differences = new ArrayList<>();
            expected.forEach((pc, frames) -> {
                if (!frames.equals(ours.get(pc)) && differences.size() < 5) {
                    differences.add(String.format("at 0x%x GDB %s, ours %s", pc, frames, ours.get(pc)));
                }
            });
            assertEquals(List.of(), differences);
        }));
    }

    /** The trap the story is about: HVC from a -O2 leaf without a frame record, unwound where the CPU takes it. */
    @Test
    void atATrapInALeafWithoutAFrameRecord() throws Exception {
        ElfImage image = DwarfGuests.image("dwarf-o2");
        DebugInfo debug = DebugInfo.of(image);
        Machine machine = new Machine(1, Machine.DEFAULT_MEMORY_MIB, El2Mode.GUEST);
        machine.load(image);
        Unwinder.Memory memory = memory(machine.ram());
        List<List<String>> atTraps = new ArrayList<>();
        List<Long> trapPcs = new ArrayList<>();
        machine.cpu(0).addTrapListener((cpu, trap) -> {
            if (debug.functionName(trap.pc()).orElse("").equals("hypercall")) {
                trapPcs.add(trap.pc());
                atTraps.add(backtrace(debug, cpu, trap.pc(), memory));
            }
        });
        assertEquals(ExitReason.SYSTEM_OFF, machine.run(BUDGET));
        assertEquals(1, atTraps.size(), "one HVC from hypercall");
        List<String> gdb = gdbFrames("dwarf-o2").get(trapPcs.get(0));
        assertNotNull(gdb, "GDB stopped at the HVC");
        assertEquals(gdb, atTraps.get(0));
        assertEquals(List.of("hypercall", "on_side_stack", "call_on_stack", "el1_main", "el1_entry"),
                atTraps.get(0).stream().map(f -> f.substring(0, f.indexOf(' '))).toList());
        FunctionScope leaf = debug.function(trapPcs.get(0)).get(0);
        assertTrue(trapPcs.get(0) > leaf.entry(), "the HVC is past the leaf's SP adjustment");
    }
}
