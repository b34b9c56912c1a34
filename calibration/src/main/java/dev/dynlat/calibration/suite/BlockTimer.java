package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.protocol.TimedRun;

/**
 * Times a whole dynamic block as one native sequence (its kernels chained, no return to Java in
 * between), the way it runs inside a network. Implemented on the predictor side, which lowers the
 * block with its composers; {@link #NONE} makes the suite sum separately timed kernels instead.
 */
@FunctionalInterface
public interface BlockTimer {
    /** The suite's fallback: no sequence timing, the kernels are timed one by one and summed. */
    BlockTimer NONE = b -> null;

    /** The timed run of {@code block} per inference, or null where it cannot be run as one sequence. */
    TimedRun timer(BlockCase block);
}
