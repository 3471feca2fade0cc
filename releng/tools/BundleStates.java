// SPDX-License-Identifier: EPL-2.0

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts the OSGi framework of an installed Eclipse headless (its config.ini and bundles.info, no
 * application) and prints the state of the named bundles. Exits 1 if one is missing or does not resolve.
 * <p>
 * Run with the install's own framework on the class path, e.g.
 * {@code java -cp eclipse/plugins/org.eclipse.osgi_*.jar releng/tools/BundleStates.java eclipse dev.vel2.emulator ...}
 */
public class BundleStates {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BundleStates ECLIPSE_DIR BUNDLE...");
            System.exit(2);
        }
        Path eclipse = Path.of(args[0]).toAbsolutePath().normalize();
        Properties configIni = new Properties();
        try (Reader reader = Files.newBufferedReader(eclipse.resolve("configuration/config.ini"))) {
            configIni.load(reader);
        }
        Map<String, String> properties = new HashMap<>();
        configIni.forEach((key, value) -> properties.put((String) key, (String) value));
        properties.remove("osgi.framework"); // relative to the install; the same jar is on our class path
        properties.put("osgi.install.area", eclipse.toUri().toString());
        properties.put("osgi.configuration.area", eclipse.resolve("configuration").toUri().toString());
        properties.put("osgi.instance.area", "@none");
        properties.put("eclipse.ignoreApp", "true"); // the framework and its bundles, not the workbench
        EclipseStarter.setInitialProperties(properties);
        BundleContext context = EclipseStarter.startup(new String[] { "-consoleLog" }, null);

        Map<String, Bundle> wanted = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            wanted.put(args[i], null);
        }
        for (Bundle bundle : context.getBundles()) {
            if (wanted.containsKey(bundle.getSymbolicName())) {
                wanted.put(bundle.getSymbolicName(), bundle);
            }
        }
        List<Bundle> present = wanted.values().stream().filter(b -> b != null).toList();
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(present);

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Bundle> entry : wanted.entrySet()) {
            Bundle bundle = entry.getValue();
            if (bundle == null) {
                problems.add(entry.getKey() + " is not installed in " + eclipse);
                System.out.printf("bundle %-22s MISSING%n", entry.getKey());
                continue;
            }
            String state = stateName(bundle.getState());
            System.out.printf("bundle %-22s %-28s %s%n", bundle.getSymbolicName(), bundle.getVersion(), state);
            if (bundle.getState() == Bundle.INSTALLED) {
                problems.add(bundle.getSymbolicName() + " does not resolve: " + resolutionError(bundle));
            }
        }
        EclipseStarter.shutdown();
        for (String problem : problems) {
            System.out.println("FAIL: " + problem);
        }
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING (lazy, resolved)";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /** The first unresolved requirement of the framework's resolution report. */
    private static String resolutionError(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "no reason given by the framework";
        } catch (BundleException e) {
            return e.getMessage().lines().map(String::strip).filter(l -> l.startsWith("Unresolved requirement"))
                    .findFirst().orElse(e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
        }
    }
}
