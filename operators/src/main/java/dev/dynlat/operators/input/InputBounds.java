package dev.dynlat.operators.input;

/**
 * The one table of integer bounds for user input. The CLI, the schedule and profile loaders and
 * the calibration use these, so a value accepted in one place is accepted everywhere.
 *
 * <ul>
 *   <li>batch: 1 to 2<sup>31</sup>−1 images, on the command line, in a schedule and as a profile's
 *       default batch (the cost models count in {@code long}/{@code double}, so any int batch is
 *       costed);</li>
 *   <li>calibration timed runs per attempt: 3 (the fewest for a median and a spread) to 10 000
 *       (samples are kept in memory and on disk: 10 000 runs of every configuration is already
 *       hours on a CPU);</li>
 *   <li>calibration warm-up runs per attempt: 0 to 100 000;</li>
 *   <li>nodes of a network once its templates, repeats and steps are expanded: 1 to 100 000 (the
 *       largest zoo network has a few hundred; a template repeated inside templates multiplies,
 *       and each node is resolved, lowered and costed on every prediction).</li>
 * </ul>
 */
public final class InputBounds {
    public static final IntRange BATCH = new IntRange("batch", 1, Integer.MAX_VALUE);
    public static final IntRange TIMED_RUNS = new IntRange("runs", 3, 10_000);
    public static final IntRange WARMUP_RUNS = new IntRange("warmup", 0, 100_000);
    public static final IntRange NETWORK_NODES = new IntRange("nodes", 1, 200_000);
    public static final IntRange BATCH_SIZES_COSTED = new IntRange("batch sizes costed", 1, 10_000);

    private InputBounds() {
    }
}
