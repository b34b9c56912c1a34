package dev.dynlat.predictor.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An output format a command can write. Each command accepts a subset (predict: table, json, csv;
 * models: table, json; devices show: text, yaml), named in the same order in its error message.
 */
public enum ResultFormat {
    TABLE, JSON, CSV, TEXT, YAML;

    /** The lower-case name the {@code --format} option takes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format {@code text} names (any case), one of {@code allowed}.
     *
     * @throws IllegalArgumentException naming the field, the value and the accepted formats
     */
    public static ResultFormat parse(String text, ResultFormat... allowed) {
        for (ResultFormat f : allowed) {
            if (f.id().equals(text.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        List<String> ids = new ArrayList<>();
        for (ResultFormat f : allowed) {
            ids.add(f.id());
        }
        String expected = ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        throw new IllegalArgumentException("format: unknown format '" + text + "'; expected " + expected);
    }
}
