package dev.dynlat.predictor.dynamic;

/** What a workload skips at run time. */
public sealed interface Dynamics permits Dynamics.None, CnnDynamics, VitDynamics, DecisionDynamics {

    /** The dense network. */
    record None() implements Dynamics {
        @Override
        public String describe() {
            return "static";
        }
    }

    Dynamics NONE = new None();

    /** Short description for reports, e.g. {@code spatial S=4-4-2-1 r=0.5}. */
    String describe();

    default boolean isStatic() {
        return this instanceof None;
    }
}
