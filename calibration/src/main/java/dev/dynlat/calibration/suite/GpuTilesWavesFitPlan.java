package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.model.CoefficientLayout;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GPU devices: the calibrated GPU path of the cost models, tiles × waves over the SMs with DRAM and L2
 * traffic. All kernels share one memory system, so the DRAM and L2 efficiencies are fitted globally
 * and each operator class gets a factor relative to dense convolutions; the fixed cost per kernel is
 * the one launch overhead (kernels run back to back in a graph, no per-class set-up on the host).
 */
final class GpuTilesWavesFitPlan implements FitPlan {

    @Override
    public String model() {
        return "calibrated-gpu (tiles x waves)";
    }

    @Override
    public CoefficientLayout layout(Set<String> fitClasses) {
        return CoefficientLayout.forClasses(fitClasses, true);
    }

    @Override
    public List<Map<String, Double>> starts() {
        return List.of(
                // repeated runs keep small operands in a large L2: effective DRAM rates above the probe
                Map.of(CoefficientLayout.LANE, 0.3, CoefficientLayout.DRAM, 3.0, CoefficientLayout.L2, 0.5),
                Map.of(CoefficientLayout.LANE, 0.6, CoefficientLayout.DRAM, 0.8, CoefficientLayout.L2, 0.8),
                Map.of(CoefficientLayout.LANE, 0.15, CoefficientLayout.DRAM, 1.5, CoefficientLayout.L2, 0.3),
                // small kernels: the launch gap trades off against their class factors
                Map.of(CoefficientLayout.LANE, 0.5, CoefficientLayout.LAUNCH, 1.0),
                Map.of(CoefficientLayout.LANE, 0.5, CoefficientLayout.LAUNCH, 4.0));
    }
}
