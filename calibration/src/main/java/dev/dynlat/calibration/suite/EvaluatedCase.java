package dev.dynlat.calibration.suite;

/**
 * One measured configuration next to the three predictions the report compares.
 *
 * @param key        case key
 * @param group      class label (operator class or {@code block-<paradigm>})
 * @param measuredS  measured median, seconds
 * @param spread     relative spread of the measurement (IQR / median)
 * @param beforeS    bootstrapped host profile, laudnet variant (efficiencies 1), seconds
 * @param afterS     calibrated variant with the fitted coefficients, seconds
 * @param rooflineS  plain roofline baseline, seconds
 * @param heldOut    true when the configuration was never used in fitting (always true for blocks)
 */
public record EvaluatedCase(String key, String group, double measuredS, double spread, double beforeS,
                            double afterS, double rooflineS, boolean heldOut) {
}
