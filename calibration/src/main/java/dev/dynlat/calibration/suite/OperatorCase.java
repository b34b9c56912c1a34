package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.model.MappedOperator;
import java.util.Objects;

/**
 * One operator configuration of the suite: the kernel that is timed and the operator spec the model
 * prices for it.
 *
 * @param key      unique, stable identifier (drives the held-out split)
 * @param label    short human-readable description for the progress display
 * @param group    operator class label for error statistics (e.g. {@code conv}, {@code channel-skip-conv})
 * @param kernel   the benchmark kernel
 * @param operator the equivalent operator spec and batch
 */
public record OperatorCase(String key, String label, String group, KernelSpec kernel, MappedOperator operator) {
    public OperatorCase {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(operator, "operator");
    }
}
