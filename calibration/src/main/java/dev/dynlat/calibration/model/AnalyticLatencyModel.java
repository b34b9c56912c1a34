package dev.dynlat.calibration.model;

import dev.dynlat.calibration.fit.ParameterSpec;
import dev.dynlat.calibration.fit.ParametricModel;
import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analytic cost model of the operators module as a {@link ParametricModel}: a parameter vector
 * becomes a calibrated-variant {@link DeviceModel} of the host profile, and each measured kernel is
 * priced by {@link CostModels#cost}. Nothing is re-implemented here, so the fitted coefficients mean
 * exactly what the predictor will do with them.
 *
 * <p>Cost models memoise tile searches per instance, and a search depends on every coefficient,
 * so a fresh {@link CostModels} is made whenever the parameter vector changes (per batch size).
 * Not thread-safe.
 */
public final class AnalyticLatencyModel implements ParametricModel<MappedOperator> {
    private final DeviceProfile host;
    private final CoefficientLayout layout;
    private final List<ParameterSpec> parameters;
    private double[] lastParams;
    private final Map<Integer, CostModels> models = new HashMap<>();

    public AnalyticLatencyModel(DeviceProfile host, CoefficientLayout layout) {
        this.host = Objects.requireNonNull(host, "host");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.parameters = layout.parameters(host.laudnet().launchOverheadUs());
    }

    public CoefficientLayout layout() {
        return layout;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public double predictSeconds(double[] params, MappedOperator op) {
        if (lastParams == null || !Arrays.equals(lastParams, params)) {
            lastParams = params.clone();
            models.clear();
        }
        CostModels m = models.computeIfAbsent(op.batch(), b -> new CostModels(device(params, b)));
        return m.cost(op.spec()).latencyS();
    }

    /** The calibrated-variant device at {@code params}. */
    public DeviceModel device(double[] params, int batch) {
        return DeviceModel.fromConstants(host.name(), ModelVariant.CALIBRATED, host.kind(), host.laudnet(), batch,
                layout.value(params, CoefficientLayout.LANE), layout.value(params, CoefficientLayout.DRAM),
                layout.value(params, CoefficientLayout.L2), layout.value(params, CoefficientLayout.LAUNCH),
                layout.classEfficiency(params), layout.classOverheadUs(params), DeviceModel.cacheBytes(host));
    }
}
