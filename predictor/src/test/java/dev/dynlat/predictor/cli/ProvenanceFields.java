package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynlat.predictor.provenance.ToolVersion;
import java.util.regex.Pattern;

/**
 * The build fields in outputs under test: golden files hold placeholders for them (a golden file
 * must not change with every commit), and a separate check asserts that they are there.
 */
final class ProvenanceFields {
    /** The value a golden file holds for either field. */
    static final String PLACEHOLDER = "<build>";
    private static final Pattern MEMBER = Pattern.compile("(\"(?:" + ToolVersion.VERSION_KEY + "|"
            + ToolVersion.COMMIT_KEY + ")\"\\s*:\\s*)\"[^\"]*\"");

    private ProvenanceFields() {
    }

    /** {@code text} with the value of every {@code tool_version} and {@code git_commit} member a placeholder. */
    static String normalised(String text) {
        return MEMBER.matcher(text).replaceAll("$1\"" + PLACEHOLDER + "\"");
    }

    /** {@code o} names this build: both members present, non-empty and the ones the build recorded. */
    static void assertNamesThisBuild(JsonNode o) {
        for (String key : new String[] {ToolVersion.VERSION_KEY, ToolVersion.COMMIT_KEY}) {
            assertTrue(o.hasNonNull(key), key + " missing from " + abbreviated(o));
            assertFalse(o.get(key).asText().isBlank(), key + " empty in " + abbreviated(o));
        }
        assertEquals(ToolVersion.current().version(), o.get(ToolVersion.VERSION_KEY).asText());
        assertEquals(ToolVersion.current().commit(), o.get(ToolVersion.COMMIT_KEY).asText());
    }

    private static String abbreviated(JsonNode o) {
        String s = o.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
