// SPDX-License-Identifier: EPL-2.0
package dev.vel2.hypervisor.session;

/** Why the machine resumed: the detail of the Debug Platform's RESUME event. */
public enum ResumeReason {
    /** {@link Session#resume()}, {@link Session#runTo(long)}. */
    CLIENT_REQUEST,
    /** {@link Session#stepInstruction(int)}. */
    STEP_INTO,
    /** {@link Session#stepOver(int)}. */
    STEP_OVER,
    /** {@link Session#stepReturn(int)}. */
    STEP_RETURN
}
