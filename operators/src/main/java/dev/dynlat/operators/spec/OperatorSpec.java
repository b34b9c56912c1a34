package dev.dynlat.operators.spec;

/**
 * The shape of one operator, independent of any device. Implementations are immutable records
 * that validate their fields on construction, so a cost model never sees an impossible shape.
 */
public interface OperatorSpec {

    /** Operator kind, e.g. {@code conv2d}; also the class label the calibration fits. */
    String kind();

    /** Multiply-accumulates of one sample (dense work, before any skipping). */
    double macsPerSample();
}
