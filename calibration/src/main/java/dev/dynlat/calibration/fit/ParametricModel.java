package dev.dynlat.calibration.fit;

import java.util.List;

/**
 * A latency model with tunable coefficients, as seen by {@link LogErrorFitter}.
 *
 * <p>The fitter knows nothing about operators or hardware: a cost model adapts itself by choosing
 * a payload type (e.g. an operator configuration) and mapping a parameter vector onto its
 * coefficients.
 *
 * @param <P> payload type of the {@link Observation}s this model predicts
 */
public interface ParametricModel<P> {

    /**
     * The coefficients, in the order used by {@link #predictSeconds}; names must be unique.
     * Must return the same list on every call.
     */
    List<ParameterSpec> parameters();

    /**
     * Predicted latency in seconds for one configuration.
     *
     * @param params  one value per {@link #parameters()} entry, within its bounds
     * @param payload the observation's payload
     * @return predicted latency, seconds; a non-finite or non-positive value marks the parameter
     *         vector as invalid for this payload (the fitter steers away from it)
     */
    double predictSeconds(double[] params, P payload);
}
