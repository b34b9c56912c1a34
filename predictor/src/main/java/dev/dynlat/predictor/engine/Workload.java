package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.workload.Network;

/** A network together with its dynamic behaviour; validated on construction. */
public record Workload(Network network, Dynamics dynamics) {
    public Workload {
        java.util.Objects.requireNonNull(network, "network");
        java.util.Objects.requireNonNull(dynamics, "dynamics");
        if (dynamics instanceof CnnDynamics c) {
            if (network.residualStages().isEmpty()) {
                throw new IllegalArgumentException("mode: " + c.paradigm().id() + " skipping applies to residual"
                        + " blocks with convolutions, and " + network.name() + " has none;"
                        + (network.encoders().isEmpty() ? "" : " use --token-rate/--head-rate/--layer-rate"));
            }
            c.validate(network);
        }
        if (dynamics instanceof dev.dynlat.predictor.dynamic.DecisionDynamics d) {
            d.validate(network);
        }
        if (dynamics instanceof VitDynamics && network.encoders().isEmpty()) {
            throw new IllegalArgumentException("token-rate/head-rate/layer-rate: apply to transformer blocks, and "
                    + network.name() + " has none; use --mode");
        }
    }

    public static Workload dense(Network network) {
        return new Workload(network, Dynamics.NONE);
    }

    /** The same network without skipping. */
    public Workload staticCounterpart() {
        return dense(network);
    }
}
