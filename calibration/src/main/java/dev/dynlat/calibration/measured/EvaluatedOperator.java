package dev.dynlat.calibration.measured;

/**
 * One measured operator beside the four predictions a measurement calibration compares, all on the
 * same row.
 *
 * @param operator      the measured operator
 * @param operatorClass its class in the report ({@link MeasuredClasses})
 * @param heldOut       whether its shape family is held out of every fit ({@link ShapeFamily})
 * @param fitted        whether the fit used it (a held-out row never is; a fit row may be left out of a
 *                      capped fit set)
 * @param afterS        calibrated variant with the fitted coefficients, seconds
 * @param beforeS       the base profile before calibration, its default variant, seconds
 * @param laudnetS      the base profile's laudnet variant, seconds
 * @param rooflineS     the datasheet roofline, seconds
 */
public record EvaluatedOperator(MeasuredOperator operator, String operatorClass, boolean heldOut, boolean fitted,
                                double afterS, double beforeS, double laudnetS, double rooflineS) {

    /** The measured latency, seconds. */
    public double measuredS() {
        return operator.latencyMs() * 1e-3;
    }

    /** Stable key of the row: its file and line. */
    public String key() {
        return operator.source() + ":" + operator.line();
    }
}
