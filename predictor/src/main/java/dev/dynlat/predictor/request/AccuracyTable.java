package dev.dynlat.predictor.request;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
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
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("accuracy: '" + file + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("accuracy: cannot read '" + file + "': "
                    + (Files.isDirectory(file) ? "it is a directory" : Files.exists(file) ? e.getMessage()
                    : "no such file"));
        }
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
            int[] values;
            try {
                values = Arrays.stream(option.split("-", -1)).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("accuracy: " + where + ": option '" + option
                        + "' is not S or G per stage like 4-4-2-1");
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
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("accuracy: " + where + ": " + field + " '" + text.strip()
                    + "' is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("accuracy: " + where + ": " + field + " must be in [" + (int) min + ", "
                    + (int) max + "], got " + text.strip());
        }
        return v;
    }
}
