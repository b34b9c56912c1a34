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

    /**
     * A 2-core CPU with the committed host calibration's constants, rounded (the values of
     * {@code src/calibration/host-cpu/host-cpu.yaml}, typed in: operators tests read no files).
     */
    public static final AnalyticConstants CPU = new AnalyticConstants(2, 22.6, 2596, 37.9, 2.85, 4, 16, 0.0085, 1,
            LatencyMode.ADD);

    /** CPU coefficients shaped like the host calibration's: class factors and fixed per-class costs. */
    public static final CalibratedCoefficients CPU_COEFFICIENTS = new CalibratedCoefficients(2.0, 1, 1, 0.061,
            Map.of("depthwise", 0.214, "elementwise", 1.93, "fc", 1.2, "gather", 0.315, "gemm-copies", 0.292,
                    "grouped-conv", 1.05, "pool", 0.387, "reduce", 1.09, "scatter", 0.419, "spatial-conv", 1.08),
            Map.of("depthwise", 12.8, "elementwise", 0.243, "fc", 0.586, "gather", 2.74, "grouped-conv", 46.5,
                    "reduce", 1.33, "scatter", 1.62, "spatial-conv", 0.334),
            new CalibratedCoefficients.CalibrationRecord("2026-11-22", "test rig", "cpu", 240, 7.3));

    public static DeviceProfile profile(String name, AnalyticConstants c, Optional<CalibratedCoefficients> k) {
        return profile(name, DeviceKind.GPU, c, k);
    }

    public static DeviceProfile profile(String name, DeviceKind kind, AnalyticConstants c,
                                        Optional<CalibratedCoefficients> k) {
        Datasheet sheet = new Datasheet(c.processingEngines(), c.fp32LanesPerEngine(), c.clockMHz(),
                c.dramBandwidthGBps(), 8, 4, "test fixture");
        return new DeviceProfile(name, name.toUpperCase(java.util.Locale.ROOT), kind, sheet, c, k, "test fixture");
    }

    public static DeviceProfile cpu() {
        return profile("cpu", DeviceKind.CPU, CPU, Optional.of(CPU_COEFFICIENTS));
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

    /**
     * The laudnet constants of every built-in profile, typed in from
     * {@code hardware-profiles/src/main/resources/dynlat/profiles/*.yaml} (the operators module does
     * not depend on that module), plus the CPU fixture.
     */
    public static List<DeviceProfile> builtIn() {
        return List.of(
                profile("v100", V100, Optional.of(COEFFICIENTS)),
                profile("tx2", TX2, Optional.of(COEFFICIENTS)),
                profile("nano", new AnalyticConstants(1, 128, 921, 25.6, 4, 4, 8, 8, 1, LatencyMode.ADD),
                        Optional.of(COEFFICIENTS)),
                profile("rtx3060", new AnalyticConstants(28, 128, 1777, 360, 4, 4, 8, 8, 128, LatencyMode.ADD),
                        Optional.of(COEFFICIENTS)),
                profile("rtx3090", new AnalyticConstants(82, 128, 1250, 936, 1, 4, 8, 8, 128, LatencyMode.ADD),
                        Optional.of(COEFFICIENTS)),
                profile("a100", new AnalyticConstants(108, 64, 1410, 1555, 4, 4, 8, 8, 128, LatencyMode.ADD),
                        Optional.of(COEFFICIENTS)),
                profile("h100", new AnalyticConstants(132, 128, 1980, 3350, 4, 4, 8, 8, 128, LatencyMode.ADD),
                        Optional.of(COEFFICIENTS)),
                cpu());
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
     * calibrated variant (at a small batch, so batch-1 and batch>1 paths both appear), the
     * overlap ({@code MAX}) latency mode, and a CPU in both variants (the calibrated one costs
     * kernels as the CPU kernel library runs them).
     */
    public static List<Named> models() {
        return List.of(
                new Named("laudnet-v100", DeviceModel.of(v100(), ModelVariant.LAUDNET, 0)),
                new Named("laudnet-tx2", DeviceModel.of(tx2(), ModelVariant.LAUDNET, 0)),
                new Named("calibrated-v100-b8", DeviceModel.of(v100Calibrated(), ModelVariant.CALIBRATED, 8)),
                new Named("calibrated-v100-b1", DeviceModel.of(v100Calibrated(), ModelVariant.CALIBRATED, 1)),
                new Named("laudnet-v100-max", DeviceModel.of(v100(), ModelVariant.LAUDNET, 0)
                        .withMode(LatencyMode.MAX)),
                new Named("laudnet-cpu", DeviceModel.of(cpu(), ModelVariant.LAUDNET, 0)),
                new Named("calibrated-cpu-b1", DeviceModel.of(cpu(), ModelVariant.CALIBRATED, 1)),
                new Named("calibrated-cpu-b4", DeviceModel.of(cpu(), ModelVariant.CALIBRATED, 4)));
    }
}
