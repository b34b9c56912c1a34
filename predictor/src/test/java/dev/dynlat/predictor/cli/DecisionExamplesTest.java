package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-input decision examples under src/examples/decisions, as the README runs them. */
class DecisionExamplesTest {
    private static final Path DECISIONS = Path.of("..", "src", "examples", "decisions");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "msdnet-imagenet; v100; --decisions; msdnet-exits.csv; ; empirical over 10 inputs",
        "blockdrop-resnet101; tx2; --policies; blockdrop-policies.txt; ; empirical over 4 inputs",
        "resnet50; tx2; --decisions; resnet50-rates.csv; --mode channel --channel-group 2; each predicted with its own rates"})
    void examplesRun(String model, String device, String option, String file, String extra, String expected) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("predict", "--model", model,
                "--device", device, option, DECISIONS.resolve(file).toString()));
        if (extra != null) {
            args.addAll(java.util.List.of(extra.split(" ")));
        }
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(expected), r.out());
    }
}
