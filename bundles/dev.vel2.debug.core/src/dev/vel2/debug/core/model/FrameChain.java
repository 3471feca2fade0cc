// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import dev.vel2.hypervisor.session.SessionInspection;

/**
 * A vCPU's call chain from the PC and the AAPCS64 frame records: X29 points at {previous X29, return address}
 * (AAPCS64 §6.4.6 "The Frame Pointer"). A leaf function, or one before its prologue, has no record of its own yet;
 * its caller is then X30, when X30 is neither in the function itself nor the return address the first record
 * already holds.
 */
final class FrameChain {
    /** Enough for any guest the debugger shows; a corrupt chain stops here. */
    static final int MAX_FRAMES = 64;

    private FrameChain() {
    }

    static List<Vel2StackFrame> walk(Vel2Thread thread, SessionInspection s, GuestSymbols symbols) {
        int vcpu = thread.index();
        long pc = s.pc(vcpu);
        List<Vel2StackFrame> frames = new ArrayList<>();
        frames.add(frame(thread, 0, pc, 0, symbols));
        long fp = s.x(vcpu, 29);
        long[] record = record(s, vcpu, fp);
        long lr = s.x(vcpu, 30);
        if (isCode(lr) && !sameFunction(lr, pc, symbols) && (record == null || record[1] != lr)) {
            frames.add(frame(thread, 1, lr, 0, symbols));
        }
        while (record != null && frames.size() < MAX_FRAMES && isCode(record[1])) {
            frames.add(frame(thread, frames.size(), record[1], fp, symbols));
            long next = record[0];
            if (Long.compareUnsigned(next, fp) <= 0) {
                break; // the stack grows down: a caller's record lies above
            }
            fp = next;
            record = record(s, vcpu, fp);
        }
        return frames;
    }

    private static Vel2StackFrame frame(Vel2Thread t, int depth, long pc, long fp, GuestSymbols symbols) {
        return new Vel2StackFrame(t, depth, pc, fp, Vel2StackFrame.location(pc, symbols));
    }

    /** {previous X29, return address} at {@code fp}, or null where there is no readable record. */
    private static long[] record(SessionInspection s, int vcpu, long fp) {
        if (fp == 0 || (fp & 7) != 0) {
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(s.readVirtual(vcpu, fp, 16)).order(ByteOrder.LITTLE_ENDIAN);
            return new long[] { b.getLong(), b.getLong() };
        } catch (IllegalArgumentException e) {
            return null; // not mapped, not RAM
        }
    }

    private static boolean isCode(long address) {
        return address != 0 && (address & 3) == 0;
    }

    private static boolean sameFunction(long a, long b, GuestSymbols symbols) {
        String la = symbols.label(a);
        String lb = symbols.label(b);
        return la != null && lb != null && la.split("\\+")[0].equals(lb.split("\\+")[0]);
    }
}
