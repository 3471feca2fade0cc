// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.cli;

/** A bad command line: the message is the one line printed after "vel2: "; the exit code is 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
