package dev.dynlat.reports.io;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the complete content of one file to a stream; used by {@link OutputSet}. */
@FunctionalInterface
public interface OutputBody {

    /**
     * Writes the content. The stream is closed by the caller.
     *
     * @param out the stream of the temporary file
     * @throws IOException if writing fails; the target file is then left untouched
     */
    void writeTo(OutputStream out) throws IOException;
}
