// SPDX-License-Identifier: EPL-2.0
package dev.vel2.debug.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The user guide is contributed to the help system: the UI bundle's primary toc is labelled like the guide, its
 * topics' hrefs resolve to the HTML page in the bundle, and the page walks through the story's steps.
 */
class UserGuideHelpTest {

    private static final String UI_BUNDLE = "dev.vel2.debug.ui";

    @Test
    void theGuideIsAPrimaryTocWhoseTopicIsTheBundlesPageOnTheStory() throws Exception {
        Bundle ui = Platform.getBundle(UI_BUNDLE);
        assertNotNull(ui);
        List<IConfigurationElement> tocs = Arrays
                .stream(Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.help.toc"))
                .filter(e -> UI_BUNDLE.equals(e.getContributor().getName())).toList();
        assertEquals(1, tocs.size(), "one toc contributed by the UI bundle");
        IConfigurationElement toc = tocs.get(0);
        assertEquals("true", toc.getAttribute("primary"), "a book of its own in the help contents");

        URL tocUrl = FileLocator.find(ui, IPath.fromPortableString(toc.getAttribute("file")));
        assertNotNull(tocUrl, "the toc file is in the bundle");
        String tocXml = read(tocUrl);
        Matcher tocTag = Pattern.compile("<toc\\s[^>]*>").matcher(tocXml);
        assertTrue(tocTag.find(), "a toc element");
        String label = attribute(tocTag.group(), "label");
        assertTrue(label.startsWith("vel2") && label.toLowerCase(Locale.ROOT).contains("aarch64"), label);
        String tocTopic = attribute(tocTag.group(), "topic");

        Matcher topic = Pattern.compile("<topic\\s[^>]*>").matcher(tocXml);
        assertTrue(topic.find(), "the toc has topics");
        String href = attribute(topic.group(), "href");
        do {
            String h = attribute(topic.group(), "href");
            assertNotNull(FileLocator.find(ui, IPath.fromPortableString(h)), h + " resolves in the bundle");
        } while (topic.find());
        assertEquals(tocTopic, href, "the book opens on the walk-through");
        assertTrue(href.endsWith(".html"), href);

        URL page = FileLocator.find(ui, IPath.fromPortableString(href));
        assertNotNull(page);
        String html = read(page);
        assertTrue(html.toLowerCase(Locale.ROOT).contains("<html"), "an HTML page");
        for (String step : List.of("TWI", "ID_AA64MMFR0_EL1", "TTBR0_EL1")) {
            assertTrue(html.contains(step), "the guide mentions " + step);
        }
        assertTrue(html.toLowerCase(Locale.ROOT).contains("trap breakpoint"), "the guide mentions trap breakpoints");
    }

    private static String read(URL url) throws Exception {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        assertTrue(m.find(), tag + " has " + name);
        return m.group(1);
    }
}
