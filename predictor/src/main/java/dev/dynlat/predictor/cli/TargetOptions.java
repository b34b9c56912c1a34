package dev.dynlat.predictor.cli;

import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.importer.Models;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.schedule.ScheduleLoader;
import dev.dynlat.predictor.workload.Network;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What to predict on: model, device, batch, variant and schedule (shared by predict and sweep). */
final class TargetOptions {
    // Not required at parse time: 'sweep --spec' takes models and devices from its spec file.
    @Option(names = "--model", paramLabel = "NAME|FILE",
            description = "A zoo model (see 'dynlat models'), a network YAML file (src/docs/networks.md) or an"
                    + " ONNX file (imported as 'dynlat models import' does).")
    String model;

    @Option(names = "--input", paramLabel = "N|HxW",
            description = "Input image side (224) or height x width (800x1333) in pixels; tokens of a sequence"
                    + " model (512); an ONNX file also takes its full input shape (1x3x800x1333). Default: the"
                    + " model's own.")
    String input;

    @Option(names = "--device", paramLabel = "NAME|FILE",
            description = "Built-in device (see 'dynlat devices') or a profile YAML file.")
    String device;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size, 1 to 2147483647 (default: the profile's).")
    Integer batch;

    @Option(names = "--variant", paramLabel = "laudnet|calibrated",
            description = "Model variant (default: calibrated when the profile has coefficients, else laudnet).")
    String variant;

    @Option(names = "--schedule", paramLabel = "FILE", description = "Schedule overrides (YAML).")
    Path schedule;

    /** Rejects a batch outside {@link InputBounds#BATCH} before anything is loaded. */
    void checkBatch() {
        if (batch != null) {
            InputBounds.BATCH.check(batch);
        }
    }

    Network network() {
        return Models.resolve(required(model, "--model=NAME|FILE"), input);
    }

    DeviceProfile profile() {
        return DeviceCatalog.load("--device", required(device, "--device=NAME|FILE"));
    }

    /** Whether any of these options was given (a spec sweep rejects them). */
    boolean anyGiven() {
        return model != null || device != null || input != null || batch != null || variant != null
                || schedule != null;
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("Missing required option: '" + option + "'");
        }
        return value;
    }

    /** A predictor for the device, variant (default: the profile's) and schedule with the batch. */
    Predictor predictor(DeviceProfile profile) {
        checkBatch();
        ModelVariant v = variant == null ? Predictor.defaultVariant(profile) : ModelVariant.parse(variant);
        Schedule sched = schedule == null ? Schedule.defaults() : ScheduleLoader.load("--schedule", schedule);
        if (batch != null) {
            sched = sched.withBatch(batch);
        }
        return new Predictor(profile, v, sched);
    }
}
