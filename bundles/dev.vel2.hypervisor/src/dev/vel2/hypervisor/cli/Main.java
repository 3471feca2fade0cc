// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.emulator.a64.Disassembler;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.El2Mode;
import dev.vel2.emulator.dwarf.DebugInfo;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.hypervisor.GuestImage;
import dev.vel2.hypervisor.Hypervisor;
import dev.vel2.hypervisor.LinuxBoot;
import dev.vel2.hypervisor.Vm;
import dev.vel2.hypervisor.VmBuilder;
import dev.vel2.hypervisor.VmDescription;
import dev.vel2.hypervisor.gdb.GdbRun;

/**
 * The headless runner, {@code releng/vel2}: {@code run} boots an image on the virt board and passes the guest's UART
 * bytes to stdout unchanged (nothing else goes there); {@code disasm} lists an image. Messages are one line on
 * stderr starting "vel2: ". See {@link Options#USAGE} for options and exit codes.
 */
public final class Main {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;
    static final int INSTRUCTION_LIMIT = 3;
    static final int SYSTEM_RESET = 4;
    static final int ALL_OFF = 5;
    static final int EXCEPTION_LOOP = 6;

    private Main() {
    }

    public static void main(String[] args) {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.exit(run(args, System.in, out, System.err));
    }

