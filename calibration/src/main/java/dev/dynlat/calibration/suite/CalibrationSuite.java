package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.kernel.AvgPoolKernel;
import dev.dynlat.calibration.kernel.ChannelSkipConvKernel;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.ElementwiseAddKernel;
import dev.dynlat.calibration.kernel.FullyConnectedKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.GlobalAvgPoolKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.kernel.PatchConvKernel;
import dev.dynlat.calibration.kernel.PatchGrid;
import dev.dynlat.calibration.kernel.ScatterAddKernel;
import dev.dynlat.calibration.kernel.ScatterKernel;
import dev.dynlat.calibration.model.KernelSpecMapper;
import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.lowering.BlockDescription;
import dev.dynlat.operators.lowering.BlockSchedule;
import dev.dynlat.operators.lowering.Composition;
import dev.dynlat.operators.lowering.ResidualLowering;
import dev.dynlat.operators.model.ModelVariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The configurations a calibration run measures: operators of every class the model prices
 * (fitted and held out), and whole dynamic blocks (evaluation only). Sizes are chosen so one
 * kernel takes roughly 10 µs to 10 ms on a small CPU, covering launch-, memory- and compute-bound
 * regimes; the quick suite takes every third operator configuration and the rate-0.5 blocks.
 *
 * @param operators operator configurations
 * @param blocks    block configurations
 */
public record CalibrationSuite(List<OperatorCase> operators, List<BlockCase> blocks) {
    public static final double[] RATES = {0.25, 0.5, 0.75};
    public static final int[] GRANULARITIES = {1, 2, 4, 8};

