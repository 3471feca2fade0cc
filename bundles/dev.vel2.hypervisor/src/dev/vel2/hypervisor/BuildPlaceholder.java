// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor;

/**
 * Lets the build produce a non-empty {@code dev.vel2.hypervisor} bundle until the real sources land.
 * Delete it at the merge.
 */
public final class BuildPlaceholder {

    private BuildPlaceholder() {
    }
}
