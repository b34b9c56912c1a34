package dev.dynlat.predictor.distribution;

import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.ResidualBlock;
import dev.dynlat.predictor.workload.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-input activation rates of a LAUDNet-style network (spatial, channel or layer skipping):
 * each input has its own rate per dynamic block, and its latency is the prediction with those
 * rates. Skipping costs are not linear in the rate, so every distinct input is predicted on its
 * own (at batch 1 for the distribution, at the device batch for the own-path mean: the masked
 * kernels handle each sample's mask inside a batch, so the batch runs what the inputs' own paths
 * cost and no batched-runtime correction applies).
 */
public final class RateDecisions {
    private RateDecisions() {
    }

    /** Dynamic residual blocks in the order rate rows list them. */
    public static List<String> blockIds(Network net) {
        List<String> ids = new ArrayList<>();
        for (Stage s : net.residualStages()) {
            for (ResidualBlock b : s.blocks()) {
                ids.add(b.name());
            }
        }
        return ids;
    }

    /** {@code base} with the rates of one input (one per block of {@link #blockIds}). */
    public static CnnDynamics withRates(CnnDynamics base, Network net, double[] perBlock) {
        List<StageDynamics> stages = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < net.residualStages().size(); i++) {
            StageDynamics sd = base.stages().get(i);
            int n = net.residualStages().get(i).blocks().size();
            stages.add(new StageDynamics(sd.dynamic(), sd.granularity(), sd.channelGroup(),
                    Arrays.copyOfRange(perBlock, at, at + n)));
            at += n;
        }
        return new CnnDynamics(base.paradigm(), stages);
    }

    /**
     * The report over input rows ({@link DecisionsFile.RateRows}: each distinct row predicted once
     * and weighed by its count); {@code base} supplies the paradigm and per-stage options.
     */
    public static DecisionReport report(Predictor device, Network net, CnnDynamics base, DecisionsFile.RateRows rows) {
        Predictor one = device.atBatch(1);
        List<LatencyDistribution.Atom> atoms = new ArrayList<>();
        double ownPath = 0;
        for (Map.Entry<List<Double>, Long> e : rows.counts().entrySet()) {
            double[] row = e.getKey().stream().mapToDouble(Double::doubleValue).toArray();
            Workload w = new Workload(net, withRates(base, net, row));
            double share = (double) e.getValue() / rows.inputs();
            atoms.add(new LatencyDistribution.Atom(one.predict(w).latencyMs(), share));
            ownPath += device.predict(w).latencyPerImageMs() * share;
        }
        LatencyDistribution dist = new LatencyDistribution(atoms, "empirical over " + rows.inputs()
                + " inputs (each predicted with its own rates)");
        Workload dense = Workload.dense(net);
        int b = device.batch();
        DecisionReport.Batched batched = b > 1 ? new DecisionReport.Batched(ownPath, ownPath, null) : null;
        return new DecisionReport(b, new double[] {device.predict(dense).latencyMs()},
                new double[] {one.predict(dense).latencyMs()}, dist, batched);
    }
}
