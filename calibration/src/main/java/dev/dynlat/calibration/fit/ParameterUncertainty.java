package dev.dynlat.calibration.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Standard errors of fitted coefficients from the fit's covariance: for least squares on
 * log-residuals, {@code Cov(u) ≈ s² (JᵀJ)⁻¹} at the optimum, with {@code s² = Σr² / (n − p)} the
 * residual variance and {@code J} the Jacobian in the optimizer's internal coordinates; each
 * coefficient's error is carried to its own units by the transform's slope {@code dp/du} (the delta
 * method). {@code (JᵀJ)⁻¹} is taken through the singular value decomposition of {@code J}: a
 * direction the data do not determine (singular value below {@code 1e-9 ×} the largest) makes
 * every coefficient it involves infinitely uncertain rather than falsely exact. A coefficient
 * pressed against a bound has a slope near zero and so a small error: it is flagged at the bound
 * instead (report and profile), and its error says nothing.
 */
final class ParameterUncertainty {
    private static final double RANK_TOLERANCE = 1e-9;
    /** A coefficient takes part in an undetermined direction when its component there exceeds this. */
    private static final double NULL_COMPONENT = 1e-3;

    private ParameterUncertainty() {
    }

    /**
     * Parameter name to standard error, in the parameter's units; infinite when the data do not
     * determine it, NaN when there are no more observations than parameters.
     */
    static Map<String, Double> standardErrors(RealMatrix jacobian, RealVector residuals, double[] internal,
                                              ParameterTransform[] transforms, List<ParameterSpec> specs) {
        int n = jacobian.getRowDimension();
        int p = jacobian.getColumnDimension();
        Map<String, Double> out = new LinkedHashMap<>();
        if (n <= p) {
            specs.forEach(s -> out.put(s.name(), Double.NaN));
            return out;
        }
        double s2 = residuals.dotProduct(residuals) / (n - p);
        SingularValueDecomposition svd = new SingularValueDecomposition(jacobian);
        double[] sv = svd.getSingularValues();
        RealMatrix v = svd.getV();
        double largest = sv.length == 0 ? 0 : sv[0];
        for (int j = 0; j < p; j++) {
            double var = 0;
            boolean undetermined = false;
            for (int k = 0; k < sv.length; k++) {
                double vjk = v.getEntry(j, k);
                if (sv[k] <= RANK_TOLERANCE * largest) {
                    undetermined |= Math.abs(vjk) > NULL_COMPONENT;
                } else {
                    var += vjk * vjk / (sv[k] * sv[k]);
                }
            }
            double slope = slope(transforms[j], internal[j]);
            out.put(specs.get(j).name(), undetermined ? Double.POSITIVE_INFINITY : Math.abs(slope) * Math.sqrt(s2 * var));
        }
        return out;
    }

    /** dp/du of the transform at internal coordinate {@code u}, by central differences. */
    static double slope(ParameterTransform t, double u) {
        double h = 1e-6 * Math.max(Math.abs(u), 1.0);
        return (t.toExternal(u + h) - t.toExternal(u - h)) / (2 * h);
    }
}
