// SPDX-License-Identifier: EPL-2.0
package dev.vel2.emulator.dwarf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an image's DWARF reader could not read, one line per problem with what it left out. A truncated section
 * breaks many units or entries at once: problems of one kind from one section make one line, with the first problem
 * and how many more there were; a section without bytes that something refers into makes one line for the section,
 * none at all when the section was left out with a line of its own.
 */
final class Warnings {
    /** A line, or the first of the problems of one kind in one section and their count, in the order first met. */
    private static final class Group {
        final String first;
        int count = 1;

        Group(String first) {
            this.first = first;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private Set<String> leftOut = Set.of();

    /** Sections left out with a warning of their own: reads into them add nothing more. */
    void leftOut(Set<String> sections) {
        leftOut = sections;
    }

    /** A line of its own. */
    void add(String line) {
        groups.putIfAbsent("line|" + line, new Group(line));
    }

    /**
     * A problem met while reading one of several {@code kind} ("units", "line programs"...): the exception's message
     * and {@code consequence}, what was left out ("; the unit at 0x0 is left out").
     */
    void add(RuntimeException e, String kind, String consequence) {
        String section = e instanceof DwarfFormatException d ? d.section : e.getClass().getName();
        if (e instanceof DwarfFormatException d && d.emptySection != null) {
            if (!leftOut.contains(d.emptySection)) {
                groups.putIfAbsent("empty|" + d.emptySection, new Group(d.emptySection
                        + " is empty: what refers to it is left out (first: " + d.getMessage() + consequence + ")"));
            }
            return;
        }
        Group g = groups.get(section + "|" + kind);
        if (g != null) {
            g.count++;
            return;
        }
        groups.put(section + "|" + kind, new Group(DebugInfo.problem(e) + consequence));
    }

    List<String> list() {
        List<String> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(g.count == 1 ? g.first : g.first + " (and " + (g.count - 1) + " more like it)");
        }
        return out;
    }
}
