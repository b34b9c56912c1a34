package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.fit.FitResult;
import dev.dynlat.calibration.host.PeakProbes;
import dev.dynlat.operators.profile.DeviceProfile;
import java.util.List;

/**
 * Everything a calibration run produced, for the report and the profile.
 *
 * @param probes        peak probe results
 * @param hostProfile   the bootstrapped profile (no calibrated section)
 * @param profile       the bootstrapped profile with the fitted coefficients
 * @param fit           the fitter's result (parameters, status, fit-set errors)
 * @param operators     evaluated operator configurations (fit and held-out)
 * @param blocks        evaluated blocks (all held out)
 * @param measurements  the measurements
 * @param backend       backend name
 * @param quick         whether the quick suite ran
 * @param probeSeconds  wall time of the peak probes
 * @param fitSeconds    wall time of the fit and evaluation
 */
public record CalibrationOutcome(PeakProbes probes, DeviceProfile hostProfile, DeviceProfile profile, FitResult fit,
                                 List<EvaluatedCase> operators, List<EvaluatedCase> blocks,
                                 SuiteMeasurements measurements, String backend, boolean quick, double probeSeconds,
                                 double fitSeconds) {
    public CalibrationOutcome {
        operators = List.copyOf(operators);
        blocks = List.copyOf(blocks);
    }
}
