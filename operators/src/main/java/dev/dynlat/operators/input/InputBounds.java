package dev.dynlat.operators.input;

/**
 * The one table of bounds on user input: values, counts that an input expands to, and file sizes.
 * The CLI, the loaders, the sweeps and the calibration use these, so a value accepted in one place
 * is accepted everywhere, and a huge input is refused with its count and the limit before any
 * work (or, where noted, read in bounded memory).
 *
 * <ul>
 *   <li>batch: 1 to 2<sup>31</sup>−1 images, on the command line, in a schedule and as a profile's
 *       default batch (the cost models count in {@code long}/{@code double}, so any int batch is
 *       costed);</li>
 *   <li>calibration timed runs per attempt: 3 (the fewest for a median and a spread) to 10 000
 *       (samples are kept in memory and on disk: 10 000 runs of every configuration is already
 *       hours on a CPU);</li>
 *   <li>calibration warm-up runs per attempt: 0 to 100 000;</li>
 *   <li>nodes of a network once its templates, includes, repeats and steps are expanded: 1 to
 *       200 000, counted before anything is expanded (the largest zoo network has a few hundred; a
 *       template repeated inside templates or steps multiplies, and each node is resolved, lowered
 *       and costed on every prediction: 150 000 nodes take about 20 s and 1 GB);</li>
 *   <li>batch sizes costed for one batched-runtime expectation (per-input exits at a batch B): at
 *       most 10 000, the counts of Binomial(B, reach) with non-negligible probability (about 13
 *       standard deviations, so B up to about 2 million at reach 0.5); each is one costing of the
 *       network;</li>
 *   <li>distinct rows of per-input activation rates in a decisions file: at most 10 000 (each is
 *       predicted on its own; equal rows are counted, not stored, so the file's length is
 *       free);</li>
 *   <li>rates of one sweep ({@code --rates} or a spec's {@code rates}): 1 to 10 000;</li>
 *   <li>a sweep: at most 1 000 000 groups (target × paradigm × rate, each held in the plan) and
 *       10<sup>9</sup> rows (about a day of work at the speed of a spec sweep), counted from the
 *       spec before any work;</li>
 *   <li>input files read whole (profiles, schedules, configs, networks, specs): 64 MiB
 *       ({@link #FILE_BYTES}; the YAML reader's own code-point limit is set to the same); files
 *       read line by line (decisions, policies): any length, each line at most 1 MiB
 *       ({@link #LINE_BYTES}).</li>
 * </ul>
 */
public final class InputBounds {
    public static final IntRange BATCH = new IntRange("batch", 1, Integer.MAX_VALUE);
    public static final IntRange TIMED_RUNS = new IntRange("runs", 3, 10_000);
    public static final IntRange WARMUP_RUNS = new IntRange("warmup", 0, 100_000);
    public static final IntRange NETWORK_NODES = new IntRange("nodes", 1, 200_000);
    public static final IntRange BATCH_SIZES_COSTED = new IntRange("batch sizes costed", 1, 10_000);
    public static final IntRange DISTINCT_RATE_ROWS = new IntRange("distinct rate rows", 1, 10_000);
    public static final IntRange RATES = new IntRange("rates", 1, 10_000);
    public static final IntRange SWEEP_GROUPS = new IntRange("sweep groups", 1, 1_000_000);
    /** Most rows of one sweep. */
    public static final long SWEEP_ROWS = 1_000_000_000L;
    /** Longest line of a file read line by line, in bytes. */
    public static final int LINE_BYTES = 1 << 20;
    /** Largest file read whole, in bytes. */
    public static final long FILE_BYTES = 64L << 20;

    private InputBounds() {
    }
}
