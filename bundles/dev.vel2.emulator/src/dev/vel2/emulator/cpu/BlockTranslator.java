// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.cpu;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import dev.vel2.emulator.a64.Insn;
import dev.vel2.emulator.a64.Row;

/**
 * Translates traces of decoded instructions ({@link #next}) into {@link Block}s (the hot ones: a trace runs as a
 * {@link ThreadedBlock} first, see {@link BlockRunner#PROMOTE_AFTER}): a hidden JVM class per block whose
 * {@code run} calls the decode table's handler of each instruction with its operands, both held in static final
 * fields, so that the JIT compiler sees constant receivers and arguments and inlines the handlers with their
 * operands folded in. The instruction table stays the one definition of what an instruction does; this class only
 * removes the dispatch.
 * <p>
 * Between instructions the generated code makes the checks that keep a block equivalent to single steps: it leaves
 * when an instruction went elsewhere than the next one of the trace ({@link Cpu#nextPc}: a taken branch, an
 * exception, a return elsewhere than the trace's call returns to) or asked for an interrupt check
 * ({@link Cpu#interruptsDirty}: DAIF, system registers, a device, a trap to the guest's EL2, a wait, a store over
 * code). A conditional branch taken to an instruction further on in the trace jumps there; where the block leaves
 * for its own start, it goes round again within the instruction limit it is given.
 * <p>
 * Uses ASM (org.objectweb.asm, an optional import): without it, or with {@code -Dvel2.translate=false}, the vCPU
 * only interprets.
 */
final class BlockTranslator {
    /** Most instructions in one block. */
    static final int MAX_LENGTH = 64;

    /** True when blocks can be made here: ASM is on the class path and translation is not switched off. */
    static final boolean AVAILABLE = available();

    private static final String CPU = Type.getInternalName(Cpu.class);
    private static final String BLOCK = Type.getInternalName(Block.class);
    private static final String EXEC = Type.getInternalName(Row.Exec.class);
    private static final String EXEC_DESC = Type.getDescriptor(Row.Exec.class);
    private static final String NAME = BLOCK.substring(0, BLOCK.lastIndexOf('/') + 1) + "TranslatedBlock";

    private BlockTranslator() {
    }

