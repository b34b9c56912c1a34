package dev.dynlat.operators.spec;

/** A fully connected layer on one feature vector per sample (SE and masker MLPs, classifiers). */
public record LinearSpec(int inFeatures, int outFeatures) implements OperatorSpec {
    public LinearSpec {
        Check.positive("in_features", inFeatures);
        Check.positive("out_features", outFeatures);
    }

    @Override
    public String kind() {
        return "fc";
    }

    @Override
    public double macsPerSample() {
        return (double) inFeatures * outFeatures;
    }
}
