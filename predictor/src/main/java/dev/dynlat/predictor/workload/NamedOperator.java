package dev.dynlat.predictor.workload;

import dev.dynlat.operators.spec.OperatorSpec;

/** An operator of a network's fixed part (stem, head) with a display name. */
public record NamedOperator(String name, OperatorSpec spec) {
}
