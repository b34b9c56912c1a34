package dev.dynlat.predictor.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynlat.operators.input.TextLines;
import java.util.ArrayList;
import java.util.List;

/**
 * Sweep JSON Lines: the {@code dynlat_sweep} line names the columns (files written before it did
 * take them from the first row's keys), then each line is one object keyed by column.
 */
final class JsonlResultCells implements ResultCells {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TextLines in;
    private final String source;
    private final List<String> header = new ArrayList<>();
    private JsonNode pending;
    private int pendingLine;
    private int line;

    JsonlResultCells(TextLines in, String source, String firstLine, int firstNumber) {
        this.in = in;
        this.source = source;
        this.line = firstNumber;
        JsonNode first = parse(firstLine, firstNumber);
        JsonNode identity = first.get("dynlat_sweep");
        if (identity == null) {
            pending = first;
            pendingLine = firstNumber;
        } else if (identity.has("columns")) {
            identity.get("columns").forEach(c -> header.add(c.asText()));
            return;
        } else {
            pending = readObject();
            pendingLine = line;
        }
        if (pending != null) {
            pending.fieldNames().forEachRemaining(header::add);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() {
        JsonNode row;
        if (pending != null) {
            row = pending;
            line = pendingLine;
            pending = null;
        } else {
            row = readObject();
        }
        if (row == null) {
            return null;
        }
        String[] cells = new String[header.size()];
        for (int i = 0; i < cells.length; i++) {
            JsonNode v = row.get(header.get(i));
            if (v == null || !v.isValueNode()) {
                throw new IllegalArgumentException("from: " + source + ":" + line + ": no value for column '"
                        + header.get(i) + "'");
            }
            cells[i] = v.isNull() ? "" : v.asText();
        }
        return cells;
    }

    @Override
    public int line() {
        return line;
    }

    private JsonNode readObject() {
        String text;
        do {
            text = in.next();
            line++;
        } while (text != null && text.isBlank());
        return text == null ? null : parse(text, line);
    }

    private JsonNode parse(String text, int number) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // reported below, without the parser's multi-line detail
        }
        throw new IllegalArgumentException("from: " + source + ":" + number + ": not a JSON object (a sweep's JSON"
                + " Lines hold one object per line)");
    }
}
