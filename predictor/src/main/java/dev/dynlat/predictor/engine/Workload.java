package dev.dynlat.predictor.engine;

import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Dynamics;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.ResidualNetwork;
import dev.dynlat.predictor.workload.VisionTransformer;

/** A network together with its dynamic behaviour; validated on construction. */
public record Workload(Network network, Dynamics dynamics) {
    public Workload {
        java.util.Objects.requireNonNull(network, "network");
        java.util.Objects.requireNonNull(dynamics, "dynamics");
        if (dynamics instanceof CnnDynamics c) {
            if (!(network instanceof ResidualNetwork r)) {
                throw new IllegalArgumentException("mode: " + c.paradigm().id() + " skipping applies to CNNs, not to "
                        + network.name() + "; use --token-rate/--head-rate/--layer-rate");
            }
            c.validate(r);
        }
        if (dynamics instanceof VitDynamics && !(network instanceof VisionTransformer)) {
            throw new IllegalArgumentException("token-rate/head-rate/layer-rate: apply to ViTs, not to "
                    + network.name() + "; use --mode");
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
