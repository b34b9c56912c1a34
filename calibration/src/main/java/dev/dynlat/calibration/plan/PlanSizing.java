package dev.dynlat.calibration.plan;

import java.util.Objects;

/**
 * The one rule that turns the calibration suite's shapes, sized for a small CPU, into a GPU plan: each
 * case's batch (its first dimension, {@link PlanShape#scaled(int)}) is multiplied by a power of two,
 * the smallest one that is at least {@code minFactor} and gives at least {@code floorUs} of work at the
 * device's peaks ({@link DevicePeaks#seconds(PlanWork)}), then halved while the case's device memory
 * would exceed {@code maxCaseBytes}. Launch-bound toy sizes would leave a GPU's bandwidth and compute
 * terms undetermined; the arithmetic for the H100 is in src/docs/gpu/plan-format.md.
 *
 * @param peaks        the device the plan is sized for
 * @param minFactor    smallest batch factor (a power of two), so relative sizes above the floor survive
 * @param floorUs      least work per case at the peaks, microseconds
 * @param maxCaseBytes most device memory for one case's operands and output, bytes
 */
public record PlanSizing(DevicePeaks peaks, int minFactor, double floorUs, long maxCaseBytes) {

    /**
     * The cuda plan's sizing: at least ×64 and 5 µs at H100 peaks, at most 1 GiB per case. ×64 puts the
     * suite's largest convs at about 110 µs of peak FMA time and its largest maps at 100-600 MB; the 5 µs
     * floor lifts every streaming kernel to at least 17 MB of traffic, so some stay in the 50 MB L2 when
     * rerun and others stream from DRAM.
     */
    public static final PlanSizing H100 = new PlanSizing(DevicePeaks.H100_SXM, 64, 5, 1L << 30);

    private static final int MAX_FACTOR = 1 << 20;

    public PlanSizing {
        Objects.requireNonNull(peaks, "peaks");
        if (minFactor < 1 || Integer.bitCount(minFactor) != 1) {
            throw new IllegalArgumentException("minFactor: must be a power of two >= 1, got " + minFactor);
        }
        if (!(floorUs > 0)) {
            throw new IllegalArgumentException("floorUs: must be > 0, got " + floorUs);
        }
        if (maxCaseBytes < 1) {
            throw new IllegalArgumentException("maxCaseBytes: must be >= 1, got " + maxCaseBytes);
        }
    }

    /** The batch factor of a shape (a power of two, at least 1). */
    public int factor(PlanShape shape) {
        int f = minFactor;
        // the work is not proportional to the batch (weights are read once), so each factor is priced
        while (f < MAX_FACTOR && peaks.seconds(PlanWork.of(shape.scaled(f))) < floorUs * 1e-6 && fits(shape, 2 * f)) {
            f *= 2;
        }
        while (f > 1 && !fits(shape, f)) {
            f /= 2;
        }
        return f;
    }

    /** Whether the shape at {@code factor} times its batch stays within {@code maxCaseBytes}. */
    private boolean fits(PlanShape shape, int factor) {
        try {
            return PlanWork.deviceBytes(shape.scaled(factor)) <= maxCaseBytes;
        } catch (ArithmeticException | IllegalArgumentException tooLarge) {
            return false; // a dimension or tensor past the native index range: far past any memory cap
        }
    }
}
