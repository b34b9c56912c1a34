package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.fit.FitResult;
import dev.dynlat.operators.profile.DeviceProfile;
import java.util.List;

/**
 * What a calibration from measurements produced, for the profile and the report.
 *
 * @param base       the profile the fit started from (its datasheet, constants and CUDA name)
 * @param profile    the base profile with the fitted coefficients and the calibration record
 * @param model      the fitted model's name ({@code FitPlan.model()})
 * @param fit        the fitter's result
 * @param operators  every measured row, evaluated by the four predictors
 * @param sources    the measurement files, in the order given
 * @param fitRows    rows the fit used (non-held-out rows, at most the cap per class)
 * @param fitSeconds wall time of the fit and the evaluation, seconds
 */
public record MeasurementOutcome(DeviceProfile base, DeviceProfile profile, String model, FitResult fit,
                                 List<EvaluatedOperator> operators, List<String> sources, int fitRows,
                                 double fitSeconds) {
    public MeasurementOutcome {
        operators = List.copyOf(operators);
        sources = List.copyOf(sources);
    }
}
