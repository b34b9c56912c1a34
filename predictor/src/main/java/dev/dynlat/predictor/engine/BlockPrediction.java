package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;

import java.util.List;

/** The prediction for one block (a residual block, a transformer block, or a stem/head). */
public record BlockPrediction(String name, List<OperatorPrediction> operators) {
    public BlockPrediction {
        operators = List.copyOf(operators);
    }

    public double latencyMs() {
        return operators.stream().mapToDouble(OperatorPrediction::latencyMs).sum();
    }

    public double computeMs() {
        return operators.stream().mapToDouble(OperatorPrediction::computeMs).sum();
    }

    public double memoryMs() {
        return operators.stream().mapToDouble(OperatorPrediction::memoryMs).sum();
    }

    public double macs() {
        return operators.stream().mapToDouble(OperatorPrediction::macs).sum();
    }

    public double dramBytes() {
        return operators.stream().mapToDouble(OperatorPrediction::dramBytes).sum();
    }

    /** Latency of the operators with one role, milliseconds per batch. */
    public double latencyMs(Role role) {
        return operators.stream().filter(o -> o.role() == role).mapToDouble(OperatorPrediction::latencyMs).sum();
    }
}
