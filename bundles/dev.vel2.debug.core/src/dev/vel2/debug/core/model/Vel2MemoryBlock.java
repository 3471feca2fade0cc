// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IMemoryBlockRetrieval;
import org.eclipse.debug.core.model.MemoryByte;

import dev.vel2.hypervisor.session.SessionInspection;

/**
 * Guest memory at an evaluated expression, guest-virtual (through the vCPU's current translation, without effect on
 * the guest) or physical. Read page by page: a page that does not translate, or is not RAM, shows as unreadable
 * bytes instead of failing the whole block; while the machine runs nothing is readable.
 */
public final class Vel2MemoryBlock extends Vel2DebugElement implements IMemoryBlockExtension {
    static final long DEFAULT_LENGTH = 512;
    private static final int PAGE = 4096;

    private final String expression;
    private final AddressExpression.Address base;
    private final int vcpu;
    private final long length;
    private final List<Object> connections = new ArrayList<>();

    Vel2MemoryBlock(Vel2DebugTarget target, String expression, AddressExpression.Address base, int vcpu,
            long length) {
        super(target);
        this.expression = expression;
        this.base = base;
        this.vcpu = vcpu;
        this.length = length;
    }

    /** True for a physical address, false for guest-virtual. */
    public boolean isPhysical() {
        return base.physical();
    }

    /** The vCPU whose translation a virtual address goes through. */
    public int vcpu() {
        return vcpu;
    }

    @Override
    public String getExpression() {
        return expression;
    }

    @Override
    public BigInteger getBigBaseAddress() {
        return unsigned(base.value());
    }

    @Override
    public BigInteger getMemoryBlockStartAddress() {
        return null; // the whole address space
    }

    @Override
    public BigInteger getMemoryBlockEndAddress() {
        return null;
    }

    @Override
    public BigInteger getBigLength() {
        return BigInteger.valueOf(length);
    }

    @Override
    public int getAddressSize() {
        return 8;
    }

    @Override
    public boolean supportBaseAddressModification() {
        return false;
    }

    @Override
    public boolean supportsChangeManagement() {
        return false;
    }

    @Override
    public void setBaseAddress(BigInteger address) throws DebugException {
        notSupported("the base of a vel2 memory block is fixed", null);
    }

    @Override
    public MemoryByte[] getBytesFromOffset(BigInteger unitOffset, long addressableUnits) {
        return getBytesFromAddress(getBigBaseAddress().add(unitOffset), addressableUnits);
    }

    @Override
    public MemoryByte[] getBytesFromAddress(BigInteger address, long units) {
        MemoryByte[] out = new MemoryByte[(int) units];
        long start = address.longValue();
        for (int done = 0; done < units; ) {
            long a = start + done;
            int n = (int) Math.min(units - done, PAGE - (a & (PAGE - 1)));
            byte[] bytes = read(a, n);
            for (int i = 0; i < n; i++) {
                out[done + i] = bytes == null ? new MemoryByte((byte) 0, (byte) 0)
                        : new MemoryByte(bytes[i], (byte) (MemoryByte.READABLE | MemoryByte.WRITABLE
                                | MemoryByte.ENDIANESS_KNOWN));
            }
            done += n;
        }
        return out;
    }

    private byte[] read(long address, int n) {
        try {
            SessionInspection s = session().inspection();
            return base.physical() ? s.readPhysical(address, n) : s.readVirtual(vcpu, address, n);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    @Override
    public void setValue(BigInteger offset, byte[] bytes) throws DebugException {
        long a = base.value() + offset.longValue();
        access(s -> {
            if (base.physical()) {
                s.inspection().writePhysical(a, bytes);
            } else {
                s.inspection().writeVirtual(vcpu, a, bytes);
            }
            return null;
        });
        fireChangeEvent(DebugEvent.CONTENT);
        for (Vel2Thread t : vel2Target().vcpus()) {
            t.stateChanged(); // code may have changed under a frame
        }
    }

    @Override
    public void setValue(long offset, byte[] bytes) throws DebugException {
        setValue(BigInteger.valueOf(offset), bytes);
    }

    @Override
    public synchronized void connect(Object client) {
        if (!connections.contains(client)) {
            connections.add(client);
        }
    }

    @Override
    public synchronized void disconnect(Object client) {
        connections.remove(client);
    }

    @Override
    public synchronized Object[] getConnections() {
        return connections.toArray();
    }

    @Override
    public void dispose() {
        synchronized (this) {
            connections.clear();
        }
    }

    @Override
    public IMemoryBlockRetrieval getMemoryBlockRetrieval() {
        return vel2Target();
    }

    @Override
    public int getAddressableSize() {
        return 1;
    }

    // IMemoryBlock

    @Override
    public long getStartAddress() {
        return base.value();
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public byte[] getBytes() throws DebugException {
        MemoryByte[] m = getBytesFromOffset(BigInteger.ZERO, length);
        byte[] out = new byte[m.length];
        for (int i = 0; i < m.length; i++) {
            if (!m[i].isReadable()) {
                requestFailed("memory at 0x" + Long.toHexString(base.value() + i) + " is not readable", null);
            }
            out[i] = m[i].getValue();
        }
        return out;
    }

    @Override
    public boolean supportsValueModification() {
        return true;
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
