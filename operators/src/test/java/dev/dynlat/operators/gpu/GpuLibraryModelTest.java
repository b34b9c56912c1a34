package dev.dynlat.operators.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.GemmTile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.GpuLibraryScalar;
import dev.dynlat.operators.profile.KernelFamily;
import dev.dynlat.operators.spec.ActivationFunction;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.BinaryOp;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.TensorShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuLibraryModelTest {
    /** A V100-PCIE's datasheet (NeuSight's device config). */
    static final GpuDatasheet V100 = new GpuDatasheet(80, 64, 1370e6, 900e9, 6.0 * (1 << 20));

    static GpuLibraryCoefficients coefficients(KernelFamily family, double floorUs) {
        Map<String, Double> gemm = new LinkedHashMap<>();
        for (GemmTile t : family.allGemmTiles()) {
            gemm.put(t.id(), 0.8);
        }
        Map<String, Double> conv = new LinkedHashMap<>();
        for (GemmTile t : KernelFamily.IMPLICIT_CONV_TILES) {
            conv.put(t.id(), 0.7);
        }
        conv.put(GpuLibraryCoefficients.WINOGRAD, 0.6);
        conv.put(GpuLibraryCoefficients.WINOGRAD_GEMM, 0.7);
        return new GpuLibraryCoefficients(family, 0.85, 3, 5, 5, 5, 16, 16, 0, 10, 0, 10, gemm, conv, Map.of("softmax", 0.6), Map.of(),
                Map.of("elementwise", floorUs, GpuLibraryCoefficients.OTHER, floorUs, "conv", floorUs), "test");
    }

    private final GpuLibraryModel model = new GpuLibraryModel(V100, coefficients(KernelFamily.VOLTA, 20));
    private final GpuLibraryCosts costs = new GpuLibraryCosts(model);

    @Test
    void aTinyOperatorTakesItsHostFloor() {
        OperatorCost c = costs.cost(new ElementwiseSpec(BinaryOp.ADD, 1, 1, 8), 1).orElseThrow();
        assertEquals(20e-6, c.latencyS(), 1e-15);
    }

    @Test
    void aLargeElementwisePassStreamsAtTheFittedFractionOfTheDatasheetBandwidth() {
        long elements = 64L << 20;
        OperatorCost c = costs.cost(new ElementwiseSpec(BinaryOp.ADD, 1, 1024, (int) (elements / 1024)), 1)
                .orElseThrow();
        double expected = 3 * 4.0 * elements / (900e9 * 0.85) + 5e-6;
        assertEquals(expected, c.latencyS(), expected * 1e-9);
        assertEquals(3 * 4.0 * elements, c.dramBytes(), 1);
    }

    @Test
    void gemmTimeGrowsWithEveryExtent() {
        double base = model.gemm(1024, 1024, 1024).deviceS();
        assertTrue(model.gemm(2048, 1024, 1024).deviceS() > base);
        assertTrue(model.gemm(1024, 2048, 1024).deviceS() > base);
        assertTrue(model.gemm(1024, 1024, 2048).deviceS() > base);
    }

    @Test
    void skinnyOutputsWithALongReductionSplitIt() {
        // 64 × 64 outputs are one or two blocks on 80 SMs: cuBLAS splits the 50,000-long reduction.
        assertTrue(model.gemm(64, 64, 50_000).kernel().contains("split"), model.gemm(64, 64, 50_000).kernel());
        assertFalse(model.gemm(4096, 4096, 4096).kernel().contains("split"), model.gemm(4096, 4096, 4096).kernel());
    }

    @Test
    void voltaSplitsSomeFilledGridsAmpereNeverAndNoSplitLaunchesMoreThanFourWaves() {
        GpuLibraryModel ampere = new GpuLibraryModel(V100, coefficients(KernelFamily.AMPERE, 20));
        int voltaFilledSplits = 0;
        for (int cols = 256; cols <= 4096; cols *= 2) {
            for (int rows = 96; rows <= 3000; rows = rows * 3 / 2) {
                for (int reduction : new int[] {256, 4096, 32768}) {
                    for (GpuLibraryModel m : List.of(model, ampere)) {
                        KernelTime t = m.gemm(cols, rows, reduction);
                        if (!t.kernel().contains("split")) {
                            continue;
                        }
                        assertTrue(t.blocks() <= GpuLibraryModel.MAX_SPLIT_WAVES * V100.streamingMultiprocessors(),
                                t.kernel() + ": " + t.blocks() + " blocks");
                        // The smallest output blocks of any tile: 128 × 128 outputs per block.
                        boolean filled = Math.ceil(cols / 128.0) * Math.ceil(rows / 128.0) >= 80;
                        if (m == ampere) {
                            assertFalse(filled, "Ampere split a filled grid: " + cols + "x" + rows + " " + t.kernel());
                        } else if (filled) {
                            voltaFilledSplits++;
                        }
                    }
                }
            }
        }
        assertTrue(voltaFilledSplits > 0, "Volta evens out a ragged last wave by splitting some filled grids");
    }

    @Test
    void aLargeSquareGemmRunsNearTheFittedPeakFraction() {
        KernelTime t = model.gemm(8192, 8192, 8192);
        double ideal = 8192.0 * 8192 * 8192 / (80 * 64 * 1370e6 * 0.8);
        assertTrue(t.deviceS() >= ideal && t.deviceS() < ideal * 1.2, t.deviceS() / ideal + " x ideal");
    }

    @Test
    void winogradOnlyForThreeByThreeStrideOne() {
        Conv2dSpec threeByThree = Conv2dSpec.padded(256, 256, 56, 56, 3, 1, 1, 1);
        Conv2dSpec oneByOne = Conv2dSpec.padded(256, 256, 56, 56, 1, 1, 0, 1);
        Conv2dSpec strided = Conv2dSpec.padded(256, 256, 56, 56, 3, 2, 1, 1);
        assertTrue(model.conv(threeByThree, 32).kernel().startsWith("winograd"), model.conv(threeByThree, 32).kernel());
        assertTrue(model.conv(oneByOne, 32).kernel().startsWith("implicit"));
        assertTrue(model.conv(strided, 32).kernel().startsWith("implicit"));
    }

    @Test
    void depthwiseConvsAreBoundByTheirMaps() {
        Conv2dSpec dw = Conv2dSpec.padded(512, 512, 28, 28, 3, 1, 1, 512);
        KernelTime t = model.conv(dw, 8);
        assertEquals("direct conv", t.kernel());
        assertTrue(t.memoryS() > t.computeS());
    }

    @Test
    void anUngroupedStemWithFewInputChannelsIsStillAnImplicitGemm() {
        // cuDNN runs an RGB stem as an implicit GEMM with a short reduction, not the depthwise direct kernel.
        Conv2dSpec stem = Conv2dSpec.padded(3, 64, 224, 224, 3, 2, 1, 1);
        assertTrue(model.conv(stem, 8).kernel().startsWith("implicit"), model.conv(stem, 8).kernel());
    }

    /** The kernels of the non-fused Winograd alone on a 4 × 4 map. */
    private static String nonFusedGemm(GpuLibraryModel m, int batch, int cin, int cout) {
        String k = m.winograd4x4(Conv2dSpec.padded(cin, cout, 4, 4, 3, 1, 1, 1), batch, cin, cout).kernel();
        assertTrue(k.startsWith("winograd 4x4"), k);
        return k;
    }

    @Test
    void theNonFusedWinogradRunsOneUnsplitGridOfDepth36OfItsFamilysTiles() {
        // The rows' launches: grid z is exactly 36 in every non-fused row of every GPU, even when 36 ×
        // the output's blocks cannot fill the SMs (one 4 × 4 tile, 32 channels, a reduction of 2048).
        for (int[] shape : new int[][] {{1, 2048, 32}, {64, 1024, 1024}, {8, 64, 1622}}) {
            String k = nonFusedGemm(model, shape[0], shape[1], shape[2]);
            assertFalse(k.contains("split"), k);
            String tile = k.replaceAll(".*sgemm (\\d+x\\d+).*", "$1");
            assertTrue(KernelFamily.VOLTA.winogradGemmTiles().contains(GemmTile.parse(tile)), k);
        }
        // Ampere: always its 128x128 kernel.
        GpuLibraryModel ampere = new GpuLibraryModel(V100, coefficients(KernelFamily.AMPERE, 20));
        for (int batch : new int[] {1, 8, 64}) {
            assertTrue(nonFusedGemm(ampere, batch, 512, 512).contains("128x128"), nonFusedGemm(ampere, batch, 512, 512));
        }
    }

    @Test
    void theNonFusedWinogradGemmTilesRunAlongTheWinogradTilesThenTheOutputChannels() {
        // A 32x128 block covers 32 Winograd tiles by 128 output channels (V100: 188 tiles of 1,622
        // channels launch 6 × 13 × 36): with few tiles and many channels 32x128 quantises best, and
        // with the roles swapped 128x32 does. Pascal's family has only 32x128 and 64x64 of the two.
        GpuLibraryModel pascal = new GpuLibraryModel(V100, coefficients(KernelFamily.MAXWELL, 20));
        assertTrue(nonFusedGemm(model, 2, 64, 1536).contains("32x128"), nonFusedGemm(model, 2, 64, 1536));
        assertTrue(nonFusedGemm(model, 512, 64, 32).contains("128x32"), nonFusedGemm(model, 512, 64, 32));
        assertFalse(nonFusedGemm(pascal, 512, 64, 32).contains("128x32"), nonFusedGemm(pascal, 512, 64, 32));
    }

    @Test
    void theNonFusedWinogradPaysCudnnsSetUpWithoutAKernelOfItsOwn() {
        Conv2dSpec c = Conv2dSpec.padded(64, 64, 4, 4, 3, 1, 1, 1);
        GpuLibraryCoefficients base = coefficients(KernelFamily.VOLTA, 20);
        Map<GpuLibraryScalar, Double> scalars = GpuLibraryScalar.all(base);
        scalars.merge(GpuLibraryScalar.CONV_SETUP_US, 50.0, Double::sum);
        GpuLibraryCoefficients slowSetUp = GpuLibraryCoefficients.of(base.family(), scalars, base.gemmEfficiency(),
                base.convEfficiency(), base.streamEfficiency(), base.rowKernelGapUs(), base.hostFloorUs(), base.source());
        KernelTime early = new GpuLibraryModel(V100, base).winograd4x4(c, 1, 64, 64);
        KernelTime late = new GpuLibraryModel(V100, slowSetUp).winograd4x4(c, 1, 64, 64);
        assertEquals(50e-6, late.deviceS() - early.deviceS(), 1e-12);
        assertEquals(4, late.kernels(), "data, filter, GEMM and output kernels: " + late);
    }

    @Test
    void theWinogradTransformsStreamAtTheirOwnEfficiency() {
        Conv2dSpec c = Conv2dSpec.padded(64, 64, 56, 56, 3, 1, 1, 1);
        GpuLibraryCoefficients base = coefficients(KernelFamily.VOLTA, 0);
        Map<String, Double> slowTransforms = new LinkedHashMap<>(base.streamEfficiency());
        slowTransforms.put(GpuLibraryCoefficients.WINOGRAD_TRANSFORM, 0.25);
        Map<String, Double> slowFilter = new LinkedHashMap<>(base.streamEfficiency());
        slowFilter.put(GpuLibraryCoefficients.WINOGRAD_FILTER, 0.25);
        double plain = new GpuLibraryModel(V100, base).winograd4x4(c, 64, 64, 64).deviceS();
        double transforms = new GpuLibraryModel(V100, with(base, slowTransforms)).winograd4x4(c, 64, 64, 64).deviceS();
        double filter = new GpuLibraryModel(V100, with(base, slowFilter)).winograd4x4(c, 64, 64, 64).deviceS();
        assertTrue(transforms > plain && filter > plain, plain + " " + transforms + " " + filter);
        // At batch 64 the data and output planes outweigh the filter's: slow transforms cost more.
        assertTrue(transforms - plain > filter - plain, (transforms - plain) + " vs " + (filter - plain));
        // The output transform has a rate of its own; without one it streams at the data transform's.
        Map<String, Double> slowOutput = new LinkedHashMap<>(slowTransforms);
        slowOutput.put(GpuLibraryCoefficients.WINOGRAD_OUTPUT, 0.1);
        double output = new GpuLibraryModel(V100, with(base, slowOutput)).winograd4x4(c, 64, 64, 64).deviceS();
        assertTrue(output > transforms, output + " vs " + transforms);
    }

    @Test
    void theFusedWinogradTransformsItsFiltersInAStreamingKernelFirst() {
        // Its launches: generateWinogradTilesKernel, then the fused kernel. The first streams the
        // filters at the filter transform's rate, so it weighs with C_in × C_out, not with the batch.
        Conv2dSpec c = Conv2dSpec.padded(512, 512, 8, 8, 3, 1, 1, 1);
        GpuLibraryCoefficients base = coefficients(KernelFamily.VOLTA, 0);
        Map<String, Double> slowFilter = new LinkedHashMap<>(base.streamEfficiency());
        slowFilter.put(GpuLibraryCoefficients.WINOGRAD_FILTER, 0.05);
        KernelTime plain = new GpuLibraryModel(V100, base).fusedWinograd(c, 1, 512, 512);
        KernelTime slow = new GpuLibraryModel(V100, with(base, slowFilter)).fusedWinograd(c, 1, 512, 512);
        assertEquals(2, plain.kernels(), plain.toString());
        double filterBytes = 4.0 * 512 * 512 * (9 + 16);
        double expected = filterBytes / (V100.dramBytesPerS() * base.dramEfficiency()) * (1 / 0.05 - 1);
        assertEquals(expected, slow.deviceS() - plain.deviceS(), expected * 1e-9);
    }

    @Test
    void convolutionsSlowDownUnderThePowerLimitByTheirOwnTerms() {
        GpuLibraryCoefficients c = new GpuLibraryCoefficients(KernelFamily.VOLTA, 0.85, 3, 5, 5, 5, 16, 16, 0.5, 1,
                0, 1, coefficients(KernelFamily.VOLTA, 0).gemmEfficiency(),
                coefficients(KernelFamily.VOLTA, 0).convEfficiency(), Map.of(), Map.of(), Map.of("other", 0.0), "test");
        // 10 ms of compute: a GEMM is 0.5 · ln(11) longer, a convolution (cuDNN's β = 0) not at all.
        assertEquals(10e-3 * (1 + 0.5 * Math.log(11)), c.throttledComputeS("fc", 10e-3), 1e-12);
        assertEquals(10e-3, c.throttledComputeS(GpuLibraryCoefficients.CONV_CLASS, 10e-3), 1e-15);
        OperatorCost conv = new GpuLibraryCosts(new GpuLibraryModel(V100, c))
                .cost(Conv2dSpec.padded(512, 512, 56, 56, 3, 1, 1, 1), 64).orElseThrow();
        OperatorCost throttledConv = new GpuLibraryCosts(new GpuLibraryModel(V100, new GpuLibraryCoefficients(
                KernelFamily.VOLTA, 0.85, 3, 5, 5, 5, 16, 16, 0.5, 1, 0.5, 1, c.gemmEfficiency(), c.convEfficiency(),
                Map.of(), Map.of(), Map.of("other", 0.0), "test"))).cost(Conv2dSpec.padded(512, 512, 56, 56, 3, 1, 1, 1),
                64).orElseThrow();
        assertTrue(throttledConv.latencyS() > 1.5 * conv.latencyS(), conv.latencyS() + " vs " + throttledConv.latencyS());
    }

    private static GpuLibraryCoefficients with(GpuLibraryCoefficients c, Map<String, Double> stream) {
        return GpuLibraryCoefficients.of(c.family(), GpuLibraryScalar.all(c), c.gemmEfficiency(), c.convEfficiency(),
                stream, c.rowKernelGapUs(), c.hostFloorUs(), c.source());
    }

    @Test
    void aBatchedMatmulRunsTheBatchedKernels() {
        OperatorCost bmm = costs.cost(new MatmulSpec(64, 128, 64, 128), 1).orElseThrow();
        String kernel = bmm.tiling().kernel();
        assertTrue(KernelFamily.VOLTA.batchedGemmTiles().stream().anyMatch(t -> kernel.equals("sgemm " + t.id())),
                kernel);
    }

    @Test
    void aLinearLayerIsTheGemmOfItsBatchRows() {
        OperatorCost linear = costs.cost(new LinearSpec(1024, 4096), 512).orElseThrow();
        OperatorCost matmul = costs.cost(new MatmulSpec(512, 1024, 4096), 1).orElseThrow();
        assertEquals(matmul.latencyS(), linear.latencyS(), 1e-15);
        assertEquals(512.0 * 1024 * 4096, linear.macs(), 1);
    }

    @Test
    void patchConvsAreCheaperAtLowerRatesAndNoFasterThanTheDenseConvAtFullRate() {
        Conv2dSpec c = Conv2dSpec.padded(128, 128, 28, 28, 3, 1, 1, 1);
        double full = costs.cost(new SpatialConvSpec(c, 4, 1.0, true, 0), 32).orElseThrow().latencyS();
        double half = costs.cost(new SpatialConvSpec(c, 4, 0.5, true, 0), 32).orElseThrow().latencyS();
        double dense = costs.cost(c, 32).orElseThrow().latencyS();
        assertTrue(half < full, half + " vs " + full);
        assertTrue(full >= dense * 0.98, full + " vs dense " + dense);
    }

    @Test
    void unknownKindsArePricedByTheRooflineOfTheirAnalyticCost() {
        assertTrue(costs.cost(new ActivationSpec(ActivationFunction.GELU, TensorShape.of(4, 1024)), 1).isPresent());
        assertFalse(GpuLibraryCosts.described().isEmpty());
    }

    @Test
    void noTermAboveTheDatasheetPeak() {
        GpuLibraryCoefficients ok = coefficients(KernelFamily.AMPERE, 10);
        Map<String, Double> gemm = new LinkedHashMap<>(ok.gemmEfficiency());
        gemm.put("128x128", 1.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GpuLibraryCoefficients(
                KernelFamily.AMPERE, 0.9, 2, 5, 5, 5, 16, 16, 0, 10, 0, 10, gemm, ok.convEfficiency(), Map.of(), Map.of(), ok.hostFloorUs(), ""));
        assertTrue(e.getMessage().contains("gemm_efficiency.128x128"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GpuLibraryCoefficients(KernelFamily.AMPERE, 1.1, 2, 5,
                5, 5, 16, 16, 0, 10, 0, 10, ok.gemmEfficiency(), ok.convEfficiency(), Map.of(), Map.of(), ok.hostFloorUs(), ""));
    }

    @Test
    void everyTileOfTheFamilyNeedsAnEfficiency() {
        GpuLibraryCoefficients volta = coefficients(KernelFamily.VOLTA, 10);
        // Maxwell's tiles are a subset of Volta's, Ampere's 128x128 is not Maxwell's: the other way round fails.
        GpuLibraryCoefficients maxwell = coefficients(KernelFamily.MAXWELL, 10);
        assertThrows(IllegalArgumentException.class, () -> new GpuLibraryCoefficients(KernelFamily.AMPERE, 0.9, 2, 5,
                5, 5, 16, 16, 0, 10, 0, 10, maxwell.gemmEfficiency(), volta.convEfficiency(), Map.of(), Map.of(), volta.hostFloorUs(), ""));
    }
}
