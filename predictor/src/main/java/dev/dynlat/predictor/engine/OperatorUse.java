package dev.dynlat.predictor.engine;

import dev.dynlat.operators.spec.OperatorSpec;

/**
 * One operator as a block uses it: its spec, its role, and its expected executions per
 * inference ({@code weight}: 1 normally, the run probability under a layer gate).
 */
public record OperatorUse(String name, Role role, OperatorSpec spec, double weight) {
    public static OperatorUse once(String name, Role role, OperatorSpec spec) {
        return new OperatorUse(name, role, spec, 1);
    }
}
