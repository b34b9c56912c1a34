package dev.dynlat.operators.gpu;

import dev.dynlat.operators.profile.GemmTile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.KernelFamily;

import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.model.Tiling;
import dev.dynlat.operators.spec.Conv2dSpec;
import java.util.List;
import java.util.Optional;

/**
 * How the vendor libraries run an operator on a GPU, and how long it takes: the {@code calibrated}
 * GPU model. It describes what cuBLAS and cuDNN do rather than an idealised tiling:
 * <ul>
 * <li>a GEMM runs one kernel of its family's tiles ({@link KernelFamily}); thread blocks run in
 *     waves over the SMs (tile quantisation and wave quantisation), each streaming its operand
 *     panels through L2 (L2 reuse: re-reads beyond the unique traffic come from L2 while the
 *     working set of the resident blocks fits, from DRAM beyond); a single GEMM may split its
 *     reduction over several blocks (split-K, more blocks for skinny outputs, partial sums written
 *     and reduced); the library's choice is the fastest candidate;</li>
 * <li>a convolution runs cuDNN's implicit GEMM (any shape; 2 kernels), its fused Winograd kernel
 *     (3×3, stride 1: 16 multiplies per 2×2 outputs; 2 kernels) or non-fused Winograd F(4×4, 3×3)
 *     (data, filter and output transforms around 36 batched GEMMs; 4 kernels), whichever is
 *     fastest;</li>
 * <li>elementwise, softmax and layer-norm kernels stream their bytes at the DRAM rate;</li>
 * <li>every kernel pays a device-side gap (cuBLAS and cuDNN kernels one of their own); long kernels slow down as the power limit lowers the
 *     clock; and an operator called from a framework takes at least the host's dispatch time, which
 *     the GPU hides only when its work is longer (the host floor).</li>
 * </ul>
 * Every term is a datasheet figure times a fitted fraction ({@link GpuLibraryCoefficients}).
 * Times are seconds; one instance serves one GPU and is immutable.
 */
