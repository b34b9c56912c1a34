package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.host.PeakProbes;
import dev.dynlat.operators.profile.DeviceProfile;
import java.util.Objects;

/**
 * The device a calibration starts from: its bootstrapped profile (before any fit) and the peak probes
 * in the form the roofline baseline and the progress lines read.
 *
 * @param profile       profile built from the device's facts and probes (CPU or GPU kind)
 * @param probes        probe summary: name, engines, clock, FMA rate, DRAM and on-chip bandwidth, call cost
 * @param probeDetails  one line on what was probed, for the progress output ("" if nothing to add)
 */
public record BootstrappedDevice(DeviceProfile profile, PeakProbes probes,
                                 String probeDetails) {
    public BootstrappedDevice {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(probeDetails, "probeDetails");
    }
}