    /** Runs one command without UART input; returns the exit code. */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        return run(args, null, out, err);
    }

    /**
     * Runs one command; returns the exit code. {@code out} receives only guest output (run) or the listing; bytes read
     * from {@code in} (may be null) go to the guest's UART receiver as they arrive.
     */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
                err.println(Options.USAGE);
                return args.length == 0 ? BAD_INPUT : OK;
            }
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "run" -> runImage(Options.parse(rest), in, out, err);
                case "disasm" -> disasm(rest, out, err);
                default -> throw new UsageException("unknown command " + args[0] + " (run, disasm)");
            };
        } catch (UsageException | ImageException e) {
            err.println("vel2: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            err.println("vel2: internal error: " + e);
            if (debug) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        } finally {
            try {
                out.flush();
            } catch (IOException e) {
                err.println("vel2: cannot write output: " + e.getMessage());
            }
        }
    }

    /**
     * The VM {@code vel2 run ARGS...} describes (its image read), without building it: what another front end offering
     * the same settings can be compared with.
     *
     * @throws IllegalArgumentException for arguments {@code run} refuses, with the message it prints
     */
    public static VmDescription description(String... runArgs) throws ImageException {
        try {
            return describe(Options.parse(runArgs));
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A daemon reader: stdin never blocks the machine, and an idle reader never keeps the JVM alive. */
    private static void feedUart(InputStream in, Machine m) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                for (int n; (n = in.read(buf)) > 0;) {
                    m.sendUartInput(java.util.Arrays.copyOf(buf, n));
                }
            } catch (IOException e) {
                // stdin closed: no more input for the guest
            }
        }, "vel2 uart input");
        t.setDaemon(true);
        t.start();
    }

    /** The VM of {@code o}: its ELF image read, or its kernel probed for the ELF symbols an ELF kernel has. */
    private static VmDescription describe(Options o) throws UsageException, ImageException {
        if (o.linux() != null) {
            return o.description(o.linux(), LinuxBoot.elf(LinuxBoot.kernel(o.linux())));
        }
        ElfImage elf = read(o.image());
        return o.description(new GuestImage.Elf(elf), elf);
    }

    private static int runImage(Options o, InputStream in, OutputStream out, PrintStream err)
            throws UsageException, ImageException, IOException {
        VmDescription d = describe(o);
        if (o.dumpDtb() != null) {
            return dumpDtb(d, o.dumpDtb());
        }
        PrintStream log = openTrapLog(o.trapLog(), err);
        try {
            VmBuilder.Built vm = VmBuilder.build(d, 0);
            Machine m = vm.machine();
            Hypervisor hv = vm.hypervisor();
            DebugInfo debug = vm.elf() == null ? null : DebugInfo.of(vm.elf()); // the logs' "source", read lazily
            if (d.el2() == El2Mode.VIRTUAL && vm.vm().vcpu(0).vpidrDefaulted()) {
                err.println("vel2: warning: VPIDR_EL2 has no reset value; EL1 reads MIDR_EL1 as the default 0x"
                        + Long.toHexString(Vm.DEFAULT_VPIDR) + " (set --vpidr)");
            }
            if (log != null) {
                TrapLog l = new TrapLog(log, debug); // both EL2 modes: one sequence for every vCPU; a held trap once handled
                hv.addListener(e -> {
                    if (!e.held()) {
                        l.trap(e);
                    }
                });
            }
            for (int i = 0; i < m.cpuCount(); i++) { // what vel2 lacks, once per instruction: one line each
                m.cpu(i).addNotModelledListener((c, what) -> err.println(what.line(c.index())));
            }
            if (o.stats() != null) {
                Stats.collect(hv);
            }
            if (in != null) {
                feedUart(in, m);
            }
            IntConsumer uart = b -> {
                try {
                    out.write(b);
                    if (b == '\n') {
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            m.setUartOutput(uart);
            ExitReason exit = o.gdb() == null ? m.run(o.maxInsns()) : runForGdb(o, d, vm, uart, err);
            out.flush();
            write(o.regsOut(), RegisterDump.of(m, exit, debug), err);
            write(o.stats(), Stats.of(hv, exit), err);
            if (hv.failed()) {
                err.println("vel2: internal error: the hypervisor could not handle a trap");
                return INTERNAL_ERROR;
            }
            if (exit == ExitReason.EXCEPTION_LOOP) {
                err.println("vel2: " + m.exceptionLoop());
            }
            return exitCode(exit);
        } finally {
            if (log != null && log != err) {
                log.close();
            }
        }
    }

    /** {@code --gdb}: the run under the stub; an address it cannot listen on is a bad argument. */
    private static ExitReason runForGdb(Options o, VmDescription d, VmBuilder.Built vm, IntConsumer uart,
            PrintStream err) throws UsageException {
        try {
            return GdbRun.run(d, vm, o.maxInsns(), o.gdb(), uart, err);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Builds the VM to write the device tree it would boot with, as QEMU's {@code -machine dumpdtb=FILE}. */
    private static int dumpDtb(VmDescription d, String file) throws UsageException, ImageException {
        byte[] dtb = VmBuilder.build(d, 0).linux().dtb();
        try {
            Files.write(Path.of(file), dtb);
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("cannot write device tree " + file + ": " + e.getMessage());
        }
        return OK;
    }

    /** The exit status of a run that ended so: also what GDB's exit packet reports. */
    public static int exitCode(ExitReason exit) {
        return switch (exit) {
            case SYSTEM_OFF -> OK;
            case INSTRUCTION_LIMIT -> INSTRUCTION_LIMIT;
            case SYSTEM_RESET -> SYSTEM_RESET;
            case STOPPED -> ALL_OFF;
            case EXCEPTION_LOOP -> EXCEPTION_LOOP;
        };
    }

    /** Writes a report to {@code file} ("-": stderr); nothing when the option was not given. */
    private static void write(String file, String text, PrintStream err) throws IOException {
        if (file == null) {
            return;
        }
        if (file.equals("-")) {
            err.print(text);
        } else {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
        }
    }

    private static PrintStream openTrapLog(String file, PrintStream err) throws UsageException {
        if (file == null) {
            return null;
        }
        if (file.equals("-")) {
            return err; // stdout carries the guest's UART only
        }
        try {
            return new PrintStream(Files.newOutputStream(Path.of(file)), false, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write trap log " + file + ": " + e.getMessage());
        }
    }

    private static ElfImage read(String file) throws ImageException {
        try {
            return ElfImage.read(Path.of(file));
        } catch (ImageException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new ImageException(file + ": no such file");
            }
            throw new ImageException(file + ": " + e.getMessage());
        }
    }

    private static int disasm(String[] args, OutputStream out, PrintStream err)
            throws UsageException, ImageException, IOException {
        boolean source = args.length > 0 && args[0].equals("--source");
        if (args.length != (source ? 2 : 1)) {
            throw new UsageException("disasm takes one IMAGE");
        }
        String file = args[args.length - 1];
        ElfImage image = read(file);
        image.warnings().forEach(w -> err.println("vel2: warning: " + file + ": " + w));
        StringBuilder listing = new StringBuilder();
        if (source) {
            DebugInfo debug = DebugInfo.of(image);
            debug.warnings().forEach(w -> err.println("vel2: warning: " + file + ": " + w));
            Disassembler.sourceListing(image, file, debug, listing);
        } else {
            Disassembler.listing(image, file, listing);
        }
        out.write(listing.toString().getBytes(StandardCharsets.UTF_8));
        return OK;
    }
}
