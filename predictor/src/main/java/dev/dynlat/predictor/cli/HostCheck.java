package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.host.HostIdentity;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceProfile;
import java.io.PrintWriter;
import java.util.Optional;

/** Compares a cpu-calibrated profile with this host (CPU model and SIMD level of the kernels). */
final class HostCheck {
    private HostCheck() {
    }

    /** Why the profile's cpu calibration describes another host; empty for matching or non-cpu profiles. */
    static Optional<String> otherHost(DeviceProfile profile) {
        Optional<CalibratedCoefficients.CalibrationRecord> r = profile.calibrated().map(k -> k.calibration())
                .filter(c -> c.backend().equals("cpu"));
        return r.flatMap(c -> ThisHost.IDENTITY.mismatch(c));
    }

    /** Probed once per process, on first use: a server checks every request's profile, and the host stays the same. */
    private static final class ThisHost {
        static final HostIdentity IDENTITY = HostIdentity.current();
    }

    /** {@code predict}: a warning line, the prediction still runs (it may be meant for that other host). */
    static void warnIfOtherHost(DeviceProfile profile, PrintWriter err) {
        otherHost(profile).ifPresent(why -> {
            err.println("dynlat predict: warning: " + profile.name() + " was " + why
                    + "; its calibrated figures describe that machine");
            err.flush();
        });
    }
}
