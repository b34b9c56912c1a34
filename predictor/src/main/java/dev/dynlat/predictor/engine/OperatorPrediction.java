package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.workload.Role;

import dev.dynlat.operators.model.Bound;
import dev.dynlat.operators.model.OperatorCost;

/**
 * The prediction for one operator of a block.
 *
 * @param name display name (e.g. {@code conv2 3x3})
 * @param role role in the block
 * @param kind operator kind (cost model)
 * @param weight expected executions per inference
 * @param cost cost of one execution, per batch
 * @param note schedule remark (e.g. {@code masker fused into conv1}), empty if none
 */
public record OperatorPrediction(String name, Role role, String kind, double weight, OperatorCost cost,
                                 String note) {

    /** The same operator run {@code p} times as often (an exit or keep probability). */
    public OperatorPrediction times(double p) {
        return new OperatorPrediction(name, role, kind, weight * p, cost, note);
    }

    /** Expected latency contribution, milliseconds per batch. */
    public double latencyMs() {
        return cost.latencyS() * weight * 1e3;
    }

    public double computeMs() {
        return cost.computeS() * weight * 1e3;
    }

    public double memoryMs() {
        return cost.memoryS() * weight * 1e3;
    }

    public double macs() {
        return cost.macs() * weight;
    }

    public double dramBytes() {
        return cost.dramBytes() * weight;
    }

    public Bound bound() {
        return cost.bound();
    }
}
