package dev.dynlat.reports.table;

import dev.dynlat.reports.io.OutputSet;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Path;

/** Renders a {@link Table} as text in one format. Output is deterministic and locale-independent. */
public interface TableWriter {

    /**
     * Renders the whole table, ending with a line break; lines end with {@code \n} except in
     * CSV, which uses {@code \r\n} as RFC 4180 requires.
     */
    String render(Table table);

    /**
     * Writes the rendered table as UTF-8 to {@code target} through {@link OutputSet} (atomic for a
     * regular file, streamed to a FIFO or device; parent directories are created).
     *
     * @throws IOException with a one-line message naming {@code target}
     */
    default void write(Table table, Path target) throws IOException {
        String text = render(table);
        OutputSet.write("table", target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
