package dev.dynlat.predictor.sweep;

import dev.dynlat.operators.input.TextLines;
import java.util.Arrays;
import java.util.List;

/** A sweep CSV: the first line names the columns; cells hold no commas (names never do). */
final class CsvResultCells implements ResultCells {
    private final TextLines in;
    private final String source;
    private final List<String> header;
    private int line;

    CsvResultCells(TextLines in, String source, String headerLine, int headerNumber) {
        this.in = in;
        this.source = source;
        this.header = headerLine == null ? List.of() : Arrays.asList(headerLine.split(",", -1));
        this.line = headerNumber;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() {
        String text;
        do {
            text = in.next();
            line++;
        } while (text != null && text.isEmpty());
        if (text == null) {
            return null;
        }
        String[] c = text.split(",", -1);
        if (c.length != header.size()) {
            throw new IllegalArgumentException("from: " + source + ":" + line + ": expected " + header.size()
                    + " fields, got " + c.length);
        }
        return c;
    }

    @Override
    public int line() {
        return line;
    }
}