public final class GpuLibraryModel {
    /** Split-K factors cuBLAS uses (the grid depths seen in its launches). */
    private static final int[] SPLITS = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64};
    private static final double FLOAT_BYTES = 4;
    /** The most waves of thread blocks a split-K launch has (the recorded split launches stay under 4 per SM). */
    static final double MAX_SPLIT_WAVES = 4;

    private final GpuDatasheet gpu;
    private final GpuLibraryCoefficients k;
    private final Candidates gemms;
    private final Candidates batchedGemms;
    private final double[] convEff;
    /** The non-fused Winograd's GEMM tiles, all at its one efficiency. */
    private final Candidates winogradGemms;
    /** The mean of the single GEMM's efficiencies: the compute fraction of {@link #roofline}. */
    private final double meanGemmEff;

    public GpuLibraryModel(GpuDatasheet gpu, GpuLibraryCoefficients coefficients) {
        this.gpu = gpu;
        this.k = coefficients;
        this.gemms = Candidates.of(k.family().gemmTiles(), t -> k.gemmEfficiency().get(t.id()));
        this.batchedGemms = Candidates.of(k.family().batchedGemmTiles(), t -> k.gemmEfficiency().get(t.id()));
        this.convEff = KernelFamily.IMPLICIT_CONV_TILES.stream().mapToDouble(t -> k.convEfficiency().get(t.id()))
                .toArray();
        this.winogradGemms = Candidates.of(k.family().winogradGemmTiles(),
                t -> k.convEfficiency().get(GpuLibraryCoefficients.WINOGRAD_GEMM));
        this.meanGemmEff = mean(gemms.efficiency());
    }

    public GpuDatasheet datasheet() {
        return gpu;
    }

    public GpuLibraryCoefficients coefficients() {
        return k;
    }

    /**
     * A single GEMM ({@code [rows × reduction] · [reduction × cols]}, one right operand), as cuBLAS
     * runs a linear layer: the fastest tile and split-K factor.
     */
    public KernelTime gemm(double cols, double rows, double reduction) {
        return gemm(cols, rows, reduction, Optional.empty());
    }

    /** The single GEMM with the tile a call ran when known (its split-K still the fastest). */
    public KernelTime gemm(double cols, double rows, double reduction, Optional<GemmTile> ran) {
        return splitGemm(gemms.ran(ran), k.reductionOverhead(), 1, cols, rows, reduction);
    }

    /**
     * {@code batches} GEMMs of one kernel's grid over {@code tiles} (each at its efficiency), the
     * fastest tile and split-K factor. Which grids a family splits is the family's
     * ({@link KernelFamily#splitsFilledGrids}); a split never launches more than
     * {@link #MAX_SPLIT_WAVES} waves of blocks (the launches recorded with split-K stay under it).
     */
    private KernelTime splitGemm(Candidates candidates, double overhead, double batches, double cols, double rows,
                                 double reduction) {
        List<GemmTile> tiles = candidates.tiles();
        double[] efficiency = candidates.efficiency();
        KernelTime best = null;
        for (int i = 0; i < tiles.size(); i++) {
            GemmTile t = tiles.get(i);
            double outputBlocks = batches * Math.ceil(cols / t.cols()) * Math.ceil(rows / t.rows());
            boolean maySplit = k.family().splitsFilledGrids() || outputBlocks < gpu.streamingMultiprocessors();
            for (int split : SPLITS) {
                if (split > 1 && (!maySplit || split > reduction / 16
                        || outputBlocks * split > MAX_SPLIT_WAVES * gpu.streamingMultiprocessors())) {
                    break;
                }
                best = KernelTime.faster(best, tile(t, efficiency[i], overhead, batches, cols, rows, reduction, split));
            }
        }
        return best;
    }

    /** {@code batches} independent GEMMs in one strided-batched call ({@code bmm}). */
    public KernelTime batchedGemm(double batches, double cols, double rows, double reduction) {
        return batchedGemm(batches, cols, rows, reduction, Optional.empty());
    }

    /** The strided-batched GEMM with the tile a call ran when known. */
    public KernelTime batchedGemm(double batches, double cols, double rows, double reduction, Optional<GemmTile> ran) {
        return unsplitGemm(batchedGemms.ran(ran), k.reductionOverhead(), batches, cols, rows, reduction);
    }

    /** {@code batches} GEMMs of one kernel's grid, never split: the fastest candidate. */
    private KernelTime unsplitGemm(Candidates candidates, double overhead, double batches, double cols, double rows,
                                   double reduction) {
        KernelTime best = null;
        for (int i = 0; i < candidates.tiles().size(); i++) {
            best = KernelTime.faster(best, tile(candidates.tiles().get(i), candidates.efficiency()[i], overhead, batches,
                    cols, rows, reduction, 1));
        }
        return best;
    }

    /**
     * A kernel family's tiles for one kind of GEMM, each with its efficiency.
     *
     * @param tiles the tiles, in the family's order (the first wins a tie)
     * @param efficiency the fraction of peak of each tile
     */
    private record Candidates(List<GemmTile> tiles, double[] efficiency) {
        static Candidates of(List<GemmTile> tiles, java.util.function.ToDoubleFunction<GemmTile> efficiency) {
            return new Candidates(tiles, tiles.stream().mapToDouble(efficiency).toArray());
        }

        /** The tile a call ran alone, when known and one of these; all of them otherwise. */
        Candidates ran(Optional<GemmTile> ran) {
            int i = ran.map(tiles::indexOf).orElse(-1);
            return i < 0 ? this : new Candidates(List.of(tiles.get(i)), new double[] {efficiency[i]});
        }
    }

    /**
     * One GEMM kernel of a given tile: blocks in waves over the SMs, each computing a tile over its
     * share of the reduction (plus the fixed per-block work), against the memory traffic: the unique
     * operands and result once from DRAM (partial sums of a split written and reduced), the blocks'
     * panel re-reads from L2, or from DRAM for the part of the resident blocks' working set that
     * does not fit in L2.
     */
    private KernelTime tile(GemmTile t, double efficiency, double overhead, double batches, double cols, double rows,
                            double reduction, int split) {
        double perBlockReduction = Math.ceil(reduction / split);
        double blocks = batches * Math.ceil(cols / t.cols()) * Math.ceil(rows / t.rows()) * split;
        double waves = Math.ceil(blocks / gpu.streamingMultiprocessors());
        double compute = waves * t.cols() * t.rows() * (perBlockReduction + overhead)
                / (gpu.smMacsPerS() * efficiency);
        double partials = split > 1 ? 2.0 * split - 1 : 1;
        double unique = FLOAT_BYTES * batches * (cols * reduction + reduction * rows + cols * rows * partials);
        double panels = FLOAT_BYTES * blocks * (t.cols() + t.rows()) * perBlockReduction;
        double workingSet = Math.min(blocks, gpu.streamingMultiprocessors()) * (t.cols() + t.rows())
                * perBlockReduction * FLOAT_BYTES;
        double missFraction = workingSet > gpu.l2Bytes() ? 1 - gpu.l2Bytes() / workingSet : 0;
        double dram = unique + missFraction * Math.max(panels - unique, 0);
        double memory = dram / (gpu.dramBytesPerS() * k.dramEfficiency())
                + panels / (gpu.dramBytesPerS() * k.l2BandwidthRatio());
        String name = "sgemm " + t.id() + (split > 1 ? " split " + split : "");
        return new KernelTime(Math.max(compute, memory), compute, memory, dram, 1, 1, name,
                (long) Math.min(blocks, 9e18));
    }

    /** A pass streaming {@code bytes} through DRAM at a class's streaming factor (one kernel). */
    public KernelTime stream(double bytes, double factor, String name) {
        double s = bytes / (gpu.dramBytesPerS() * k.dramEfficiency() * factor);
        return new KernelTime(s, 0, s, bytes, 1, 0, name, 0);
    }

    /** Work priced by its MACs and bytes alone: the roofline through the fitted peak fractions (one kernel). */
    public KernelTime roofline(double macs, double bytes, String name) {
        double compute = macs / (gpu.smMacsPerS() * gpu.streamingMultiprocessors() * meanGemmEff);
        double memory = bytes / (gpu.dramBytesPerS() * k.dramEfficiency());
        return new KernelTime(Math.max(compute, memory), compute, memory, bytes, 1, 0, name, 0);
    }

    /**
     * A convolution at a batch: cuDNN's fastest algorithm. Channel-skipping convs compute only their
     * kept channels; grouped convs run one implicit GEMM per group in one call; convs with few
     * channels per group (depthwise) are a direct kernel bound by their maps.
     */
    public KernelTime conv(Conv2dSpec c, int batch) {
        return conv(c, batch, Optional.empty());
    }

    /**
     * The convolution by the algorithm a call ran when known and the shape allows it (its fastest
     * tile), else cuDNN's fastest. Depthwise convolutions run their direct kernel whatever ran.
     */
    public KernelTime conv(Conv2dSpec c, int batch, Optional<ConvAlgorithm> ran) {
        java.util.Set<ConvAlgorithm> algorithms = ran.filter(a -> a.applies(c.kernel(), c.stride(), c.groups()))
                .map(java.util.EnumSet::of).orElseGet(() -> java.util.EnumSet.allOf(ConvAlgorithm.class));
        int groups = c.groups();
        double cin = Math.max(1, Math.ceil(c.inChannels() * c.inDensity()));
        double cout = Math.max(1, Math.ceil(c.outChannels() * c.outDensity()));
        double pixels = (double) batch * c.outHeight() * c.outWidth();
        double kernelArea = (double) c.kernel() * c.kernel();
        double cinPerGroup = cin / groups;
        double coutPerGroup = cout / groups;
        double mapBytes = FLOAT_BYTES * batch * (cin * c.inHeight() * c.inWidth() + cout * c.outHeight() * c.outWidth());
        // Few channels per group (depthwise) run a direct kernel; an ungrouped conv with few input
        // channels (an RGB stem) is still an implicit GEMM, only with a short reduction.
        if (groups > 1 && cinPerGroup < 8) {
            double macs = pixels * cout * cinPerGroup * kernelArea;
            return roofline(macs, mapBytes + FLOAT_BYTES * cout * cinPerGroup * kernelArea, "direct conv");
        }
        KernelTime best = null;
        if (algorithms.contains(ConvAlgorithm.IMPLICIT_GEMM)) {
            for (int i = 0; i < convEff.length; i++) {
                GemmTile t = KernelFamily.IMPLICIT_CONV_TILES.get(i);
                KernelTime main = cudnn(tile(t, convEff[i], k.convReductionOverhead(), groups, coutPerGroup, pixels,
                        cinPerGroup * kernelArea, 1));
                best = KernelTime.faster(best, offsets().then(main, "implicit gemm " + t.id()));
            }
        }
        if (algorithms.contains(ConvAlgorithm.FUSED_WINOGRAD)
                && ConvAlgorithm.FUSED_WINOGRAD.applies(c.kernel(), c.stride(), groups)) {
            best = KernelTime.faster(best, fusedWinograd(c, batch, cin, cout));
        }
        if (algorithms.contains(ConvAlgorithm.NONFUSED_WINOGRAD)
                && ConvAlgorithm.NONFUSED_WINOGRAD.applies(c.kernel(), c.stride(), groups)) {
            best = KernelTime.faster(best, winograd4x4(c, batch, cin, cout));
        }
        return best;
    }

    /**
     * cuDNN's fused Winograd kernel, F(2×2, 3×3): 16 products per 2×2 outputs, i.e. 4 multiply-adds
     * per output and input channel instead of 9. Each thread block computes 32 output channels of an
     * 8 × 16 patch of one image (its launch grid is {@code batch·⌈C_out/32⌉ × ⌈H/8⌉ × ⌈W/16⌉}), so
     * small maps waste most of a block: that quantisation is what decides against it on small maps.
     */
    KernelTime fusedWinograd(Conv2dSpec c, int batch, double cin, double cout) {
        double blocks = batch * Math.ceil(cout / 32) * Math.ceil(c.outHeight() / 8.0) * Math.ceil(c.outWidth() / 16.0);
        double waves = Math.ceil(blocks / gpu.streamingMultiprocessors());
        double compute = waves * 32 * 128 * (4 * cin + k.convReductionOverhead())
                / (gpu.smMacsPerS() * k.convEfficiency().get(GpuLibraryCoefficients.WINOGRAD));
        double bytes = FLOAT_BYTES * (batch * (cin * c.inHeight() * c.inWidth() + cout * c.outHeight() * c.outWidth())
                + cout * cin * 9);
        double memory = bytes / (gpu.dramBytesPerS() * k.dramEfficiency());
        KernelTime main = new KernelTime(Math.max(compute, memory), compute, memory, bytes, 1, 0, "winograd fused",
                (long) blocks);
        // Its first kernel transforms the filters into 4 × 4 Winograd tiles (9 floats read, 16 written
        // per filter): a streaming kernel like the non-fused filter transform, after cuDNN's set-up.
        KernelTime filter = stream(FLOAT_BYTES * cout * cin * (9 + 16),
                k.streamFactor(GpuLibraryCoefficients.WINOGRAD_FILTER), "winograd tiles");
        return hostSetup().then(filter, "").then(main, "winograd fused 2x2");
    }

    /**
     * Non-fused Winograd F(4×4, 3×3): data, filter and output transforms (streaming kernels) around 36
     * batched GEMMs of cuDNN's own (4 kernels).
     */
    KernelTime winograd4x4(Conv2dSpec c, int batch, double cin, double cout) {
        double tiles = (double) batch * Math.ceil(c.outHeight() / 4.0) * Math.ceil(c.outWidth() / 4.0);
        // The 36 products are one sgemm kernel over a grid of depth exactly 36 (never split): its columns
        // run over the Winograd tiles and its rows over the output channels (3 × 6 × 36 for 152 tiles of
        // 326 channels with 64×64; 6 × 13 × 36 for 188 tiles of 1,622 channels with 32×128).
        KernelTime gemm = cudnn(unsplitGemm(winogradGemms, k.convReductionOverhead(), 36, tiles, cout, cin));
        double transform = k.streamFactor(GpuLibraryCoefficients.WINOGRAD_TRANSFORM);
        KernelTime data = stream(FLOAT_BYTES * (batch * cin * c.inHeight() * c.inWidth() + 36 * tiles * cin),
                transform, "winograd data");
        KernelTime filter = stream(FLOAT_BYTES * (cout * cin * 9 + 36 * cout * cin),
                k.streamFactor(GpuLibraryCoefficients.WINOGRAD_FILTER), "winograd filter");
        double outputFactor = k.streamEfficiency().getOrDefault(GpuLibraryCoefficients.WINOGRAD_OUTPUT, transform);
        KernelTime output = stream(FLOAT_BYTES * (36 * tiles * cout + batch * cout * c.outHeight() * c.outWidth()),
                outputFactor, "winograd output");
        return hostSetup().then(data, "").then(filter, "").then(gemm, "").then(output,
                "winograd 4x4 (" + gemm.kernel() + ")");
    }

    /**
     * A cuDNN kernel: its fixed cost is cuDNN's own (the set-up time before it, and a streaming
     * kernel's gap), not cuBLAS's, so that the two libraries' fitted terms stay apart.
     */
    private static KernelTime cudnn(KernelTime t) {
        return new KernelTime(t.deviceS(), t.computeS(), t.memoryS(), t.dramBytes(), t.kernels(), 0, t.kernel(),
                t.blocks());
    }

    /** cuDNN's set-up before a non-fused Winograd call: the same fitted time, with no kernel of its own. */
    private KernelTime hostSetup() {
        return new KernelTime(k.convSetupUs() * 1e-6, 0, 0, 0, 0, 0, "set-up", 0);
    }

    /** cuDNN's set-up kernel before an implicit-GEMM or fused-Winograd kernel: a fitted fixed time. */
    private KernelTime offsets() {
        double s = k.convSetupUs() * 1e-6;
        return new KernelTime(s, 0, 0, 0, 1, 0, "offsets", 0);
    }

    /**
     * The operator's latency: its kernels' device time, their compute slowed by the power limit when long, plus a
     * gap per kernel, and at least the host's dispatch time for the operator's class.
     */
    public OperatorCost finish(KernelTime t, String operatorClass, double macs, double dramBytes) {
        // The power limit lowers the SM clock: compute slows, streaming barely does.
        double compute = Math.min(t.computeS(), t.deviceS());
        double throttled = t.deviceS() - compute + k.throttledComputeS(operatorClass, compute);
        double gaps = (t.kernels() - t.libraryKernels()) * k.streamGapS(operatorClass)
                + t.libraryKernels() * k.libraryGapUs() * 1e-6;
        double device = throttled + gaps;
        double floor = k.hostFloorS(operatorClass);
        double latency = Math.max(device, floor);
        double scale = t.deviceS() > 0 ? throttled / t.deviceS() : 1;
        return new OperatorCost(latency, t.computeS() * scale, t.memoryS() * scale, latency - throttled,
                Tiling.libraryKernel(t.kernel(), t.blocks()), macs, dramBytes);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double e : values) {
            sum += e;
        }
        return sum / values.length;
    }
}
