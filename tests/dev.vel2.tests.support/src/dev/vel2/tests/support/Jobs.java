// SPDX-License-Identifier: EPL-2.0
package dev.vel2.tests.support;

import org.eclipse.core.runtime.jobs.Job;

/** What tests wait for of the Eclipse job manager. */
public final class Jobs {

    private Jobs() {
    }

    /**
     * Whether no job is waiting to run and every running job is waiting itself, that is whether the jobs have done
     * what they can for now. Not "no job runs": a console's input reader runs as long as its process does, waiting
     * for what the user types all along.
     */
    public static boolean quiet() {
        for (Job job : Job.getJobManager().find(null)) {
            if (job.getState() == Job.WAITING || job.getState() == Job.RUNNING && !waiting(job.getThread())) {
                return false;
            }
        }
        return true;
    }

    private static boolean waiting(Thread t) {
        return t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
    }
}
