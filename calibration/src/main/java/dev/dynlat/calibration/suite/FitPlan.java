package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.model.CoefficientLayout;
import dev.dynlat.operators.profile.DeviceKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which calibrated model a device's timings are fitted to, and how: the coefficient layout and the
 * fit's extra starting points. Chosen once from the device kind ({@link #forKind}), because a GPU's
 * kernels are priced by the tiles × waves path of the cost models and a CPU's by its kernel library's
 * GEMM and loop-kernel model; fitting one to the other's timings would describe neither.
 */
public interface FitPlan {

    /** Short name of the fitted model, for reports. */
    String model();

    /** The layout for the operator classes present in the fit set. */
    CoefficientLayout layout(Set<String> fitClasses);

    /** Extra starting points of the multi-start fit (named coefficients; the rest start at their defaults). */
    List<Map<String, Double>> starts();

    /** The plan of a device kind. */
    static FitPlan forKind(DeviceKind kind) {
        return switch (kind) {
            case CPU -> new CpuLibraryFitPlan();
            case GPU -> new GpuTilesWavesFitPlan();
        };
    }
}
