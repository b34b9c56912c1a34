package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.provenance.ToolVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How sweep rows are written: one line per row, so an output can be resumed and never holds a
 * torn row after the last newline. What identifies the sweep (the plan's fingerprint, its row
 * count, the columns, the dynlat version and commit) is the first line of JSON Lines, and for CSV
 * a {@link dev.dynlat.predictor.provenance.Sidecar} {@code <out>.meta.json}, so that the CSV itself is
 * a plain table whose first line is
 * the column header (what {@code pandas.read_csv} and spreadsheets expect).
 */
public enum RowFormat {
    /** Comma-separated; first line the column header; the sweep's identity in the sidecar. */
    CSV {
        @Override
        String preamble(String fingerprint, long rows, List<String> columns, ToolVersion tool) {
            return String.join(",", columns) + "\n";
        }

        @Override
        Optional<String> sidecar(String fingerprint, long rows, List<String> columns, ToolVersion tool) {
            return Optional.of(identity(fingerprint, rows, columns, tool) + "\n");
        }

        @Override
        void text(StringBuilder sb, String column, String value, boolean first) {
            if (!first) {
                sb.append(',');
            }
            // Names in the zoo and profiles never hold commas or quotes; quote defensively anyway.
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
                sb.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(value);
            }
        }

        @Override
        void number(StringBuilder sb, String column, double value, boolean first) {
            if (!first) {
                sb.append(',');
            }
            RowNumbers.append(sb, value);
        }

        @Override
        void begin(StringBuilder sb) {
        }

        @Override
        void end(StringBuilder sb) {
            sb.append('\n');
        }
    },
    /**
     * JSON Lines; first line {@code {"dynlat_sweep":{"spec_sha256":…,"rows":…,"columns":[…],
     * "tool_version":…,"git_commit":…}}}, then one object per row.
     */
    JSONL {
        @Override
        String preamble(String fingerprint, long rows, List<String> columns, ToolVersion tool) {
            return identity(fingerprint, rows, columns, tool) + "\n";
        }

        @Override
        Optional<String> sidecar(String fingerprint, long rows, List<String> columns, ToolVersion tool) {
            return Optional.empty();
        }

        @Override
        void text(StringBuilder sb, String column, String value, boolean first) {
            sb.append(first ? "\"" : ",\"").append(column).append("\":");
            jsonString(sb, value);
        }

        @Override
        void number(StringBuilder sb, String column, double value, boolean first) {
            sb.append(first ? "\"" : ",\"").append(column).append("\":");
            RowNumbers.append(sb, value);
        }

        @Override
        void begin(StringBuilder sb) {
            sb.append('{');
        }

        @Override
        void end(StringBuilder sb) {
            sb.append("}\n");
        }
    };

    /** What the output starts with: the CSV header, or the JSON Lines identity line. */
    abstract String preamble(String fingerprint, long rows, List<String> columns, ToolVersion tool);

    /** The sidecar's content, for formats that keep the sweep's identity beside the rows. */
    abstract Optional<String> sidecar(String fingerprint, long rows, List<String> columns, ToolVersion tool);

    /** One JSON object naming the sweep: what a resume compares, byte for byte. */
    static String identity(String fingerprint, long rows, List<String> columns, ToolVersion tool) {
        StringBuilder sb = new StringBuilder("{\"dynlat_sweep\":{\"spec_sha256\":\"").append(fingerprint)
                .append("\",\"rows\":").append(rows).append(",\"columns\":[");
        for (int i = 0; i < columns.size(); i++) {
            jsonString(sb.append(i == 0 ? "" : ","), columns.get(i));
        }
        return sb.append("],").append(tool.jsonMembers()).append("}}").toString();
    }

    abstract void text(StringBuilder sb, String column, String value, boolean first);

    abstract void number(StringBuilder sb, String column, double value, boolean first);

    abstract void begin(StringBuilder sb);

    abstract void end(StringBuilder sb);

    private static void jsonString(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** From the output's extension: {@code .csv} or {@code .jsonl}. */
    public static RowFormat fromPath(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl")) {
            return JSONL;
        }
        throw new IllegalArgumentException("out: '" + out + "' must end in .csv or .jsonl for a spec sweep");
    }
}
