package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README and the pages its long sections moved to name files of the repository in backticks
 * ({@code src/docs/validation.md}, {@code src/examples/…}); every one of them must exist, so a page
 * that moves or a file that is renamed leaves no dangling pointer. Build outputs
 * ({@code predictor/target/…}) are not in a fresh checkout and are skipped.
 */
class DocumentPathsTest {
    private static final Path ROOT = Path.of("..");
    // A backticked token that starts at a top-level folder of the repository and has no spaces.
    private static final Pattern REPO_PATH = Pattern.compile(
            "`((?:src|python|predictor|operators|calibration|reports|hardware-profiles|\\.ci)/[^`\\s…]*)`");

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "src/docs/cli.md", "src/docs/calibration.md", "src/docs/validation.md",
        "src/docs/performance.md", "src/docs/library.md"})
    void everyRepositoryPathNamedInThePageExists(String page) throws IOException {
        String text = Files.readString(ROOT.resolve(page), StandardCharsets.UTF_8);
        List<String> named = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Matcher m = REPO_PATH.matcher(text);
        while (m.find()) {
            String path = m.group(1);
            if (path.contains("/target/") || path.contains("*")) {
                continue;
            }
            named.add(path);
            if (!Files.exists(ROOT.resolve(path))) {
                missing.add(path);
            }
        }
        assertTrue(!named.isEmpty() || !page.equals("README.md"), "the README points somewhere");
        assertEquals(List.of(), missing, page + " names files that do not exist");
    }
}
