package dev.dynlat.predictor.request;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's accuracy per configuration, CSV with a header naming {@code option} (S or G per
 * stage, {@code 4-4-2-1}, or one value for every stage), {@code rate} and {@code accuracy_pct};
 * other columns are ignored. Problems name the file and line.
 */
public final class AccuracyTable {
    private AccuracyTable() {
    }

    /**
     * One configuration.
     *
     * @param option as written, e.g. {@code 4-4-2-1}
     * @param rate activation rate in [0, 1]
     * @param accuracyPct accuracy in percent, [0, 100]
     * @param values the option's numbers
     */
    public record Entry(String option, double rate, double accuracyPct, int[] values) {
        public int[] perStage(int stages) {
            if (values.length == 1) {
                int[] out = new int[stages];
                Arrays.fill(out, values[0]);
                return out;
            }
            if (values.length != stages) {
                throw new IllegalArgumentException("accuracy: option " + option + " has " + values.length
                        + " values; the model has " + stages + " stages");
            }
            return values.clone();
        }
    }

    public static List<Entry> load(Path file) {
        List<String> lines = InputFiles.readUtf8("--accuracy", file).lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("accuracy: '" + file + "' is empty");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        int opt = column(header, "option", file);
        int rate = column(header, "rate", file);
        int acc = column(header, "accuracy_pct", file);
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String[] c = line.split(",", -1);
            if (c.length != header.size()) {
                throw new IllegalArgumentException("accuracy: " + where + ": expected " + header.size()
                        + " fields, got " + c.length);
            }
            String option = c[opt].strip();
            String[] parts = option.split("-", -1);
            int[] values = new int[parts.length];
            for (int p = 0; p < parts.length; p++) {
                if (!DecimalText.isInteger(parts[p])) {
                    throw new IllegalArgumentException("accuracy: " + where + ": option '" + option
                            + "' is not S or G per stage like 4-4-2-1");
                }
                values[p] = DecimalText.parseInt("accuracy: " + where + ": option", parts[p]);
            }
            out.add(new Entry(option, number(c[rate], 0, 1, "rate", where), number(c[acc], 0, 100, "accuracy_pct",
                    where), values));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("accuracy: '" + file + "' has no rows");
        }
        return out;
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("accuracy: '" + file + "' has no column '" + name + "' (header: "
                    + String.join(",", header) + ")");
        }
        return i;
    }

    private static double number(String text, double min, double max, String field, String where) {
        if (!DecimalText.isDecimal(text.strip())) {
            throw new IllegalArgumentException("accuracy: " + where + ": " + field + " '" + text.strip()
                    + "' is not a number");
        }
        double v = DecimalText.parse(text.strip());
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("accuracy: " + where + ": " + field + " must be in [" + (int) min + ", "
                    + (int) max + "], got " + text.strip());
        }
        return v;
    }
}
