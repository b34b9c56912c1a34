package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example files under src/examples, used by the README, run through the CLI. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "src", "examples");

    @Test
    void dynamicConfigExample() {
        CliTest.Result r = CliTest.run("predict", "--model", "regnety-800mf", "--device", "nano", "--config",
                EXAMPLES.resolve("regnety800-spatial.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("spatial S=4-4-2-static"), r.out());
        assertTrue(r.out().contains("speedup"), r.out());
    }

    @Test
    void scheduleExample() {
        CliTest.Result r = CliTest.run("predict", "--model", "resnet50", "--device", "v100", "--schedule",
                EXAMPLES.resolve("schedule-separate-masker.yaml").toString(), "--mode", "spatial", "--granularity",
                "2", "--rate", "0.5", "--detail");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gather (halo 1)"), "the gather kernel of the schedule is listed");
        assertTrue(r.out().contains("separate masker; conv1 on active patches"), "the forced masker placement");
    }
}
