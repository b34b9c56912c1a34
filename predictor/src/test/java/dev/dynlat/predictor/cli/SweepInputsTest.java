package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.predictor.sweep.SweepPlan;
import dev.dynlat.predictor.sweep.SweepSpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a spec sweep reads behind its names: an edited network file is a different plan (resume
 * refuses it), a file target is labelled by its path, and a cross product over the bounds is
 * refused from the spec alone, before any row.
 */
class SweepInputsTest {
    @TempDir
    Path tmp;

    private Path network(String name, int width) throws IOException {
        String yaml = Files.readString(Path.of("..", "src", "examples", "networks", "cifar-resnet20.yaml"))
                .replace("network: cifar-resnet20", "network: " + name);
        Path p = tmp.resolve(name + "-" + width + ".yaml");
        Files.writeString(p, width == 0 ? yaml : yaml.replace("classes: 10", "classes: " + width));
        return p;
    }

    private Path spec(String text) throws IOException {
        return Files.writeString(tmp.resolve("spec.yaml"), text);
    }

    @Test
    void anEditedNetworkFileIsNotResumedAsTheSamePlan() throws IOException {
        Path net = network("n", 0);
        Path spec = spec("models: [" + net + "]\ndevices: [tx2]\nparadigms:\n  layer: {}\nrates: [0.5]\n");
        Path out = tmp.resolve("rows.csv");
        assertEquals(0, CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString()).code());
        String first = Files.readString(out);
        CliTest.Result again = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString());
        assertTrue(again.err().contains("already holds all"), "unchanged inputs resume: " + again.err());

        Files.writeString(net, Files.readString(net).replace("classes: 10", "classes: 100"));
        CliTest.Result edited = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString());
        assertEquals(2, edited.code(), edited.err());
        assertTrue(edited.err().contains("exists but was not written by this sweep spec"), edited.err());
        assertEquals(first, Files.readString(out), "the earlier rows are left as they were");
    }

    @Test
    void aFileNamedLikeAZooModelIsItsOwnTarget() throws IOException {
        String yaml = Files.readString(Path.of("..", "src", "examples", "networks", "cifar-resnet20.yaml"))
                .replace("network: cifar-resnet20", "network: resnet50");
        Path file = Files.writeString(tmp.resolve("mine.yaml"), yaml);
        SweepPlan plan = SweepSpecLoader.parse("models: [resnet50, " + file + "]\ndevices: [tx2]\nparadigms:\n"
                + "  layer: {}\nrates: [0.5]\n", "s.yaml");
        List<String> labels = plan.targets().stream().map(t -> t.model().name()).toList();
        assertEquals(List.of("resnet50", file.toString()), labels);
    }

    @Test
    void tooManyGroupsAreRefusedWithTheCountAndTheLimit() {
        String batches = IntStream.rangeClosed(1, 2000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpecLoader.parse(
                "models: [resnet50]\ndevices: [v100]\nbatches: [" + batches + "]\nparadigms:\n  layer: {}\n"
                        + "rates: {from: 0.0001, to: 1, step: 0.0001}\n", "s.yaml"));
        assertEquals("s.yaml: the sweep has 20002000 groups (2000 targets x (1 + 1 paradigms x 10000 rates)), more"
                + " than the limit of 1000000 (InputBounds.SWEEP_GROUPS); split it into several specs", e.getMessage());
    }

    @Test
    void tooManyRowsAreRefusedWithTheCountAndTheLimit() {
        String batches = IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).collect(Collectors.joining(","));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpecLoader.parse(
                "models: [resnet101]\ndevices: [v100]\nbatches: [" + batches + "]\nparadigms:\n"
                        + "  channel: {channel_group: all}\nrates: {from: 0.0001, to: 1, step: 0.0001}\n", "s.yaml"));
        assertTrue(e.getMessage().matches("s\\.yaml: the sweep has \\d{10} rows, more than the limit of 1000000000"
                + " \\(InputBounds\\.SWEEP_ROWS\\); split it into several specs"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("rows.csv")));
    }
}
