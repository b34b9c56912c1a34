package dev.dynlat.predictor.engine;

import dev.dynlat.operators.profile.CalibratedCoefficients;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import java.util.Map;
import java.util.Optional;

/** Built-in profiles, optionally with neutral calibrated coefficients for the calibrated variant. */
public final class TestProfiles {
    private TestProfiles() {
    }

    public static DeviceProfile withNeutralCalibration(String name) {
        DeviceProfile p = DeviceCatalog.load(name);
        CalibratedCoefficients k = new CalibratedCoefficients(1, 1, 1, p.laudnet().launchOverheadUs(), Map.of(),
                new CalibratedCoefficients.CalibrationRecord("2026-01-01", "test fixture", "none", 1, 0));
        return new DeviceProfile(p.name(), p.displayName(), p.kind(), p.datasheet(), p.laudnet(), Optional.of(k),
                p.provenance());
    }
}
