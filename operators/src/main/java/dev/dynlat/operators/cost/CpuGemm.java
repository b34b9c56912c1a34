package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.Efficiency;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;

/**
 * Convolutions on a CPU as dynlat's CPU kernel library runs them: im2col, then a GEMM
 * {@code [M × K] · [K × N]} (M output channels, K input channels × k², N output pixels) blocked
 * into thread tiles of {@code 4 × 4} register micro-tiles that run in waves over the cores. The
 * tiling is fixed by the library, not searched. Full micro-tiles run at the lanes' FMA rate; edge
 * micro-tiles (when M or N is not a multiple of the micro-tile) walk a strided column of B and
 * pay one cache line per row and reduction step, which dominates small maps (7×7: N = 49).
 * im2col, the batch staging copy and the packing of kept channels are memory passes.
 */
final class CpuGemm {
    /** Operator class whose fitted efficiency scales the copies around the GEMM (packing, im2col). */
    static final String COPY_CLASS = "gemm-copies";
    private static final int TILE_MICRO = 4;
    /** Reduction steps per packed block: the panels of a block stay in the core's cache. */
    private static final int REDUCTION_BLOCK = 256;

    private CpuGemm() {
    }

    /**
     * A dense, grouped or channel-skipping convolution (not depthwise). A channel-skipping conv
     * may also run as the dense kernel with the skipped channels computed and discarded; the
     * faster of the two is taken, so the cost never falls as more channels are kept.
     */
    static OperatorCost conv(Conv2dSpec c, DeviceModel d) {
        OperatorCost dense = libraryConv(c.asDense(), d);
        if (c.dense()) {
            return dense;
        }
        OperatorCost skipping = libraryConv(c, d);
        return skipping.latencyS() <= dense.latencyS() ? skipping : dense;
    }

    private static OperatorCost libraryConv(Conv2dSpec c, DeviceModel d) {
        int groups = c.groups();
        int batch = d.batch();
        long m = Math.round(c.outChannels() / groups * c.outDensity());
        long kIn = Math.round(c.inChannels() / groups * c.inDensity());
        long k = exact(c, kIn, c.kernel(), c.kernel());
        long n = exact(c, c.outHeight(), c.outWidth(), batch);
        boolean skip = !c.dense();
        boolean pointwise = c.kernel() == 1 && c.stride() == 1 && batch == 1 && !skip;
        Copies copies = new Copies(copyEfficiency(c.kind(), d), d);
        double inputPerGroup = (double) kIn * c.inHeight() * c.inWidth() * batch;
        if (!pointwise) {
            copies.add((double) k * c.outHeight() * batch, (double) k * n, inputPerGroup + (double) k * n);
        }
        if (batch > 1) {
            copies.add((double) m * batch, (double) m * n, 2.0 * m * n);
        }
        if (skip) {
            copies.add((double) m * kIn, (double) m * k, (double) m * k + (double) c.outChannels() / groups * k);
        }
        return cost(groups, m, n, k, copies, c.macsPerSample() * batch * c.inDensity() * c.outDensity(), d);
    }

    /** A conv on a gathered batch of active patches (valid conv on the haloed patches). */
    static OperatorCost patchConv(SpatialConvSpec s, DeviceModel d) {
        Conv2dSpec c = s.conv();
        int out = s.granularity() + 2 * s.halo();
        long patches = exact(s, s.grid().activePatches(s.density()), d.batch());
        int groups = c.groups();
        long m = c.outChannels() / groups;
        long k = exact(s, c.inChannels() / groups, c.kernel(), c.kernel());
        long n = exact(s, patches, out, out);
        // A patch batch is a batch > 1 for the library: im2col and the staging copy always run,
        // in runs of one patch row and one patch plane.
        Copies copies = new Copies(copyEfficiency(s.kind(), d), d);
        double gathered = (double) c.inChannels() / groups * patches * (out + c.kernel() - 1) * (out + c.kernel() - 1);
        copies.add((double) k * patches * out, (double) k * n, gathered + (double) k * n);
        copies.add((double) m * patches, (double) m * n, 2.0 * m * n);
        return cost(groups, m, n, k, copies, s.macsPerSample() * d.batch(), d);
    }

