package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calibrated variant predicts, bit for bit, what it predicted before the model variants
 * became strategies: on the committed host-CPU calibration (calibrated-cpu) and on a V100
 * fixture with calibrated coefficients (calibrated-gpu). Golden values and their provenance are
 * in {@code src/test/resources/golden/calibrated/}.
 */
class CalibratedGoldenPredictionsTest {
    private static final Map<String, List<String>> DYNAMICS = Map.of(
            "static", List.of(),
            "spatial-4421-0.5", List.of("--mode", "spatial", "--granularity", "4,4,2,1", "--rate", "0.5"),
            "channel-2-0.5", List.of("--mode", "channel", "--channel-group", "2", "--rate", "0.5"),
            "layer-0.5", List.of("--mode", "layer", "--rate", "0.5"),
            "dynamic", List.of("--token-rate", "0.7", "--head-rate", "0.857", "--layer-rate", "0.8"));

    @TempDir
    Path tmp;

    static Stream<Arguments> rows() throws IOException, URISyntaxException {
        List<Arguments> out = new ArrayList<>();
        Path hostCpu = Path.of("..", "src", "calibration", "host-cpu", "host-cpu.yaml");
        Path gpu = Path.of(CalibratedGoldenPredictionsTest.class.getResource(
                "/golden/calibrated/v100-calibrated-fixture.yaml").toURI());
        add(out, "host-cpu-predictions.csv", hostCpu);
        add(out, "v100-fixture-predictions.csv", gpu);
        return out.stream();
    }

    private static void add(List<Arguments> out, String csv, Path device) throws IOException {
        try (InputStream in = CalibratedGoldenPredictionsTest.class.getResourceAsStream("/golden/calibrated/" + csv)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(Arguments.of(csv.replace("-predictions.csv", ""), device, line.split(",")));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("rows")
    void predictsTheGoldenNumbers(String set, Path device, String[] row) throws IOException {
        Path out = tmp.resolve("p.json");
        List<String> args = new ArrayList<>(List.of("predict", "--model", row[0], "--device", device.toString(),
                "--variant", "calibrated", "--batch", row[2]));
        args.addAll(DYNAMICS.get(row[1]));
        args.addAll(List.of("--format", "json", "--out", out.toString()));
        assertEquals(0, CliTest.run(args.toArray(String[]::new)).code(), String.join(" ", args));
        JsonNode p = new ObjectMapper().readTree(Files.readString(out));
        String where = set + " " + Arrays.toString(row);
        assertEquals(Double.parseDouble(row[3]), p.get("latency_ms").asDouble(), 0.0, "latency_ms " + where);
        assertEquals(Double.parseDouble(row[4]), p.get("compute_ms").asDouble(), 0.0, "compute_ms " + where);
        assertEquals(Double.parseDouble(row[5]), p.get("memory_ms").asDouble(), 0.0, "memory_ms " + where);
    }
}