    public CalibrationSuite {
        operators = List.copyOf(operators);
        blocks = List.copyOf(blocks);
        Set<String> keys = new HashSet<>();
        for (OperatorCase c : operators) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("duplicate case key " + c.key());
            }
        }
        for (BlockCase b : blocks) {
            if (!keys.add(b.key())) {
                throw new IllegalArgumentException("duplicate case key " + b.key());
            }
        }
    }

    public int size() {
        return operators.size() + blocks.size();
    }

    /** Every operator configuration, without blocks (what a GPU plan measures). */
    public static CalibrationSuite full() {
        return new CalibrationSuite(allOperators(), List.of());
    }

    /** Every operator configuration and the blocks at every rate. */
    public static CalibrationSuite fullWithBlocks() {
        return new CalibrationSuite(allOperators(), allBlocks(RATES));
    }

    /** Every third operator configuration (per class), without blocks (what a GPU plan measures). */
    public static CalibrationSuite quick() {
        return new CalibrationSuite(quickOperators(), List.of());
    }

    /** Every third operator configuration (per class) and the rate-0.5 blocks. */
    public static CalibrationSuite quickWithBlocks() {
        return new CalibrationSuite(quickOperators(), allBlocks(new double[] {0.5}));
    }

    private static List<OperatorCase> quickOperators() {
        List<OperatorCase> all = allOperators();
        List<OperatorCase> picked = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (OperatorCase c : all) {
            int n = seen.merge(c.group(), 1, Integer::sum);
            if (n % 3 == 1) {
                picked.add(c);
            }
        }
        return picked;
    }

    // ------------------------------------------------------------------ operators

    static List<OperatorCase> allOperators() {
        List<OperatorCase> out = new ArrayList<>();
        int[][] convShapes = {{16, 56}, {32, 56}, {32, 28}, {64, 28}, {64, 14}, {128, 14}, {128, 7}, {256, 7}};
        for (int[] cs : convShapes) {
            for (int k : new int[] {1, 3}) {
                for (int stride : new int[] {1, 2}) {
                    if (cs[1] % stride != 0) {
                        continue; // the spec's "same" output (in / stride) needs a divisible map
                    }
                    for (int mult : new int[] {1, 2}) {
                        int cin = cs[0];
                        int cout = cs[0] * mult;
                        op(out, "conv", String.format(Locale.ROOT, "conv %dx%d/%d %d->%d %dx%d b1", k, k, stride, cin,
                                cout, cs[1], cs[1]), new Conv2dKernel(1, cin, cout, cs[1], cs[1], k, stride, 1));
                    }
                }
            }
        }
        // batch 4: the batch dimension of the tile search
        for (int[] cs : new int[][] {{32, 28}, {64, 14}, {128, 7}}) {
            for (int k : new int[] {1, 3}) {
                op(out, "conv", String.format(Locale.ROOT, "conv %dx%d/1 %d->%d %dx%d b4", k, k, cs[0], cs[0], cs[1],
                        cs[1]), new Conv2dKernel(4, cs[0], cs[0], cs[1], cs[1], k, 1, 1));
            }
        }
        int[][] dwShapes = {{32, 56}, {64, 56}, {64, 28}, {128, 28}, {128, 14}, {256, 14}, {256, 7}, {512, 7}};
        for (int[] cs : dwShapes) {
            for (int stride : new int[] {1, 2}) {
                if (cs[1] % stride != 0) {
                    continue;
                }
                op(out, "depthwise", String.format(Locale.ROOT, "dwconv 3x3/%d %d %dx%d b1", stride, cs[0], cs[1],
                        cs[1]), new Conv2dKernel(1, cs[0], cs[0], cs[1], cs[1], 3, stride, cs[0]));
            }
        }
        int[][] grShapes = {{64, 28, 4}, {64, 28, 8}, {128, 14, 4}, {128, 14, 8}, {128, 28, 8}, {256, 14, 32},
            {256, 7, 8}, {64, 56, 16}, {128, 7, 32}};
        for (int[] gs : grShapes) {
            op(out, "grouped-conv", String.format(Locale.ROOT, "gconv 3x3/1 %d g%d %dx%d b1", gs[0], gs[2], gs[1],
                    gs[1]), new Conv2dKernel(1, gs[0], gs[0], gs[1], gs[1], 3, 1, gs[2]));
        }
        int[][] fcShapes = {{64, 16, 1}, {128, 2, 1}, {256, 10, 1}, {256, 64, 1}, {512, 512, 1}, {512, 1000, 1},
            {1024, 256, 1}, {2048, 1000, 1}, {1024, 1024, 1}, {256, 256, 8}, {512, 1000, 8}, {2048, 512, 4},
            {32, 16, 1}, {768, 3072, 1}};
        for (int[] f : fcShapes) {
            op(out, "fc", String.format(Locale.ROOT, "fc %d->%d b%d", f[0], f[1], f[2]),
                    new FullyConnectedKernel(f[2], f[0], f[1]));
        }
        int[][] maps = {{32, 28}, {64, 28}, {64, 14}, {128, 14}, {32, 56}};
        int i = 0;
        for (int[] m : maps) {
            for (int s : GRANULARITIES) {
                double rate = RATES[i++ % RATES.length];
                int[] active = activePatches(1, m[1], m[1], s, rate, "gather" + m[0] + m[1] + s);
                op(out, "gather", String.format(Locale.ROOT, "gather c%d %dx%d S%d halo1 r%.2f", m[0], m[1], m[1], s,
                        rate), new GatherKernel(1, m[0], m[1], m[1], s, 1, active));
                double rate2 = RATES[i++ % RATES.length];
                int[] active2 = activePatches(1, m[1], m[1], s, rate2, "scatter" + m[0] + m[1] + s);
                op(out, "scatter", String.format(Locale.ROOT, "scatter c%d %dx%d S%d r%.2f", m[0], m[1], m[1], s,
                        rate2), new ScatterKernel(1, m[0], m[1], m[1], s, active2));
                double rate3 = RATES[i++ % RATES.length];
                int[] active3 = activePatches(1, m[1], m[1], s, rate3, "scatteradd" + m[0] + m[1] + s);
                op(out, "scatter-add", String.format(Locale.ROOT, "scatter-add c%d %dx%d S%d r%.2f", m[0], m[1], m[1],
                        s, rate3), new ScatterAddKernel(1, m[0], m[1], m[1], s, active3));
            }
        }
        int[][] pcShapes = {{32, 32, 28}, {64, 64, 28}, {64, 64, 14}, {128, 128, 14}, {32, 128, 28}};
        for (int[] p : pcShapes) {
            for (int s : GRANULARITIES) {
                for (int halo : new int[] {0, 1}) {
                    double rate = RATES[i++ % RATES.length];
                    long positions = new PatchGrid(1, p[2], p[2], s).patchCount();
                    int patches = (int) Math.ceil(rate * positions);
                    PatchConvKernel k = new PatchConvKernel(patches, p[0], p[1], s, halo, 1);
                    String label = String.format(Locale.ROOT, "patch-conv %dx%d %d->%d S%d %dx%d r%.2f", 2 * halo + 1,
                            2 * halo + 1, p[0], p[1], s, p[2], p[2], rate);
                    out.add(new OperatorCase(label, label, "spatial-conv", k, KernelSpecMapper.mapPatchConv(k, p[2])));
                }
            }
        }
        int[][] csShapes = {{64, 64, 28, 1}, {64, 64, 28, 3}, {128, 128, 14, 1}, {128, 128, 14, 3}, {64, 128, 28, 1},
            {32, 32, 56, 3}};
        for (int[] c : csShapes) {
            for (int g : new int[] {1, 4, 8}) {
                double rate = RATES[i++ % RATES.length];
                int keptGroups = Math.max(1, (int) Math.round(rate * c[1] / g));
                int[] outGroups = pick(c[1] / g, keptGroups, "cs-out" + Arrays.toString(c) + g);
                int keptIn = Math.max(1, (int) Math.round(rate * c[0]));
                int[] inChannels = pick(c[0], keptIn, "cs-in" + Arrays.toString(c) + g);
                op(out, "channel-skip-conv", String.format(Locale.ROOT, "chskip %dx%d %d->%d %dx%d G%d r%.2f", c[3],
                        c[3], c[0], c[1], c[2], c[2], g, rate), new ChannelSkipConvKernel(1, c[0], c[1], c[2], c[2],
                        c[3], 1, g, outGroups, inChannels));
            }
        }
        int[][] poolShapes = {{64, 56, 2}, {128, 28, 2}, {256, 14, 2}, {64, 28, 28}, {256, 14, 14}, {512, 7, 7},
            {32, 56, 4}, {128, 56, 56}};
        for (int[] p : poolShapes) {
            op(out, "pool", String.format(Locale.ROOT, "avgpool %dx%d c%d %dx%d", p[2], p[2], p[1], p[0], p[0]),
                    new AvgPoolKernel(1, p[0], p[1], p[1], p[2], p[2]));
        }
        int[][] gapShapes = {{64, 56}, {128, 28}, {256, 14}, {512, 7}, {1024, 7}, {2048, 7}, {32, 112}};
        for (int[] g : gapShapes) {
            op(out, "reduce", String.format(Locale.ROOT, "global-avgpool c%d %dx%d", g[0], g[1], g[1]),
                    new GlobalAvgPoolKernel(1, g[0], g[1], g[1]));
        }
        int[][] addShapes = {{64, 56}, {128, 28}, {256, 14}, {512, 7}, {256, 56}, {32, 112}, {1024, 14}, {16, 28}};
        for (int[] a : addShapes) {
            op(out, "elementwise", String.format(Locale.ROOT, "add c%d %dx%d", a[0], a[1], a[1]),
                    new ElementwiseAddKernel(1, a[0], a[1], a[1]));
        }
        return out;
    }

    private static void op(List<OperatorCase> out, String group, String label, KernelSpec kernel) {
        MappedOperator mapped = KernelSpecMapper.map(kernel);
        out.add(new OperatorCase(label, label, group, kernel, mapped));
    }

    // ------------------------------------------------------------------ blocks

    /** Block shapes: a ResNet-style bottleneck at 28x28 (layer2 of ResNet-50, narrowed to keep runs short). */
    static final int BLOCK_CHANNELS = 128;
    static final int BLOCK_WIDTH = 64;
    static final int BLOCK_SIZE = 28;
    /** The timed block: a stride-1 3×3 bottleneck without groups or SE, batch 1. */
    static final BlockDescription BLOCK = BlockDescription.bottleneck(BLOCK_CHANNELS, BLOCK_WIDTH, BLOCK_CHANNELS,
            BLOCK_SIZE, 1, 1, 3, 0);
    /**
     * What the native block programs run: a separate gather kernel, scatter fused with the residual
     * add, a two-layer channel masker (and the spatial masker fused into conv1, which the lowering
     * always does for this layout).
     */
    public static final BlockSchedule BLOCK_SCHEDULE = new BlockSchedule(true, true, 2);

    static List<BlockCase> allBlocks(double[] rates) {
        List<BlockCase> out = new ArrayList<>();
        for (double rate : rates) {
            for (int s : GRANULARITIES) {
                out.add(spatialBlock(rate, s));
            }
        }
        for (double rate : rates) {
            for (int g : GRANULARITIES) {
                out.add(channelBlock(rate, g));
            }
        }
        for (double rate : rates) {
            out.add(layerBlock(rate));
        }
        return out;
    }

    static BlockCase spatialBlock(double rate, int s) {
        int[] active = activePatches(1, BLOCK_SIZE, BLOCK_SIZE, s, rate, "spatial-block" + s + rate);
        String label = String.format(Locale.ROOT, "block spatial %d-%d-%d %dx%d S%d r%.2f", BLOCK_CHANNELS,
                BLOCK_WIDTH, BLOCK_CHANNELS, BLOCK_SIZE, BLOCK_SIZE, s, rate);
        return block(label, BlockParadigm.SPATIAL, rate, s, new BlockMasks(active, new int[0]));
    }

    static BlockCase channelBlock(double rate, int g) {
        int groups = BLOCK_WIDTH / g;
        int kept = Math.max(1, (int) Math.round(rate * groups));
        int[] keptGroups = pick(groups, kept, "channel-block" + g + rate);
        String label = String.format(Locale.ROOT, "block channel %d-%d-%d %dx%d G%d r%.2f", BLOCK_CHANNELS,
                BLOCK_WIDTH, BLOCK_CHANNELS, BLOCK_SIZE, BLOCK_SIZE, g, rate);
        return block(label, BlockParadigm.CHANNEL, rate, g, new BlockMasks(new int[0], keptGroups));
    }

    /**
     * Layer skipping: the gate always runs; the branch runs with probability {@code rate}. The executed
     * case is gate + branch and the skipped case is the gate alone, so the expected time per inference is
     * {@code gate + rate × branch}: the graph's branch nodes carry probability {@code rate}.
     */
    static BlockCase layerBlock(double rate) {
        String label = String.format(Locale.ROOT, "block layer %d-%d-%d %dx%d r%.2f", BLOCK_CHANNELS, BLOCK_WIDTH,
                BLOCK_CHANNELS, BLOCK_SIZE, BLOCK_SIZE, rate);
        return block(label, BlockParadigm.LAYER, rate, 1, BlockMasks.NONE);
    }

    private static BlockCase block(String label, BlockParadigm paradigm, double rate, int granularity,
                                   BlockMasks masks) {
        Map<ModelVariant, OperatorGraph> graphs = new EnumMap<>(ModelVariant.class);
        for (ModelVariant v : ModelVariant.values()) {
            graphs.put(v, ResidualLowering.lower(BLOCK, paradigm.dynamics(rate, granularity), BLOCK_SCHEDULE,
                    Composition.of(v)));
        }
        return new BlockCase(label, label, paradigm, BLOCK_CHANNELS, BLOCK_WIDTH, BLOCK_CHANNELS, BLOCK_SIZE, rate,
                granularity, graphs, masks);
    }

    // ------------------------------------------------------------------ masks

    /**
     * {@code ceil(rate × positions)} distinct patch indices (the predictor's count), chosen by a
     * generator seeded from {@code seedText} so that every run measures the same mask.
     */
    static int[] activePatches(int batch, int height, int width, int s, double rate, String seedText) {
        int positions = (int) new PatchGrid(batch, height, width, s).patchCount();
        int n = (int) Math.ceil(rate * positions);
        return pick(positions, Math.max(1, n), seedText);
    }

    /** {@code n} distinct sorted values from {@code [0, bound)}, deterministic in {@code seedText}. */
    static int[] pick(int bound, int n, String seedText) {
        int[] all = IntStream.range(0, bound).toArray();
        Random r = new Random(seedText.hashCode());
        for (int i = bound - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, n);
        Arrays.sort(chosen);
        return chosen;
    }
}
