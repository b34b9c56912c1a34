package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.workload.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Predicts a CNN over a grid of per-stage options (granularity S or channel group G, the same
 * in every stage) and activation rates, reusing one {@link Predictor} so that each point costs
 * little more than the arithmetic. Because residual blocks are costed independently, the best
 * option per stage at a rate is the option with the smallest stage latency ({@link BestOption},
 * stage by stage), which {@link #bestPerStage} reports: the configuration a cross-product sweep of
 * the same values finds as its fastest row.
 */
public final class RateSweep {
    private final Predictor predictor;
    private final Network network;
    private final Paradigm paradigm;

    public RateSweep(Predictor predictor, Network network, Paradigm paradigm) {
        if (paradigm == Paradigm.STATIC) {
            throw new IllegalArgumentException("mode: a sweep needs spatial, channel or layer");
        }
        this.predictor = predictor;
        this.network = network;
        this.paradigm = paradigm;
    }

    /** Every (option, rate) point; options are S or G values applied to every stage. */
    public List<SweepPoint> run(int[] options, double[] rates) {
        int[] opts = paradigm == Paradigm.LAYER ? new int[] {1} : options;
        List<SweepPoint> points = new ArrayList<>();
        for (int option : opts) {
            int[] perStage = perStage(option);
            for (double rate : rates) {
                Workload w = new Workload(network, CnnDynamics.uniform(paradigm, network, perStage, rate));
                points.add(point(label(perStage), rate, predictor.predict(w)));
            }
        }
        return points;
    }

    /** The static network on the same predictor. */
    public Prediction staticPrediction() {
        return predictor.predict(Workload.dense(network));
    }

    /**
     * For one rate, the per-stage best of the swept options: the fastest option of every stage
     * combined, and its whole-network latency (fixed parts of the best uniform point plus the best
     * stages).
     */
    public SweepPoint bestPerStage(List<SweepPoint> points, double rate) {
        List<SweepPoint> atRate = points.stream().filter(p -> p.rate() == rate).toList();
        if (atRate.isEmpty()) {
            throw new IllegalArgumentException("rate: " + rate + " was not swept");
        }
        int stages = network.residualStages().size();
        double[] best = new double[stages];
        String[] bestOption = new String[stages];
        for (int i = 0; i < stages; i++) {
            int stage = i;
            SweepPoint fastest = BestOption.of(atRate, p -> p.stageLatencyMs()[stage], p -> stageOption(p, stage));
            best[i] = fastest.stageLatencyMs()[i];
            bestOption[i] = stageOption(fastest, i);
        }
        SweepPoint any = atRate.get(0);
        double fixed = any.latencyMs() - any.blocksLatencyMs();
        double blocks = Arrays.stream(best).sum();
        return new SweepPoint(String.join("-", bestOption), rate, fixed + blocks, blocks, best);
    }

    private static String stageOption(SweepPoint p, int stage) {
        String[] parts = p.option().split("-");
        return parts[Math.min(stage, parts.length - 1)];
    }

    private int[] perStage(int option) {
        int[] per = new int[network.residualStages().size()];
        for (int i = 0; i < per.length; i++) {
            per[i] = StageOption.inStage(paradigm, option, network.residualStages().get(i).outSize());
        }
        return per;
    }

    private String label(int[] perStage) {
        if (paradigm == Paradigm.LAYER) {
            return "layer";
        }
        return Arrays.stream(perStage).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    /**
     * A sweep point: the residual stages' latencies, paired by position, and "blocks" as their
     * sum. A stage of backbone blocks that no option changes (MobileNetV2's first, without a
     * shortcut) counts with the fixed part, or {@link #bestPerStage} would drop it.
     */
    private SweepPoint point(String option, double rate, Prediction p) {
        int[] at = network.residualStagePositions();
        double[] stages = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            stages[i] = p.stages().get(at[i]).latencyMs();
        }
        return new SweepPoint(option, rate, p.latencyMs(), Arrays.stream(stages).sum(), stages);
    }
}
