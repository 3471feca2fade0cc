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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import dev.vel2.emulator.Machine;
import dev.vel2.emulator.a64.Disassembler;
import dev.vel2.emulator.cpu.Cpu;
import dev.vel2.emulator.cpu.SysRegAccess;
import dev.vel2.emulator.loader.ElfImage;
import dev.vel2.emulator.loader.ImageException;
import dev.vel2.emulator.sysreg.SysReg;
import dev.vel2.hypervisor.Hypervisor;

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

    private static int runImage(Options o, InputStream in, OutputStream out, PrintStream err)
            throws UsageException, ImageException, IOException {
        ElfImage image = read(o.image());
        Machine m = new Machine(o.vcpus(image), o.memMiB(), o.guestEl2() ? Cpu.El2Mode.GUEST : Cpu.El2Mode.VIRTUAL);
        if (o.interpret()) {
            for (int i = 0; i < m.cpuCount(); i++) {
                m.cpu(i).setTranslating(false);
            }
        }
        if (in != null) {
            feedUart(in, m);
        }
        m.setUartOutput(b -> {
            try {
                out.write(b);
                if (b == '\n') {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        PrintStream log = openTrapLog(o.trapLog(), err);
        try {
            Hypervisor hv = null;
            long entry;
            if (o.guestEl2()) {
                TrapLog listener = log == null ? null : new TrapLog(log); // one sequence for every vCPU
                for (int i = 0; i < m.cpuCount(); i++) {
                    configureGuest(m.cpu(i), o);
                    if (listener != null) {
                        m.cpu(i).addTrapListener(listener);
                    }
                }
                entry = image.entry();
            } else {
                hv = VirtualEl2.attach(m, o, err);
                if (log != null) {
                    hv.addListener(new TrapLog(log));
                }
                entry = VirtualEl2.el1Entry(image);
            }
            image.load(m.ram());
            m.boot(entry);
            Machine.ExitReason exit = m.run(o.maxInsns());
            out.flush();
            write(o.regsOut(), RegisterDump.of(m, exit), err);
            if (hv != null) {
                write(o.stats(), Stats.of(hv, exit), err);
                if (hv.failed()) {
                    err.println("vel2: internal error: the hypervisor could not handle a trap");
                    return INTERNAL_ERROR;
                }
            }
            return switch (exit) {
                case SYSTEM_OFF -> OK;
                case INSTRUCTION_LIMIT -> INSTRUCTION_LIMIT;
                case SYSTEM_RESET -> SYSTEM_RESET;
                case STOPPED -> ALL_OFF;
                case EXCEPTION_LOOP -> {
                    err.println("vel2: " + m.exceptionLoop());
                    yield EXCEPTION_LOOP;
                }
            };
        } finally {
            if (log != null && log != err) {
                log.close();
            }
        }
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

    /** Guest-EL2 mode: the options' initial EL2 and ID register values, set before the image's EL2 runs. */
    private static void configureGuest(Cpu c, Options o) {
        if (o.hcr() != null) {
            c.setSysreg(SysRegAccess.HCR_EL2, o.hcr());
        }
        Long vpidr = Options.forVcpu(o.vpidr(), c.index());
        if (vpidr != null) {
            c.setSysreg(SysRegAccess.VPIDR_EL2, vpidr);
        }
        Long vmpidr = Options.forVcpu(o.vmpidr(), c.index());
        if (vmpidr != null) {
            c.setSysreg(SysRegAccess.VMPIDR_EL2, vmpidr);
        }
        for (Map.Entry<SysReg, Long> e : o.ids().entrySet()) {
            c.setSysreg(e.getKey(), e.getValue());
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
        if (args.length != 1) {
            throw new UsageException("disasm takes one IMAGE");
        }
        ElfImage image = read(args[0]);
        image.warnings().forEach(w -> err.println("vel2: warning: " + args[0] + ": " + w));
        StringBuilder listing = new StringBuilder();
        Disassembler.listing(image, args[0], listing);
        out.write(listing.toString().getBytes(StandardCharsets.UTF_8));
        return OK;
    }
}
