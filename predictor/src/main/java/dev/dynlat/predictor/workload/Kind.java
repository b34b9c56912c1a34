package dev.dynlat.predictor.workload;

import java.util.List;

/** A node kind defined by a schema and a resolving function. */
record Kind(String name, NodeDescription.Form form, List<Param> params, int minInputs, int maxInputs,
            Resolver resolver) implements NodeKind {

    @FunctionalInterface
    interface Resolver {
        NetworkNode resolve(ResolveContext ctx, Params p, List<Shape> inputs);
    }

    Kind {
        params = List.copyOf(params);
    }

    @Override
    public NetworkNode resolve(ResolveContext ctx, Params p, List<Shape> inputs) {
        return resolver.resolve(ctx, p, inputs);
    }
}
