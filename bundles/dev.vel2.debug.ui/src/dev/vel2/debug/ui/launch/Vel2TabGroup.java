// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.launch;

import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;

/** The tabs of an "AArch64 Guest (virtual EL2)" configuration: the guest and board, the virtual EL2, Common. */
public final class Vel2TabGroup extends AbstractLaunchConfigurationTabGroup {

    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        setTabs(new ILaunchConfigurationTab[] { new GuestTab(), new VirtualEl2Tab(), new CommonTab() });
    }
}
