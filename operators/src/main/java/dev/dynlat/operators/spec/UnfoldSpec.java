package dev.dynlat.operators.spec;

/** im2col-style unfolding (T2T "soft split"): pure data movement from one layout to another. */
public record UnfoldSpec(long inElements, long outElements) implements OperatorSpec {
    public UnfoldSpec {
        Check.positive("in_elements", inElements);
        Check.positive("out_elements", outElements);
    }

    @Override
    public String kind() {
        return "unfold";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
