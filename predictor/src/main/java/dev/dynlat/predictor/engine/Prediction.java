package dev.dynlat.predictor.engine;

import dev.dynlat.operators.model.Bound;
import java.util.List;

/**
 * A whole-network prediction that mirrors execution: stages → blocks → operators, each with
 * latency (milliseconds per batch), compute/memory split, bound, tiling, MACs and bytes.
 *
 * @param model network name
 * @param device device profile name
 * @param variant model variant id
 * @param batch batch size
 * @param schedule the schedule used
 * @param dynamics description of the dynamic behaviour ({@code static} for none)
 * @param denseMacs dense MACs of one sample (official counting)
 * @param stages the breakdown
 */
public record Prediction(String model, String device, String variant, int batch,
                         dev.dynlat.predictor.schedule.Schedule schedule, String dynamics, double denseMacs,
                         List<StagePrediction> stages) {
    public Prediction {
        stages = List.copyOf(stages);
    }

    /** Whole network, milliseconds per batch. */
    public double latencyMs() {
        return stages.stream().mapToDouble(StagePrediction::latencyMs).sum();
    }

    /** Residual/transformer blocks only (stem and head excluded), milliseconds per batch. */
    public double blocksLatencyMs() {
        return stages.stream().filter(StagePrediction::residual).mapToDouble(StagePrediction::latencyMs).sum();
    }

    public double latencyPerImageMs() {
        return latencyMs() / batch;
    }

    /** Expected executed MACs of one batch. */
    public double executedMacs() {
        return stages.stream().mapToDouble(StagePrediction::macs).sum();
    }

    public double computeMs() {
        return allOperators().stream().mapToDouble(OperatorPrediction::computeMs).sum();
    }

    public double memoryMs() {
        return allOperators().stream().mapToDouble(OperatorPrediction::memoryMs).sum();
    }

    /** Whether the network as a whole spends more time computing or moving data. */
    public Bound bound() {
        double launch = allOperators().stream().mapToDouble(o -> o.cost().launchS() * o.weight() * 1e3).sum();
        return Bound.of(computeMs(), memoryMs(), launch);
    }

    public List<OperatorPrediction> allOperators() {
        return stages.stream().flatMap(s -> s.blocks().stream()).flatMap(b -> b.operators().stream()).toList();
    }
}
