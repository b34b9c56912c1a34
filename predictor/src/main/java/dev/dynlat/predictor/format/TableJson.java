package dev.dynlat.predictor.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.Table;
import java.util.Locale;

/**
 * A table as a JSON list of row objects, one key per column: the column's name in snake case with
 * its unit appended ({@code latency} in {@code ms/image} is {@code latency_ms_per_image}), values
 * at full precision (the table's display precision is for people).
 */
public final class TableJson {
    private TableJson() {
    }

    public static ArrayNode rows(Table t) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        String[] keys = new String[t.columnCount()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = key(t.columns().get(c));
        }
        for (int r = 0; r < t.rowCount(); r++) {
            ObjectNode o = rows.addObject();
            for (int c = 0; c < keys.length; c++) {
                Object v = t.cell(r, c);
                if (v == null) {
                    o.putNull(keys[c]);
                    continue;
                }
                switch (t.columns().get(c).kind()) {
                    case INTEGER -> o.put(keys[c], ((Number) v).longValue());
                    case DECIMAL -> o.put(keys[c], ((Number) v).doubleValue());
                    case TEXT -> o.put(keys[c], v.toString());
                    default -> throw new IllegalStateException("unknown column kind " + t.columns().get(c).kind());
                }
            }
        }
        return rows;
    }

    /** "latency per stage" in "ms/image" is "latency_per_stage_ms_per_image". */
    static String key(Column c) {
        String name = slug(c.name());
        return c.unit().isEmpty() ? name : name + "_" + slug(c.unit().replace("/", " per "));
    }

    private static String slug(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
