package dev.dynlat.calibration.suite;

import dev.dynlat.calibration.backend.Backend;
import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import dev.dynlat.calibration.gpu.GpuPeakProbes;
import dev.dynlat.calibration.gpu.GpuProber;
import dev.dynlat.calibration.gpu.GpuProfileBootstrap;
import dev.dynlat.calibration.host.HostProber;
import dev.dynlat.calibration.host.HostProfileBootstrap;
import dev.dynlat.calibration.host.PeakProbes;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * How each backend bootstraps its device, by backend name: the cpu backend probes the host CPU
 * ({@link HostProber}, {@link HostProfileBootstrap}); the cuda backend reads the CUDA runtime's device
 * attributes and runs the GPU probes ({@link GpuProber}, {@link GpuProfileBootstrap}).
 */
public final class DeviceBootstraps {
    /** Bootstraps the device behind a backend. */
    @FunctionalInterface
    public interface Bootstrap {
        BootstrappedDevice bootstrap(Backend backend, boolean quick);
    }

    private static final Map<String, Bootstrap> BY_BACKEND = Map.of(
            "cpu", DeviceBootstraps::hostCpu,
            "cuda", (backend, quick) -> cudaGpu((CudaBackend) backend, quick));

    private DeviceBootstraps() {
    }

    /** The bootstrap of the backend called {@code name}. */
    public static Bootstrap forBackend(String name) {
        Bootstrap b = BY_BACKEND.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no device bootstrap for backend '" + name + "'; known: "
                    + new java.util.TreeSet<>(BY_BACKEND.keySet()));
        }
        return b;
    }

    /** A CPU device from given probe numbers (tests and fake backends). */
    public static BootstrappedDevice hostCpu(String backendName, PeakProbes p) {
        return new BootstrappedDevice(HostProfileBootstrap.profile("host-" + backendName, p), p, "");
    }

    static BootstrappedDevice hostCpu(Backend backend, boolean quick) {
        return hostCpu(backend.name(), new HostProber(backend, quick).probe());
    }

    static BootstrappedDevice cudaGpu(CudaBackend backend, boolean quick) {
        GpuDeviceAttributes a = backend.attributes();
        GpuPeakProbes g = new GpuProber(backend, quick).probe(a);
        return gpu("host-cuda", a, g, LocalDate.now());
    }

    /** A GPU device from its attributes and probes. */
    public static BootstrappedDevice gpu(String profileName, GpuDeviceAttributes a, GpuPeakProbes g, LocalDate date) {
        var profile = GpuProfileBootstrap.profile(profileName, a, Optional.of(g), date);
        PeakProbes summary = new PeakProbes(a.name(), a.smName(), a.multiprocessors(), profile.laudnet().clockMHz(),
                g.fmaFlopsPerS(), g.dramBytesPerS(), g.l2BytesPerS(), g.launchGapS(), a.globalMemoryGiB(),
                a.l2CacheMiB());
        String details = String.format(java.util.Locale.ROOT,
                "%s; launch gap %.2f us per kernel in a CUDA graph (in every timing), %.2f us launched one by one,"
                        + " %.1f us with a synchronisation", a.summary(), g.launchGapS() * 1e6,
                g.streamLaunchGapS() * 1e6, g.launchSyncS() * 1e6);
        return new BootstrappedDevice(profile, summary, details);
    }
}
