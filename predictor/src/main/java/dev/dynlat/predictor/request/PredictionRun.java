package dev.dynlat.predictor.request;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.distribution.DecisionReport;
import dev.dynlat.predictor.distribution.RateDecisions;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.format.PredictionSummary;
import dev.dynlat.predictor.workload.Network;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs a {@link PredictionRequest}: resolves its target in a workspace, checks it against the network, predicts. */
public final class PredictionRun {
    private PredictionRun() {
    }

    /**
     * The prediction a request asks for. {@code onProfile} sees the device profile as soon as it is
     * loaded (the CLI warns there when a cpu calibration describes another host).
     *
     * @throws IllegalArgumentException naming the field and value of the first problem
     */
    public static PredictionResult run(PredictionRequest req, Workspace ws, Consumer<DeviceProfile> onProfile) {
        Network network = req.target().network(ws);
        DeviceProfile profile = req.target().profile(ws);
        onProfile.accept(profile);
        DecisionOptions.Resolved resolved = req.decisionOptions().resolve(network);
        Double meanRate = null;
        if (resolved != null && resolved.rateRows()) {
            if ("static".equalsIgnoreCase(req.mode()) || req.rate() != null || req.config() != null) {
                throw new IllegalArgumentException("decisions: per-input rates need --mode spatial, channel or layer"
                        + " (with its --granularity/--channel-group) and no --rate or --config");
            }
            meanRate = resolved.meanRate();
        }
        Workload workload = new Workload(network, resolved != null && resolved.given()
                ? resolved.dynamics() : req.dynamics(network, meanRate));
        if (resolved != null && resolved.given() && !req.modeless()) {
            throw new IllegalArgumentException("exits/keep-probs/policy/policies/decisions: per-input decisions cannot"
                    + " be combined with --mode, --rate, --config or the ViT rates");
        }
        Predictor predictor = req.target().predictor(ws, profile);
        Prediction p = predictor.predict(workload);
        Prediction ref = workload.dynamics().isStatic() ? null : predictor.predict(workload.staticCounterpart());
        Optional<CalibratedCoefficients.CalibrationRecord> band = p.variant().equals(ModelVariant.CALIBRATED.id())
                ? profile.calibrated().map(k -> k.calibration()).filter(r -> r.hasInterval()) : Optional.empty();
        PredictionSummary summary = new PredictionSummary(p, ref, band.map(r -> r.intervalLow()).orElse(0.0),
                band.map(r -> r.intervalHigh()).orElse(0.0));
        DecisionReport report = resolved == null ? null : resolved.rateRows()
                ? RateDecisions.report(predictor, network, (CnnDynamics) workload.dynamics(), resolved.rates())
                : resolved.report(predictor, workload);
        return new PredictionResult(summary, report);
    }
}
