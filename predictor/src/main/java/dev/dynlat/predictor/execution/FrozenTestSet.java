package dev.dynlat.predictor.execution;

import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frozen extrapolation sets of operators, each committed before any of its errors were looked
 * at and never used in a fit: they measure how the calibrated model extrapolates to shape families
 * the calibration suite does not time. {@link #HELD_OUT} ({@code held-out-operators.csv}) is the
 * test set; no model change may be chosen by looking at its errors. {@link #DEVELOPMENT}
 * ({@code frozen-test-set.csv}) was the first one; its errors have been seen, so it is kept for
 * comparison with earlier reports, not as evidence.
 */
public final class FrozenTestSet {
    /** The test set of operators (second frozen set). */
    public static final String HELD_OUT = "/dev/dynlat/predictor/validation/held-out-operators.csv";
    /** The first frozen set, a development set since its errors were seen. */
    public static final String DEVELOPMENT = "/dev/dynlat/predictor/validation/frozen-test-set.csv";
    static final String RESOURCE = DEVELOPMENT;

    /** One frozen operator: its label and the kernel timed. */
    public record Entry(String key, String group, KernelSpec kernel) {
    }

    private FrozenTestSet() {
    }

    /** The first frozen set (development). */
    public static List<Entry> load() {
        return load(RESOURCE);
    }

    /** The set in class-path resource {@code resource} ({@link #HELD_OUT} or {@link #DEVELOPMENT}). */
    public static List<Entry> load(String resource) {
        try (InputStream in = FrozenTestSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the build");
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> parse(List<String> lines) {
        return parse(RESOURCE, lines);
    }

    static List<Entry> parse(String resource, List<String> lines) {
        List<Entry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 8) {
                throw new IllegalStateException(resource + ":" + lineNo + ": expected 8 fields, got " + f.length);
            }
            int batch = Integer.parseInt(f[1].trim());
            int cin = Integer.parseInt(f[2].trim());
            int cout = Integer.parseInt(f[3].trim());
            int size = Integer.parseInt(f[4].trim());
            int k = Integer.parseInt(f[5].trim());
            int stride = Integer.parseInt(f[6].trim());
            int groups = Integer.parseInt(f[7].trim());
            String kind = f[0].trim();
            KernelSpec kernel;
            String key;
            if (kind.equals("fc")) {
                kernel = new FullyConnectedKernel(batch, cin, cout);
                key = String.format(Locale.ROOT, "fc %d->%d b%d", cin, cout, batch);
            } else {
                kernel = new Conv2dKernel(batch, cin, cout, size, size, k, stride, groups);
                key = String.format(Locale.ROOT, "%s %dx%d/%d %d->%d%s %dx%d b%d", kind, k, k, stride, cin, cout,
                        groups > 1 ? " g" + groups : "", size, size, batch);
            }
            kernel.validate();
            out.add(new Entry(key, kind, kernel));
        }
        return out;
    }
}
