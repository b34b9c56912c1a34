package dev.dynlat.operators.cost;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceKind;

/**
 * A version of the analytic model: a name and one complete {@link CostTable} of cost functions.
 * Three exist: {@code laudnet} ({@link LaudnetVariant}: the reference predictor, its defects and
 * tie-breaking kept), {@code calibrated-gpu} ({@link CalibratedGpuVariant}: tiles in waves over
 * the engines, the defects fixed) and {@code calibrated-cpu} ({@link CalibratedCpuVariant}: the
 * CPU kernel library's GEMM and loop kernels). Each builds its table once, from shared formula
 * classes given its knobs; no formula asks which variant it serves.
 *
 * <p>{@link #of} is the one place that picks the variant, from the user's {@link ModelVariant}
 * and the profile's device kind; {@link CostModels} calls it once per device model, and a test
 * fails if any other class of this package does.
 */
public sealed interface CostVariant permits LaudnetVariant, CalibratedGpuVariant, CalibratedCpuVariant {

    /** The variant for a device model: laudnet, or calibrated for the profile's kind. */
    static CostVariant of(DeviceModel d) {
        if (d.variant() == ModelVariant.LAUDNET) {
            return LaudnetVariant.INSTANCE;
        }
        return d.kind() == DeviceKind.CPU ? CalibratedCpuVariant.INSTANCE : CalibratedGpuVariant.INSTANCE;
    }

    /** {@code laudnet}, {@code calibrated-gpu} or {@code calibrated-cpu}. */
    String id();

    /** This variant's complete table: one cost function per operator kind. */
    CostTable table();
}
