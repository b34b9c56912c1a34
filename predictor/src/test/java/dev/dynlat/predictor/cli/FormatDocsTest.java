package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.yaml.YamlException;
import dev.dynlat.predictor.dynamic.DynamicConfigLoader;
import dev.dynlat.predictor.schedule.ScheduleLoader;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code --config} and {@code --schedule} documents name every key their loaders accept: the
 * loaders' own "unknown key" messages list the valid keys, and each must be documented.
 */
class FormatDocsTest {
    private static final Pattern EXPECTED = Pattern.compile("expected one of ([a-z_, ]+)");

    private static void assertDocumented(String doc, String message) {
        Matcher m = EXPECTED.matcher(message);
        assertTrue(m.find(), message);
        for (String key : m.group(1).split(",\\s*")) {
            assertTrue(doc.contains("`" + key.strip() + "`"), "undocumented key '" + key + "'");
        }
    }

    @Test
    void everyScheduleKeyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "src", "docs", "schedule-format.md"));
        YamlException e = assertThrows(YamlException.class, () -> ScheduleLoader.parse("nonsense_key: 1\n", "s.yaml"));
        assertDocumented(doc, e.getMessage());
    }

    @Test
    void everyConfigKeyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "src", "docs", "config-format.md"));
        var net = NetworkZoo.get("resnet50");
        YamlException top = assertThrows(YamlException.class, () -> DynamicConfigLoader.parse(
                "mode: spatial\nstages: []\nnonsense_key: 1\n", "c.yaml", net));
        assertDocumented(doc, top.getMessage());
        YamlException stage = assertThrows(YamlException.class, () -> DynamicConfigLoader.parse(
                "mode: spatial\nstages:\n  - {granularity: 1, rate: 0.5, nonsense_key: 1}\n", "c.yaml", net));
        assertDocumented(doc, stage.getMessage().substring(stage.getMessage().indexOf("nonsense_key")));
    }
}
