package dev.dynlat.predictor.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How sweep rows are written: one line per row, so an output can be resumed and never holds a
 * torn row after the last newline. The first line records the plan's fingerprint and row count;
 * CSV then has the column names.
 */
public enum RowFormat {
    /** Comma-separated; first line {@code # dynlat-sweep spec_sha256=… rows=…}, then the header. */
    CSV {
        @Override
        String preamble(String fingerprint, long rows, List<String> columns) {
            return "# dynlat-sweep spec_sha256=" + fingerprint + " rows=" + rows + "\n" + String.join(",", columns)
                    + "\n";
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
    /** JSON Lines; first line {@code {"dynlat_sweep":{"spec_sha256":…,"rows":…}}}, then one object per row. */
    JSONL {
        @Override
        String preamble(String fingerprint, long rows, List<String> columns) {
            return "{\"dynlat_sweep\":{\"spec_sha256\":\"" + fingerprint + "\",\"rows\":" + rows + "}}\n";
        }

        @Override
        void text(StringBuilder sb, String column, String value, boolean first) {
            sb.append(first ? "\"" : ",\"").append(column).append("\":\"");
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

    abstract String preamble(String fingerprint, long rows, List<String> columns);

    abstract void text(StringBuilder sb, String column, String value, boolean first);

    abstract void number(StringBuilder sb, String column, double value, boolean first);

    abstract void begin(StringBuilder sb);

    abstract void end(StringBuilder sb);

    /** The number of lines before the first row. */
    int preambleLines() {
        return this == CSV ? 2 : 1;
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
