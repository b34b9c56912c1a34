package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.model.CoefficientLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU devices: the calibrated CPU model (im2col + packed GEMM, loop kernels by cache lines and
 * elements). The copies around the GEMM have their own class factor; the bandwidths stay at the
 * probed values (every memory-bound class has its own factor, so a global bandwidth efficiency would
 * only trade off against all of them), and every kernel class gets a fixed per-kernel overhead (its
 * set-up work: locating patches, forking threads).
 */
final class CpuLibraryFitPlan implements FitPlan {
    static final String GEMM_COPIES = "gemm-copies";

    @Override
    public String model() {
        return "calibrated-cpu (CPU kernel library: packed GEMM, loop kernels)";
    }

    @Override
    public CoefficientLayout layout(Set<String> fitClasses) {
        Set<String> classes = new HashSet<>(fitClasses);
        classes.add(GEMM_COPIES);
        CoefficientLayout layout = CoefficientLayout.forClasses(classes, false);
        Set<String> kernels = new HashSet<>(layout.classes());
        kernels.remove(GEMM_COPIES);
        return layout.withOverheads(kernels);
    }

    @Override
    public List<Map<String, Double>> starts() {
        return List.of(
                Map.of(CoefficientLayout.LANE, 0.2, CoefficientLayout.DRAM, 4.0, CoefficientLayout.L2, 0.3),
                Map.of(CoefficientLayout.LANE, 1.0, CoefficientLayout.DRAM, 1.0, CoefficientLayout.L2, 0.2),
                Map.of(CoefficientLayout.LANE, 0.4, CoefficientLayout.DRAM, 8.0, CoefficientLayout.L2, 1.0),
                // The launch overhead trades off against the class factors of small kernels.
                Map.of(CoefficientLayout.LANE, 1.5, CoefficientLayout.LAUNCH, 0.3),
                Map.of(CoefficientLayout.LANE, 1.5, CoefficientLayout.LAUNCH, 1.0),
                Map.of(CoefficientLayout.LANE, 1.0, CoefficientLayout.LAUNCH, 3.0));
    }
}
