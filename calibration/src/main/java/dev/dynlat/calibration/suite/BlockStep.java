package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.kernel.KernelSpec;
import java.util.Objects;

/**
 * One kernel of a timed block and how often it runs per inference.
 *
 * @param name   role in the block, e.g. {@code conv2 3x3 on patches}
 * @param kernel the kernel
 * @param weight expected executions per inference: 1, or the branch probability of a layer-skipped block
 */
public record BlockStep(String name, KernelSpec kernel, double weight) {
    public BlockStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kernel, "kernel");
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1], got " + weight);
        }
    }
}
