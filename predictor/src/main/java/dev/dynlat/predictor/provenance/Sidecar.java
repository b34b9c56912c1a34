package dev.dynlat.predictor.provenance;

import java.nio.file.Path;

/**
 * The file beside an output that says which dynlat wrote it, for formats where a comment line
 * would break the readers people use ({@code pandas.read_csv}, spreadsheets): {@code sweep.csv}
 * gets {@code sweep.csv.meta.json}. A spec sweep's sidecar also names the sweep (what a resume
 * compares); every other CSV's holds the two {@link ToolVersion} members only.
 */
public final class Sidecar {
    /** What the sidecar's name adds to its output's name. */
    public static final String SUFFIX = ".meta.json";

    private Sidecar() {
    }

    /** Where the sidecar of {@code out} lives. */
    public static Path of(Path out) {
        return out.resolveSibling(out.getFileName() + SUFFIX);
    }

    /** The sidecar of a plain output: {@code {"tool_version":"…","git_commit":"…"}} and a newline. */
    public static String content(ToolVersion tool) {
        return "{" + tool.jsonMembers() + "}\n";
    }
}
