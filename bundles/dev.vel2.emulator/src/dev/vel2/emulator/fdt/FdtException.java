// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.fdt;

/** A malformed device tree blob: the message is one line saying what is wrong. */
public final class FdtException extends Exception {
    private static final long serialVersionUID = 1L;

    public FdtException(String message) {
        super(message);
    }
}
