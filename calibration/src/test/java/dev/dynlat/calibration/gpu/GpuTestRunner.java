package dev.dynlat.calibration.gpu;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.DiscoverySelector;

/**
 * Runs named test classes with the JUnit Platform outside Maven (the GPU script on a machine without
 * Maven's repository): prints one summary line per run and the failures; exit 1 when any test
 * failed or none ran.
 */
public final class GpuTestRunner {
    private GpuTestRunner() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        List<DiscoverySelector> selectors = new ArrayList<>();
        List<String> simple = new ArrayList<>();
        for (String name : args) {
            Class<?> c = Class.forName(name);
            selectors.add(selectClass(c));
            simple.add(c.getSimpleName());
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary s = listener.getSummary();
        if (s.getTotalFailureCount() > 0) {
            s.printFailuresTo(new PrintWriter(System.out, true), 5);
        }
        System.out.printf("tests: %d run, %d passed, %d failed, %d skipped (%s)%n", s.getTestsStartedCount(),
                s.getTestsSucceededCount(), s.getTotalFailureCount(), s.getTestsSkippedCount(), String.join(", ", simple));
        System.exit(s.getTotalFailureCount() > 0 || s.getTestsStartedCount() == 0 ? 1 : 0);
    }
}
