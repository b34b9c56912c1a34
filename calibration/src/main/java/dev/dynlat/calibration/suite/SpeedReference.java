package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.protocol.SampleStats;

/**
 * The kernel timed just before every measurement, by calibration and by validation alike, to follow
 * the machine's speed. A shared host swings by tens of percent within seconds and slows under
 * sustained load (on the 2-core VM of 2026-12-02 this kernel took 0.39 ms in the first minute of a
 * validation run and 0.43–0.63 ms in the next two). Calibration records its typical time in the
 * profile ({@code calibration.speed_reference_us}); one kernel for both is what lets a validation
 * measurement be brought to the speed that the coefficients describe.
 */
public final class SpeedReference {
    /**
     * A ResNet-style 3×3 conv, in cache, about 0.4 ms on two cores: long enough that a reading is
     * the cores' speed rather than the threads' start-up, short enough to take before every
     * measurement (before 2026-12-02 calibration used a 32-channel 14×14 conv of ~40 µs).
     */
    public static final KernelSpec KERNEL = new Conv2dKernel(1, 64, 64, 28, 28, 3, 1, 1);
    /** How reports name {@link #KERNEL}. */
    public static final String LABEL = "conv 3x3/1 64->64 28x28 b1";
    /** Timed runs per reading (after one warm-up run). */
    public static final int RUNS = 5;

    private SpeedReference() {
    }

    /** One reading: the median of {@link #RUNS} timed runs of {@code kernel}, seconds. */
    public static double timeS(Backend backend, KernelSpec kernel) {
        return SampleStats.median(backend.time(kernel, 1, RUNS));
    }

    /** One reading of {@link #KERNEL}, seconds. */
    public static double timeS(Backend backend) {
        return timeS(backend, KERNEL);
    }
}
