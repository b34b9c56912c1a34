package dev.dynlat.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dynlat.operators.gpu.ConvAlgorithm;
import dev.dynlat.operators.gpu.GpuDatasheet;
import dev.dynlat.operators.gpu.GpuLibraryCosts;
import dev.dynlat.operators.gpu.GpuLibraryModel;
import dev.dynlat.operators.gpu.LibraryKernel;
import dev.dynlat.operators.profile.GemmTile;
import dev.dynlat.operators.profile.GpuLibraryCoefficients;
import dev.dynlat.operators.profile.KernelFamily;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a measured row ran, read from its kernel names, and the fit pricing each row by it. */
class RanKernelTest {
    private static final String NON_FUSED = ";void cudnn::winograd_nonfused::winogradForwardData4x4<float, float>(a);"
            + "void cudnn::winograd_nonfused::winogradForwardFilter4x4<float, float>(b);volta_sgemm_64x64_nn;"
            + "void cudnn::winograd_nonfused::winogradForwardOutput4x4<float, float>(c)";
    private static final String FUSED = ";void cudnn::winograd::generateWinogradTilesKernel<0, float, float>(a);"
            + "cudnn_infer_volta_scudnn_winograd_128x128_ldg1_ldg4_relu_tile148t_nt_v1";
    private static final String IMPLICIT = ";void cask_cudnn_infer::computeOffsetsKernel<false, false>(a);"
            + "cudnn_infer_volta_scudnn_128x64_relu_small_nn_v1";
    private static final String FFT = ";void fft2d_r2c_32x32<float, false, 0u, false>(a);volta_gcgemm_64x64_nt";

    private static MeasuredOperator row(OperatorSpec spec, int batch, String kernelName, String kernels) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("Kernel Name", kernelName);
        columns.put("Kernels", kernels);
        return new MeasuredOperator("f.csv", 2, "Tesla V100-PCIE-32GB", "conv", spec, batch, 1.0, "", columns);
    }

    @Test
    void theKernelNamesSayWhichAlgorithmAndTileRan() {
        Conv2dSpec c = Conv2dSpec.padded(64, 64, 28, 28, 3, 1, 1, 1);
        assertEquals(Optional.of(ConvAlgorithm.NONFUSED_WINOGRAD), RanKernel.algorithm(row(c, 8, "volta_sgemm_64x64_nn", NON_FUSED)));
        assertEquals(Optional.of(ConvAlgorithm.FUSED_WINOGRAD), RanKernel.algorithm(row(c, 8, "x", FUSED)));
        assertEquals(Optional.of(ConvAlgorithm.IMPLICIT_GEMM), RanKernel.algorithm(row(c, 8, "x", IMPLICIT)));
        assertEquals(Optional.empty(), RanKernel.algorithm(row(c, 8, "x", FFT)));
        // Without a kernel list, the main kernel's name decides.
        assertEquals(Optional.of(ConvAlgorithm.IMPLICIT_GEMM),
                RanKernel.algorithm(row(c, 8, "cudnn_infer_volta_scudnn_128x32_relu_small_nn_v1", "")));
        LinearSpec l = new LinearSpec(1024, 1024);
        assertEquals(Optional.of(GemmTile.parse("32x128")), RanKernel.tile(row(l, 64, "maxwell_sgemm_32x128_tn", "")));
        assertEquals(Optional.of(GemmTile.parse("64x32")),
                RanKernel.tile(row(l, 64, "volta_sgemm_64x32_sliced1x4_tn", "")));
        assertEquals(Optional.empty(), RanKernel.tile(row(l, 64, "void gemv2T_kernel_val<int, int, float>", "")));
    }

    @Test
    void aFitPricesEachRowByWhatItRanAndPredictionByTheFastest() {
        GpuDatasheet v100 = new GpuDatasheet(80, 64, 1370e6, 900e9, 6.0 * (1 << 20));
        GpuLibraryParameters p = new GpuLibraryParameters(KernelFamily.VOLTA, java.util.Set.of("conv", "fc"));
        Map<String, Double> v = new java.util.HashMap<>();
        p.terms().forEach(t -> v.put(t.spec().name(), t.spec().initial()));
        GpuLibraryCoefficients k = p.coefficients(v, "test");
        GpuLibraryCosts costs = new GpuLibraryCosts(new GpuLibraryModel(v100, k));
        Conv2dSpec c = Conv2dSpec.padded(256, 256, 14, 14, 3, 1, 1, 1);
        for (var e : Map.of(NON_FUSED, ConvAlgorithm.NONFUSED_WINOGRAD, FUSED, ConvAlgorithm.FUSED_WINOGRAD,
                IMPLICIT, ConvAlgorithm.IMPLICIT_GEMM).entrySet()) {
            MeasuredOperator m = row(c, 32, "x", e.getKey());
            assertEquals(costs.cost(c, 32, LibraryKernel.of(e.getValue())).orElseThrow().latencyS(), GpuLibraryFit.fitPredictS(costs, m));
        }
        // An algorithm the model does not describe (FFT) is priced as prediction prices it: the fastest.
        assertEquals(GpuLibraryFit.predictS(costs, row(c, 32, "x", FFT)),
                GpuLibraryFit.fitPredictS(costs, row(c, 32, "x", FFT)));
        // The three algorithms differ on this shape, so pricing by what ran is not the fastest for all.
        double fastest = GpuLibraryFit.predictS(costs, row(c, 32, "x", FFT));
        long slower = java.util.stream.Stream.of(NON_FUSED, FUSED, IMPLICIT)
                .filter(x -> GpuLibraryFit.fitPredictS(costs, row(c, 32, "x", x)) > fastest).count();
        assertEquals(2, slower);
        // A linear row with a named tile is priced with that tile.
        LinearSpec l = new LinearSpec(4096, 40);
        MeasuredOperator lin = new MeasuredOperator("f.csv", 3, "Tesla V100-PCIE-32GB", "linear", l, 4096, 1.0, "",
                Map.of("Kernel Name", "volta_sgemm_32x32_sliced1x4_tn"));
        assertEquals(costs.cost(l, 4096, LibraryKernel.of(GemmTile.parse("32x32"))).orElseThrow().latencyS(),
                GpuLibraryFit.fitPredictS(costs, lin));
        assertNotEquals(GpuLibraryFit.predictS(costs, lin), GpuLibraryFit.fitPredictS(costs, lin));
    }
}
