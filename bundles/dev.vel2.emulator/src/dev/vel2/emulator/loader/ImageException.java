// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.loader;

/** A guest image that cannot be loaded; the message is one line naming the problem ("not an ELF file"). */
public final class ImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
