// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import dev.vel2.debug.core.launch.Vel2LaunchDelegate;

/** The bundle's life cycle: when it stops (the workbench closes), every guest it started ends with its thread. */
public final class Vel2DebugPlugin implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        // nothing to set up: launches register themselves
    }

    @Override
    public void stop(BundleContext context) {
        Vel2LaunchDelegate.terminateAll();
    }
}