    private static boolean available() {
        if (!Boolean.parseBoolean(System.getProperty("vel2.translate", "true"))) {
            return false;
        }
        try {
            Class.forName("org.objectweb.asm.ClassWriter", false, BlockTranslator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * True when {@code insn} may be inside a block. Exception-generating instructions (SVC, HVC, SMC, BRK) and the
     * system instructions that write system state (MSR, SYS: the translation regime, TLB and instruction cache
     * maintenance) stay with {@link Cpu#step}. The others ({@link Insn#keepsContext}) are in hot code: the hints of
     * every function's prologue and epilogue (PACIASP, AUTIASP, BTI, NOP: a third of a Linux boot's single steps were
     * these), MRS of SP_EL0 and TPIDR_EL1 (the kernel's current task and per-CPU data), barriers, memset's DC ZVA, an
     * idle loop's WFI. A block holds them as a step runs them: the count they may read as time is a step's, and what
     * they do that a step's checks must see (trap, wait) ends the block ({@link Cpu#setWaiting}, a trap's new PC, a
     * hypervisor's stop).
     */
    static boolean translatable(Insn insn) {
        int w = insn.word();
        return !insn.isUndefined() && ((w & 0xffc00000) != 0xd5000000 || insn.keepsContext())
                && (w & 0xff000000) != 0xd4000000;
    }

    /** Calls a trace follows into and returns from, at most. */
    static final int MAX_CALLS = 8;
    /**
     * "None" for {@link #next}: not an instruction's address (not aligned). Addresses of the upper half (TTBR1) are
     * negative longs, so -1 cannot serve.
     */
    static final long NONE = 1;

    /**
     * Where a trace goes after {@code insn} at {@code a}: the next instruction; a B's or BL's target (a BL pushes its
     * return address on {@code calls}, {@code calls[0]} counting them); for RET, the return address of the trace's
     * last call; {@link #NONE} where the trace ends (another branch to a register, a return it did not call, too
     * many calls).
     * Conditional branches go on to the next instruction: taken, the block leaves or jumps ahead within itself.
     */
    static long next(Insn insn, long a, long[] calls) {
        return switch (insn.flow()) {
            case JUMP -> insn.branchTarget(a);
            case CALL -> {
                if (calls[0] == MAX_CALLS) {
                    yield NONE;
                }
                calls[(int) ++calls[0]] = a + 4;
                yield insn.branchTarget(a);
            }
            case RETURN -> calls[0] > 0 ? calls[(int) calls[0]--] : NONE;
            case CALL_INDIRECT, ELSEWHERE -> NONE;
            case NEXT, CONDITIONAL -> a + 4;
        };
    }

    /**
     * The classes made so far, by the address and words of their instructions, shared by every vCPU and machine of
     * this JVM: the same code (a multi-vCPU guest, a guest launched again) gets the same class, whose methods the JIT
     * has already compiled. Held softly, and strongly by the blocks in use ({@link Block#classEntry}): the classes of
     * machines that are gone go when memory is short.
     */
    private static final Map<Key, SoftReference<MethodHandle>> CLASSES = new ConcurrentHashMap<>();

    /** What a block class is made from: its start address and instruction words. */
    private record Key(long start, int[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.start == start && Arrays.equals(k.words, words);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(start) * 31 + Arrays.hashCode(words);
        }
    }

    /**
     * A block of {@code insns} at {@code addresses} (a trace of one page, each the {@link #next} of the one before,
     * all translatable). Its start and words determine the trace, so they name its class.
     */
    static Block translate(long[] addresses, List<Insn> insns) {
        return instance(addresses, insns, true);
    }

    /** The block of {@code insns} at {@code addresses} when its class was made already (by any vCPU), else null. */
    static Block translated(long[] addresses, List<Insn> insns) {
        return instance(addresses, insns, false);
    }

    private static Block instance(long[] addresses, List<Insn> insns, boolean define) {
        int n = insns.size();
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = insns.get(i).word();
        }
        long start = addresses[0];
        Key key = new Key(start, words);
        try {
            SoftReference<MethodHandle> known = CLASSES.get(key);
            MethodHandle constructor = known == null ? null : known.get();
            if (constructor == null) {
                if (!define) {
                    return null;
                }
                constructor = define(addresses, insns);
                CLASSES.put(key, new SoftReference<>(constructor));
            }
            Block b = (Block) constructor.invoke(start, n, runs(addresses, n));
            b.classEntry = constructor;
            return b;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the block at 0x" + Long.toHexString(start), e);
        }
    }

    /** {@link Block#runs} of the trace at {@code addresses}. */
    static long[] runs(long[] addresses, int n) {
        long[] runs = new long[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k > 0 && addresses[i] == runs[k - 2] + 4 * runs[k - 1]) {
                runs[k - 1]++;
            } else {
                runs[k++] = addresses[i];
                runs[k++] = 1;
            }
        }
        return Arrays.copyOf(runs, k);
    }

    /** Generates and defines the class of a block; returns its constructor {@code (long start, int length)}. */
    private static MethodHandle define(long[] addresses, List<Insn> insns) throws IllegalAccessException,
            NoSuchMethodException {
        int n = insns.size();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, BLOCK, null);
        for (int i = 0; i < n; i++) {
            cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE, "h" + i, EXEC_DESC, null, null)
                    .visitEnd();
            cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE, "o" + i, "Ljava/lang/Object;",
                    null, null).visitEnd();
        }
        staticInit(cw, n);
        constructor(cw);
        run(cw, addresses, insns);
        cw.visitEnd();
        List<Object> data = new ArrayList<>(2 * n);
        for (Insn insn : insns) {
            data.add(insn.handler());
            data.add(insn.operands());
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(cw.toByteArray(),
                data.toArray(), false);
        return lookup.findConstructor(lookup.lookupClass(),
                MethodType.methodType(void.class, long.class, int.class, long[].class));
    }

