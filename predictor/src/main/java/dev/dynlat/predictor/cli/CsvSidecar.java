package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.provenance.Sidecar;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import java.io.IOException;

/**
 * The {@link Sidecar} of a CSV a command writes to a file, in the same {@link OutputSet} as the
 * CSV so that both are written or neither. A CSV on standard output or a stream has no place
 * beside it and goes without.
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
    static CsvSidecar beside(OutputSet outputs, OutputTarget csv) {
        boolean file = csv != null && csv.kind() == OutputTarget.Kind.FILE;
        return new CsvSidecar(outputs, file ? outputs.add(csv.option(), Sidecar.of(csv.path())) : null);
    }

    /** Prepares the sidecar's content (nothing when the CSV has none); the set's commit writes it. */
    void prepare() throws IOException {
        if (target != null) {
            outputs.prepareText(target, Sidecar.content(ToolVersion.current()));
        }
    }
}
