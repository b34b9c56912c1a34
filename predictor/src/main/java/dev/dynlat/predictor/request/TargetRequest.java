package dev.dynlat.predictor.request;

import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.schedule.ScheduleLoader;
import dev.dynlat.predictor.workload.Network;
import java.nio.file.Path;

/**
 * What a prediction, sweep or search runs on, as typed: a model (zoo name or file) at an input
 * size, a device (built-in name or profile file), a batch size (null: the profile's), a model
 * variant (null: the profile's default) and a schedule file (null: the defaults).
 */
public record TargetRequest(String model, String input, String device, Integer batch, String variant,
                            Path schedule) {

    /** Rejects a batch outside {@link InputBounds#BATCH} before anything is loaded. */
    public void checkBatch() {
        if (batch != null) {
            InputBounds.BATCH.check(batch);
        }
    }

    /** Whether any field was given (a spec sweep takes them from its file and rejects them). */
    public boolean anyGiven() {
        return model != null || device != null || input != null || batch != null || variant != null
                || schedule != null;
    }

    public Network network(Workspace ws) {
        return ws.network(required(model, "--model=NAME|FILE"), input);
    }

    public DeviceProfile profile(Workspace ws) {
        return ws.profile("--device", required(device, "--device=NAME|FILE"));
    }

    /** A predictor for the device, variant (default: the profile's) and schedule with the batch. */
    public Predictor predictor(Workspace ws, DeviceProfile profile) {
        checkBatch();
        ModelVariant v = variant == null ? Predictor.defaultVariant(profile) : ModelVariant.parse(variant);
        Schedule sched = schedule == null ? Schedule.defaults() : ScheduleLoader.load("--schedule", schedule);
        if (batch != null) {
            sched = sched.withBatch(batch);
        }
        return ws.predictor(profile, v, sched);
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("Missing required option: '" + option + "'");
        }
        return value;
    }
}