    /** Loads the handlers and operands from the class data into the static final fields. */
    private static void staticInit(ClassWriter cw, int n) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        m.visitCode();
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        m.visitLdcInsn("_");
        m.visitLdcInsn(Type.getType(Object[].class));
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                false);
        m.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
        m.visitVarInsn(Opcodes.ASTORE, 0);
        for (int i = 0; i < n; i++) {
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitLdcInsn(2 * i);
            m.visitInsn(Opcodes.AALOAD);
            m.visitTypeInsn(Opcodes.CHECKCAST, EXEC);
            m.visitFieldInsn(Opcodes.PUTSTATIC, NAME, "h" + i, EXEC_DESC);
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitLdcInsn(2 * i + 1);
            m.visitInsn(Opcodes.AALOAD);
            m.visitFieldInsn(Opcodes.PUTSTATIC, NAME, "o" + i, "Ljava/lang/Object;");
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor m = cw.visitMethod(0, "<init>", "(JI[J)V", null, null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.LLOAD, 1);
        m.visitVarInsn(Opcodes.ILOAD, 3);
        m.visitVarInsn(Opcodes.ALOAD, 4);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, BLOCK, "<init>", "(JI[J)V", false);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** Local variables of {@code run}: the pass's instructions so far, and the next PC being looked at. */
    private static final int DONE = 4;
    private static final int NEXT = 5;

    /**
     * {@code run(cpu, limit)}, a pass: per instruction {@code cpu.pc = a; cpu.nextPc = a + 4; cpu.blockDone = done;
     * h.exec(cpu, o); done++} and, but after the last, leave if {@code cpu.nextPc} is not the next instruction's
     * address or {@code cpu.interruptsDirty}; a conditional branch taken to an instruction further on jumps there.
     * An instruction that uses only registers ({@link Insn#registersOnly}) just does {@code h.exec(cpu, o); done++}.
     * Leaving: {@code cpu.insns += done}, and round again from the top while {@code cpu.nextPc} is the start, no
     * interrupt check is due and a whole pass fits under {@code limit}.
     */
    private static void run(ClassWriter cw, long[] addresses, List<Insn> insns) {
        int n = insns.size();
        MethodVisitor m = cw.visitMethod(0, "run", "(L" + CPU + ";J)V", null, null);
        m.visitCode();
        Label top = new Label();
        Label exit = new Label();
        Label[] at = new Label[n];
        for (int i = 0; i < n; i++) {
            at[i] = new Label();
        }
        m.visitLabel(top);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, DONE);
        for (int i = 0; i < n; i++) {
            Insn insn = insns.get(i);
            long a = addresses[i];
            m.visitLabel(at[i]);
            // An instruction that uses only registers needs no PC or count, and goes on to the next one by itself.
            boolean registersOnly = insn.registersOnly();
            if (!registersOnly) {
                setLong(m, "pc", a);
                setLong(m, "nextPc", a + 4);
                m.visitVarInsn(Opcodes.ALOAD, 1);
                m.visitVarInsn(Opcodes.ILOAD, DONE);
                m.visitFieldInsn(Opcodes.PUTFIELD, CPU, "blockDone", "I");
            }
            m.visitFieldInsn(Opcodes.GETSTATIC, NAME, "h" + i, EXEC_DESC);
            m.visitVarInsn(Opcodes.ALOAD, 1);
            m.visitFieldInsn(Opcodes.GETSTATIC, NAME, "o" + i, "Ljava/lang/Object;");
            m.visitMethodInsn(Opcodes.INVOKEINTERFACE, EXEC, "exec", "(L" + CPU + ";Ljava/lang/Object;)V", true);
            m.visitIincInsn(DONE, 1);
            if (i < n - 1 && !registersOnly) {
                goOn(m, addresses, insns, i, at, exit);
            }
            if (i == n - 1 && registersOnly) {
                setLong(m, "nextPc", a + 4);
            }
        }
        m.visitLabel(exit);
        leave(m, top, addresses[0], n);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /**
     * After instruction {@code i}: on to the next if {@code cpu.nextPc} is its address, to a later instruction of the
     * block that a conditional branch was taken to, else to {@code exit}; to {@code exit} too if an interrupt check
     * is due.
     */
    private static void goOn(MethodVisitor m, long[] addresses, List<Insn> insns, int i, Label[] at, Label exit) {
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "nextPc", "J");
        m.visitVarInsn(Opcodes.LSTORE, NEXT);
        Label next = new Label();
        m.visitVarInsn(Opcodes.LLOAD, NEXT);
        m.visitLdcInsn(addresses[i + 1]);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFEQ, next);
        int j = jumpTarget(addresses, insns, i);
        if (j > 0) {
            m.visitVarInsn(Opcodes.LLOAD, NEXT);
            m.visitLdcInsn(addresses[j]);
            m.visitInsn(Opcodes.LCMP);
            m.visitJumpInsn(Opcodes.IFNE, exit);
            m.visitVarInsn(Opcodes.ALOAD, 1);
            m.visitFieldInsn(Opcodes.GETFIELD, CPU, "interruptsDirty", "Z");
            m.visitJumpInsn(Opcodes.IFNE, exit);
            m.visitJumpInsn(Opcodes.GOTO, at[j]);
        } else {
            m.visitJumpInsn(Opcodes.GOTO, exit);
        }
        m.visitLabel(next);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "interruptsDirty", "Z");
        m.visitJumpInsn(Opcodes.IFNE, exit);
    }

    /** The later instruction of the block a conditional branch at {@code i} jumps to when taken, or -1. */
    static int jumpTarget(long[] addresses, List<Insn> insns, int i) {
        Insn insn = insns.get(i);
        if (insn.flow() != Insn.Flow.CONDITIONAL) {
            return -1;
        }
        long target = insn.branchTarget(addresses[i]);
        for (int j = i + 2; j < insns.size(); j++) {
            if (addresses[j] == target) {
                return j;
            }
        }
        return -1;
    }

    /** {@code cpu.insns += done}, then back to {@code top} for another pass of the {@code n} if it may, else return. */
    private static void leave(MethodVisitor m, Label top, long start, int n) {
        Label out = new Label();
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitInsn(Opcodes.DUP);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "insns", "J");
        m.visitVarInsn(Opcodes.ILOAD, DONE);
        m.visitInsn(Opcodes.I2L);
        m.visitInsn(Opcodes.LADD);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, "insns", "J");
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, "blockDone", "I");
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "nextPc", "J");
        m.visitLdcInsn(start);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFNE, out);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "interruptsDirty", "Z");
        m.visitJumpInsn(Opcodes.IFNE, out);
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitFieldInsn(Opcodes.GETFIELD, CPU, "insns", "J");
        m.visitLdcInsn((long) n);
        m.visitInsn(Opcodes.LADD);
        m.visitVarInsn(Opcodes.LLOAD, 2);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFLE, top);
        m.visitLabel(out);
        m.visitInsn(Opcodes.RETURN);
    }

    private static void setLong(MethodVisitor m, String field, long value) {
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitLdcInsn(value);
        m.visitFieldInsn(Opcodes.PUTFIELD, CPU, field, "J");
    }
}
