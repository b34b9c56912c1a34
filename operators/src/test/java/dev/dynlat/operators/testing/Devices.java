package dev.dynlat.operators.testing;

import dev.dynlat.operators.model.DeviceModel;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.Datasheet;
import dev.dynlat.operators.profile.DeviceKind;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.LatencyMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Device fixtures for the operators tests. The operators module must not depend on
 * hardware-profiles, so the LAUDNet reference constants are typed in here from the reference
 * ({@code eval_example.py} of LeapLabTHU/LAUDNet, as recorded in the task brief); the
 * hardware-profiles tests check that the shipped YAML files carry the same numbers.
 */
public final class Devices {
    private Devices() {
    }

    /** V100 reference constants: 80 SMs × 64 lanes, 1500 MHz, 700 GB/s, L2 ×4, batch 128. */
    public static final AnalyticConstants V100 = new AnalyticConstants(80, 64, 1500, 700, 4, 4, 8, 8, 128,
            LatencyMode.ADD);

    /** TX2 reference constants: 2 SMs × 128 lanes, 1300 MHz, 59.7 GB/s, L2 ×4, batch 1. */
    public static final AnalyticConstants TX2 = new AnalyticConstants(2, 128, 1300, 59.7, 4, 4, 8, 8, 1,
            LatencyMode.ADD);

    /** Some calibrated coefficients; the class factors hit conv, depthwise and spatial convs. */
    public static final CalibratedCoefficients COEFFICIENTS = new CalibratedCoefficients(0.62, 0.81, 0.55, 11.5,
            Map.of("conv", 0.9, "depthwise", 0.35, "spatial-conv", 0.7, "fc", 1.2, "elementwise", 0.8),
            new CalibratedCoefficients.CalibrationRecord("2024-05-01", "test rig", "cuda", 240, 7.5));

    public static DeviceProfile profile(String name, AnalyticConstants c, Optional<CalibratedCoefficients> k) {
        Datasheet sheet = new Datasheet(c.processingEngines(), c.fp32LanesPerEngine(), c.clockMHz(),
                c.dramBandwidthGBps(), 8, 4, "test fixture");
        return new DeviceProfile(name, name.toUpperCase(java.util.Locale.ROOT), DeviceKind.GPU, sheet, c, k,
                "test fixture");
    }

    public static DeviceProfile v100() {
        return profile("v100", V100, Optional.empty());
    }

    public static DeviceProfile tx2() {
        return profile("tx2", TX2, Optional.empty());
    }

    public static DeviceProfile v100Calibrated() {
        return profile("v100-cal", V100, Optional.of(COEFFICIENTS));
    }

    /** A named device model, so parameterised tests print something readable. */
    public record Named(String name, DeviceModel model) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The models the contract suite runs on: both reference devices in the LAUDNET variant, the
     * calibrated variant (at a small batch, so batch-1 and batch>1 paths both appear), and the
     * overlap ({@code MAX}) latency mode.
     */
    public static List<Named> models() {
        return List.of(
                new Named("laudnet-v100", DeviceModel.of(v100(), ModelVariant.LAUDNET, 0)),
                new Named("laudnet-tx2", DeviceModel.of(tx2(), ModelVariant.LAUDNET, 0)),
                new Named("calibrated-v100-b8", DeviceModel.of(v100Calibrated(), ModelVariant.CALIBRATED, 8)),
                new Named("calibrated-v100-b1", DeviceModel.of(v100Calibrated(), ModelVariant.CALIBRATED, 1)),
                new Named("laudnet-v100-max", DeviceModel.of(v100(), ModelVariant.LAUDNET, 0)
                        .withMode(LatencyMode.MAX)));
    }
}
