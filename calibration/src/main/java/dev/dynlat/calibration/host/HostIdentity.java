package dev.dynlat.calibration.host;

import dev.dynlat.calibration.backend.CpuBackend;
import dev.dynlat.operators.profile.CalibratedCoefficients;
import java.util.Optional;

/**
 * Which CPU a calibrated profile describes, compared with the host: the CPU model and the SIMD level
 * of the kernels (the widest build this CPU runs). Coefficients fitted on other hardware or other
 * kernels describe other machines.
 *
 * @param cpuModel the CPU's model name ({@code /proc/cpuinfo})
 * @param simd     ISA level of the kernels that run here, e.g. {@code x86-64-v4}; empty if unknown
 */
public record HostIdentity(String cpuModel, String simd) {

    /** This host (the SIMD level is empty when the native library cannot load). */
    public static HostIdentity current() {
        CpuBackend cpu = new CpuBackend();
        String simd = cpu.available() ? HostProber.isa(cpu.deviceDescription()) : "";
        return new HostIdentity(CpuInfo.read().model(), simd);
    }

    /**
     * Why a cpu profile's calibration does not describe this host, or empty when it does. A profile
     * that records no SIMD level (written before it was recorded) does not match.
     */
    public Optional<String> mismatch(CalibratedCoefficients.CalibrationRecord r) {
        if (!r.backend().equals("cpu")) {
            return Optional.of("calibrated on the " + r.backend() + " backend, not cpu");
        }
        if (!r.machine().equals(cpuModel)) {
            return Optional.of("calibrated on '" + r.machine() + "', this host is '" + cpuModel + "'");
        }
        if (r.simd().isEmpty()) {
            return Optional.of("the profile records no SIMD level (calibrated before dynlat recorded it); "
                    + "this host runs " + simd + " kernels");
        }
        if (!r.simd().equals(simd)) {
            return Optional.of("calibrated with " + r.simd() + " kernels, this host runs " + simd + " kernels");
        }
        return Optional.empty();
    }
}
