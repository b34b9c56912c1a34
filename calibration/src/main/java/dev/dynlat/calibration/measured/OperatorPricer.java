package dev.dynlat.calibration.measured;

import dev.dynlat.operators.cost.CostModels;
import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.DeviceProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prices measured operators on one device profile and model variant, as the predictor would: the
 * cost models of the device at the operator's batch ({@link MeasuredOperator#batch()}). One
 * {@link CostModels} per batch is kept, so repeated shapes are searched once. Not thread-safe.
 */
public final class OperatorPricer {
    private final DeviceProfile profile;
    private final ModelVariant variant;
    private final Map<Integer, CostModels> byBatch = new HashMap<>();

    /**
     * @throws IllegalArgumentException when the variant is calibrated and the profile has no coefficients
     */
    public OperatorPricer(DeviceProfile profile, ModelVariant variant) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.variant = Objects.requireNonNull(variant, "variant");
        DeviceModel.of(profile, variant, 1);
    }

    public DeviceProfile profile() {
        return profile;
    }

    public ModelVariant variant() {
        return variant;
    }

    /** Predicted latency of one call of {@code m}, seconds. */
    public double latencyS(MeasuredOperator m) {
        return cost(m).latencyS();
    }

    /** Predicted cost of one call of {@code m}: its latency and the kernel the model chose. */
    public OperatorCost cost(MeasuredOperator m) {
        return byBatch.computeIfAbsent(m.batch(), b -> new CostModels(DeviceModel.of(profile, variant, b)))
                .cost(m.spec());
    }
}
