package dev.dynlat.predictor.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which dynlat wrote an output: the Maven project version and the git commit it was built from,
 * as the build recorded them in {@code dynlat/build.properties}. Either is {@code "unknown"} when
 * the build had no git (or the classes run without that resource, e.g. from an IDE), so an
 * output says so rather than guessing.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the full 40-hex git commit, or {@code "unknown"}
 */
public record ToolVersion(String version, String commit) {
    public static final String UNKNOWN = "unknown";
    /** The JSON member names every machine-readable output uses for the two fields. */
    public static final String VERSION_KEY = "tool_version";
    public static final String COMMIT_KEY = "git_commit";
    private static final String RESOURCE = "/dynlat/build.properties";
    private static final ToolVersion CURRENT = load();

    /** The build this code comes from (read once). */
    public static ToolVersion current() {
        return CURRENT;
    }

    private static ToolVersion load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ToolVersion(UNKNOWN, UNKNOWN);
            }
            Properties p = new Properties();
            p.load(in);
            return new ToolVersion(nonBlank(p.getProperty("version")), nonBlank(p.getProperty("commit")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static String nonBlank(String v) {
        return v == null || v.isBlank() ? UNKNOWN : v.strip();
    }

    /** {@code "tool_version":"…","git_commit":"…"}: the two members, for JSON written as text. */
    public String jsonMembers() {
        return "\"" + VERSION_KEY + "\":\"" + version + "\",\"" + COMMIT_KEY + "\":\"" + commit + "\"";
    }

    /** Adds the two members to {@code o} and returns it. */
    public ObjectNode addTo(ObjectNode o) {
        return o.put(VERSION_KEY, version).put(COMMIT_KEY, commit);
    }
}
