package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.provenance.Sidecar;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The {@link Sidecar} of a CSV a command writes to a file, in the same {@link OutputSet} as the
 * CSV so that both are written or neither. A CSV on standard output or a stream has no place
 * beside it and goes without; so does a CSV whose name is legal but too long to take the suffix
 * (a note on standard error says so, rather than refusing a file name that works without it).
 */
final class CsvSidecar {
    private final OutputSet outputs;
    private final OutputTarget target;

    private CsvSidecar(OutputSet outputs, OutputTarget target) {
        this.outputs = outputs;
        this.target = target;
    }

    /**
     * Adds the sidecar of {@code csv} (null: none) to {@code outputs} before any work, so a sidecar
     * that cannot be written is refused up front like the CSV itself.
     */
    static CsvSidecar beside(OutputSet outputs, OutputTarget csv, PrintWriter err) {
        if (csv == null || csv.kind() != OutputTarget.Kind.FILE) {
            return new CsvSidecar(outputs, null);
        }
        Path sidecar = Sidecar.of(csv.path());
        if (sidecar.getFileName().toString().getBytes(StandardCharsets.UTF_8).length > OutputTarget.MAX_NAME_BYTES) {
            err.println("note: " + csv.option() + ": no sidecar naming the dynlat build beside '" + csv.path()
                    + "': its name '" + sidecar.getFileName() + "' would be longer than "
                    + OutputTarget.MAX_NAME_BYTES + " bytes");
            err.flush();
            return new CsvSidecar(outputs, null);
        }
        return new CsvSidecar(outputs, outputs.add(csv.option(), sidecar));
    }

    /** Prepares the sidecar's content (nothing when the CSV has none); the set's commit writes it. */
    void prepare() throws IOException {
        if (target != null) {
            outputs.prepareText(target, Sidecar.content(ToolVersion.current()));
        }
    }
}
