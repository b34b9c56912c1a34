package dev.dynlat.predictor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Small slices of NeuSight's kernel files for end-to-end tests: the calibration module's test copy
 * (calibration/src/test/resources/neusight, provenance in its README), every k-th row, so that a slice
 * spans many shape families.
 */
final class MeasurementSlices {
    static final Path KERNELS = Path.of("..", "calibration", "src", "test", "resources", "neusight", "kernels");

    private MeasurementSlices() {
    }

    /** The header and every {@code every}-th data line of {@code op}'s file of {@code gpu}, at most {@code rows}. */
    static List<String> lines(String op, String gpu, int every, int rows) throws IOException {
        Path f = KERNELS.resolve(op).resolve(gpu + ".csv.gz");
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                StandardCharsets.UTF_8))) {
            out.add(r.readLine());
            int i = 0;
            for (String line = r.readLine(); line != null && out.size() <= rows; line = r.readLine()) {
                if (i++ % every == 0) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** Writes a slice to {@code dir/name} and returns its path. */
    static Path write(Path dir, String name, List<String> lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }
}
