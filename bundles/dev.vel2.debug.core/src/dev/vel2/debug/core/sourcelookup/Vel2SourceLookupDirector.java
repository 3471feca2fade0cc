// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.core.sourcelookup;

import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupDirector;
import org.eclipse.debug.core.sourcelookup.ISourceLookupParticipant;

/**
 * The source locator of vel2 launches (the launch type's {@code sourceLocatorId}): the Platform's director over the
 * containers of the Source tab, which by default are {@link Vel2SourcePathComputer}'s; one participant names a
 * frame's file.
 */
public final class Vel2SourceLookupDirector extends AbstractSourceLookupDirector {
    /** The id in plugin.xml ({@code org.eclipse.debug.core.sourceLocators}). */
    public static final String ID = "dev.vel2.debug.core.sourceLocator";

    @Override
    public void initializeParticipants() {
        addParticipants(new ISourceLookupParticipant[] { new Vel2SourceLookupParticipant() });
    }
}
