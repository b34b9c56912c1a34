package dev.dynlat.calibration.measured;

import dev.dynlat.operators.spec.OperatorSpec;
import java.util.Map;
import java.util.Objects;

/**
 * One operator timed on a device, from any source of measurements (a NeuSight kernel CSV, dynlat's
 * own {@code raw-samples.csv} of a device run): what ran, at which batch, on which device, and how
 * long it took. Every source maps its rows to this record, so fitting, {@code dynlat operators} and
 * the reports never see a file layout.
 *
 * @param source file the row came from, for messages
 * @param line 1-based line of the row in that file
 * @param device the device name as the CUDA runtime reports it (e.g. {@code Tesla V100-PCIE-32GB})
 * @param opName the source's operator name (e.g. {@code conv}, {@code addu}, {@code ln})
 * @param spec the operator, without the batch
 * @param batch the batch the spec runs at (the device model's batch)
 * @param latencyMs measured time of one call, milliseconds
 * @param family shape family of the row (see {@code src/docs/gpu/held-out-split.md})
 * @param columns every column of the row as read, in file order (carried through to outputs)
 */
public record MeasuredOperator(String source, long line, String device, String opName, OperatorSpec spec,
                               int batch, double latencyMs, String family, Map<String, String> columns) {
    public MeasuredOperator {
        Objects.requireNonNull(spec, "spec");
        if (batch <= 0) {
            throw new IllegalArgumentException("batch: must be positive, got " + batch);
        }
        if (!(latencyMs > 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException("latency: must be a positive number of ms, got " + latencyMs);
        }
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }
}