    /**
     * A GEMM dimension as an exact 64-bit product: the library's blocking counts tiles in longs,
     * so a dimension beyond them is rejected rather than wrapped around.
     */
    private static long exact(Object operator, long... factors) {
        long p = 1;
        try {
            for (long f : factors) {
                p = Math.multiplyExact(p, f);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("batch: " + operator + " has more GEMM rows or columns than "
                    + Long.MAX_VALUE + " at this batch", e);
        }
        return p;
    }

    /**
     * Copy passes (im2col, staging, packing): their contiguous runs, the elements they move and the
     * seconds those take (read and write) at the rate of each pass's footprint ({@link CpuMemory}),
     * at unit copy efficiency.
     */
    private static final class Copies {
        private final double efficiency;
        private final DeviceModel device;
        double runs;
        double elements;
        double streamS;

        Copies(double efficiency, DeviceModel device) {
            this.efficiency = efficiency;
            this.device = device;
        }

        void add(double moreRuns, double moreElements, double footprintElements) {
            runs += moreRuns;
            elements += moreElements;
            streamS += CpuMemory.seconds(2 * moreElements, 4 * footprintElements, efficiency, device);
        }
    }

    /**
     * The copies' overall efficiency: the fitted copy factor (applied in {@link #cost}) times the
     * conv class's (applied by {@link CostModels#withClassEfficiency}).
     */
    private static double copyEfficiency(String convClass, DeviceModel d) {
        return d.classFactor(COPY_CLASS) * d.classFactor(convClass);
    }

    /** Summed cost of tiles {@code [from, to)} of a {@code tilesM × tilesN} row-major grid. */
    private static double chunkSeconds(long from, long to, long tilesM, long tilesN, double[][] tileS) {
        long lastRowStart = (tilesM - 1) * tilesN;
        long inLastRow = Math.max(0, to - Math.max(from, lastRowStart));
        long lastColumn = countLastColumn(from, to, tilesN);
        long lastBoth = to > lastRowStart && to == tilesM * tilesN ? 1 : 0;
        long lastColumnOnly = lastColumn - lastBoth;
        long lastRowOnly = inLastRow - lastBoth;
        long interior = (to - from) - lastColumnOnly - lastRowOnly - lastBoth;
        return interior * tileS[0][0] + lastColumnOnly * tileS[0][1] + lastRowOnly * tileS[1][0]
                + lastBoth * tileS[1][1];
    }

    /** Tiles {@code t} in {@code [from, to)} with {@code t % tilesN == tilesN - 1}. */
    private static long countLastColumn(long from, long to, long tilesN) {
        return Math.floorDiv(to, tilesN) - Math.floorDiv(from, tilesN);
    }

    /** Seconds for one engine to bring in one cache line from the on-chip level. */
    static double lineSeconds(DeviceModel d) {
        return d.transactionElements() / (d.l2ElementsPerS() / d.engines());
    }

    private static OperatorCost cost(int groups, long m, long n, long k, Copies copies, double macs,
                                     DeviceModel d) {
        int microRows = d.lanesPerEngine() >= 12 ? 6 : 4;
        int microCols = d.lanesPerEngine() >= 12 ? 16 : 8;
        double fmaS = 1 / (d.lanesPerEngine() * d.clockHz());
        double lineS = lineSeconds(d);
        double copyFactor = d.classFactor(COPY_CLASS);
        double copyEfficiency = copies.efficiency;
        double gemmS = 0;
        long tiles = 0;
        if (m > 0 && n > 0 && k > 0) {
            int tileRows = microRows * TILE_MICRO;
            int tileCols = microCols * TILE_MICRO;
            long tilesM = Efficiency.ceilDiv(m, tileRows);
            long tilesN = Efficiency.ceilDiv(n, tileCols);
            tiles = tilesM * tilesN;
            long chunk = Efficiency.ceilDiv(tiles, d.engines());
            long reductionBlocks = Efficiency.ceilDiv(k, REDUCTION_BLOCK);
            // Tiles differ only in the last tile row and column; cost the four kinds once.
            long lastRows = m - (tilesM - 1) * tileRows;
            long lastCols = n - (tilesN - 1) * tileCols;
            double[][] tileS = new double[2][2];
            for (int lastRow = 0; lastRow < 2; lastRow++) {
                for (int lastCol = 0; lastCol < 2; lastCol++) {
                    long rows = lastRow == 1 ? lastRows : tileRows;
                    long cols = lastCol == 1 ? lastCols : tileCols;
                    long rowsPadded = Efficiency.ceilDiv(rows, microRows) * microRows;
                    long colsPadded = Efficiency.ceilDiv(cols, microCols) * microCols;
                    // Edge micro-tiles run the full micro-kernel on zero-padded panels.
                    double fmas = (double) rowsPadded * colsPadded * k;
                    // Packing: per reduction block one run per A row; one run per B row (step).
                    double packing = ((rowsPadded * reductionBlocks + k) * lineS
                            + d.engines() * CpuMemory.seconds((double) rowsPadded * k, 4.0 * m * k, copyEfficiency, d)
                            + d.engines() * CpuMemory.seconds((double) colsPadded * k, 4.0 * k * n, copyEfficiency, d))
                            / copyFactor;
                    tileS[lastRow][lastCol] = fmas * fmaS + packing;
                }
            }
            // Cores take contiguous chunks of the row-major tile order; the slowest one decides.
            double slowest = 0;
            for (long start = 0; start < tiles; start += chunk) {
                slowest = Math.max(slowest, chunkSeconds(start, Math.min(tiles, start + chunk), tilesM, tilesN, tileS));
            }
            gemmS = slowest * groups;
        }
        // im2col, staging and weight gathering: runs start cache lines, elements stream on chip.
        double memoryS = groups * (copies.runs * lineS / d.engines() + copies.streamS)
                / copyFactor;
        return new OperatorCost(gemmS + memoryS + d.launchS(), gemmS, memoryS, d.launchS(),
                new Tiling(microRows * TILE_MICRO, 1, microCols * TILE_MICRO, 1, tiles), macs,
                4 * groups * (2 * copies.elements + (double) m * k + (double) k * n + (double) m * n));
    }
}
