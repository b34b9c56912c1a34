package dev.dynlat.calibration.backend;

import java.util.Locale;
import java.util.Objects;

/**
 * Facts of one CUDA device as the CUDA runtime reports them ({@code cudaGetDeviceProperties} and
 * {@code cudaDeviceGetAttribute}), plus the driver and runtime versions. Everything a GPU profile is
 * bootstrapped from before any probe runs.
 *
 * @param name                       device name, e.g. "NVIDIA H100 80GB HBM3"
 * @param computeMajor               compute capability, major part (9 for sm_90)
 * @param computeMinor               compute capability, minor part
 * @param multiprocessors            streaming multiprocessors (SMs)
 * @param maxClockKHz                peak SM clock, kHz ({@code cudaDevAttrClockRate})
 * @param memoryClockKHz             peak memory clock, kHz ({@code cudaDevAttrMemoryClockRate}); for DDR-type
 *                                   memories (GDDR, HBM) two transfers per clock
 * @param memoryBusWidthBits         global memory bus width, bits
 * @param l2CacheBytes               L2 cache size, bytes
 * @param globalMemoryBytes          device memory, bytes (shared with the host when integrated)
 * @param integrated                 whether the GPU shares the host's memory (Jetson-class SoCs)
 * @param maxThreadsPerMultiprocessor resident threads per SM
 * @param sharedMemoryPerMultiprocessorBytes shared memory per SM, bytes
 * @param driverVersion              CUDA driver version, CUDA-encoded (1000 × major + 10 × minor; 0 = none)
 * @param runtimeVersion             CUDA runtime version the native library was built with, same encoding
 */
public record GpuDeviceAttributes(String name, int computeMajor, int computeMinor, int multiprocessors,
                                  int maxClockKHz, int memoryClockKHz, int memoryBusWidthBits, long l2CacheBytes,
                                  long globalMemoryBytes, boolean integrated, int maxThreadsPerMultiprocessor,
                                  long sharedMemoryPerMultiprocessorBytes, int driverVersion, int runtimeVersion) {

    /** Number of values {@link #fromNative} expects from the JNI call. */
    public static final int NATIVE_FIELDS = 11;

    public GpuDeviceAttributes {
        Objects.requireNonNull(name, "name");
        positive("computeMajor", computeMajor);
        if (computeMinor < 0) {
            throw new IllegalArgumentException("computeMinor must be >= 0, got " + computeMinor);
        }
        positive("multiprocessors", multiprocessors);
        positive("maxClockKHz", maxClockKHz);
        positive("memoryClockKHz", memoryClockKHz);
        positive("memoryBusWidthBits", memoryBusWidthBits);
        positive("l2CacheBytes", l2CacheBytes);
        positive("globalMemoryBytes", globalMemoryBytes);
        positive("maxThreadsPerMultiprocessor", maxThreadsPerMultiprocessor);
        if (sharedMemoryPerMultiprocessorBytes < 0 || driverVersion < 0 || runtimeVersion < 0) {
            throw new IllegalArgumentException("shared memory and versions must be >= 0");
        }
    }

    /**
     * Builds the record from the JNI values (order: major, minor, SMs, clock kHz, memory clock kHz, bus
     * bits, L2 bytes, memory bytes, integrated 0/1, threads per SM, shared memory per SM bytes).
     */
    public static GpuDeviceAttributes fromNative(String name, long[] v, int driverVersion, int runtimeVersion) {
        if (v == null || v.length != NATIVE_FIELDS) {
            throw new IllegalArgumentException("expected " + NATIVE_FIELDS + " device attributes, got "
                    + (v == null ? "none" : v.length));
        }
        return new GpuDeviceAttributes(name, (int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5],
                v[6], v[7], v[8] != 0, (int) v[9], v[10], driverVersion, runtimeVersion);
    }

    /** "9.0". */
    public String computeCapability() {
        return computeMajor + "." + computeMinor;
    }

    /** "sm_90". */
    public String smName() {
        return "sm_" + computeMajor + computeMinor;
    }

    /** Peak SM clock, MHz. */
    public double maxClockMHz() {
        return maxClockKHz / 1000.0;
    }

    /**
     * DRAM bandwidth the attributes imply, 10^9 bytes/s: 2 transfers per memory clock (DDR; the CUDA
     * runtime reports HBM and GDDR clocks so that this holds) × bus width in bytes. Integrated GPUs report
     * a memory clock that does not describe their LPDDR interface, so for them this is only a lower
     * bound and the stream probe decides.
     */
    public double theoreticalDramGBps() {
        return 2.0 * memoryClockKHz * 1e3 * (memoryBusWidthBits / 8.0) / 1e9;
    }

    public double l2CacheMiB() {
        return l2CacheBytes / (1024.0 * 1024.0);
    }

    public double globalMemoryGiB() {
        return globalMemoryBytes / (1024.0 * 1024.0 * 1024.0);
    }

    /**
     * Whether the driver is too old for the runtime the library was built with: an older major release
     * (the runtime then fails to start). An older minor release of the same major still runs, under
     * CUDA's minor-version compatibility (the library carries SASS for its GPUs, no PTX JIT needed).
     */
    public boolean driverTooOld() {
        return driverTooOld(driverVersion, runtimeVersion);
    }

    /** {@link #driverTooOld()} for CUDA-encoded versions (1000 × major + 10 × minor; 0 = no driver). */
    public static boolean driverTooOld(int driver, int runtime) {
        return driver > 0 && driver / 1000 < runtime / 1000;
    }

    /** Same major release, older minor: runs under minor-version compatibility. */
    public static boolean driverMinorBehind(int driver, int runtime) {
        return driver > 0 && !driverTooOld(driver, runtime) && driver < runtime;
    }

    /** "12.4" for 12040; "none" for 0. */
    public static String versionText(int cudaVersion) {
        if (cudaVersion <= 0) {
            return "none";
        }
        return (cudaVersion / 1000) + "." + (cudaVersion % 1000) / 10;
    }

    /** One line: name, sm, SMs, clock, memory, versions. */
    public String summary() {
        return String.format(Locale.ROOT, "%s (%s, %d SMs, %.0f MHz, %d-bit memory at %.0f MHz, L2 %.1f MiB, %.1f GiB%s;"
                        + " driver %s, runtime %s)", name, smName(), multiprocessors, maxClockMHz(),
                memoryBusWidthBits, memoryClockKHz / 1000.0, l2CacheMiB(), globalMemoryGiB(),
                integrated ? ", integrated" : "", versionText(driverVersion), versionText(runtimeVersion));
    }

    private static void positive(String field, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + v);
        }
    }
}
