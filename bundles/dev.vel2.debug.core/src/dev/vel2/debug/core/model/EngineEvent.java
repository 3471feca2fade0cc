// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.model;

import dev.vel2.emulator.ExitReason;
import dev.vel2.emulator.Machine;
import dev.vel2.hypervisor.session.ResumeReason;
import dev.vel2.hypervisor.session.StopInfo;

/** What the session reports about run control, as {@link Vel2DebugTarget#handle} maps it to DebugEvents. */
sealed interface EngineEvent {

    record Resumed(ResumeReason reason) implements EngineEvent {
    }

    record Suspended(StopInfo stop) implements EngineEvent {
    }

    record Terminated(ExitReason exit) implements EngineEvent {
    }
}
