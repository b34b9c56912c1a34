package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's worked example is what the tool prints: the command after {@code $ } in the first
 * code block of "Worked example" is run, and every line the README shows (up to the "…" that stands
 * for the per-operator table) must be a line of its output, in order, verbatim.
 */
class ReadmeExampleTest {
    @Test
    void theWorkedExampleShowsWhatTheToolPrints() throws IOException {
        Path readme = Path.of("..", "README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int section = lines.indexOf("## Worked example");
        assertTrue(section >= 0, "README has a 'Worked example' section");
        int command = section;
        while (!lines.get(command).startsWith("$ ./dynlat ")) {
            command++;
        }
        String[] args = lines.get(command).substring("$ ./dynlat ".length()).trim().split("\\s+");
        int end = command + 1;
        while (!lines.get(end).startsWith("…") && !lines.get(end).startsWith("```")) {
            end++;
        }
        List<String> shown = lines.subList(command + 1, end);
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        List<String> printed = r.out().lines().toList();
        assertTrue(shown.size() > 10, "the example shows its tables");
        assertEquals(shown, printed.subList(0, shown.size()), "README example vs `dynlat " + Arrays.toString(args) + "`");
    }
}
