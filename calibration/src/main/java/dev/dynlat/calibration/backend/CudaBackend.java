package dev.dynlat.calibration.backend;

import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.protocol.SampleStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs kernels with the CUDA implementations in libdynlat_cuda on device 0. A timed run is kernel time:
 * enough back-to-back launches to fill about half a millisecond are captured in one CUDA graph, timed with
 * events, and divided by their number, so the host's submit gap is not in it; the gap between kernels on
 * the device ({@link #launchGapSeconds}) is measured and reported apart. Unavailable (never crashing) when
 * the library was not built or no device is present.
 */
public final class CudaBackend extends NativeBackend {
    /** Operand seed of timing runs; a calibration plan carries it to the standalone benchmark. */
    public static final long TIMING_SEED = NativeBackend.TIMING_SEED;

    static final String NOT_BUILT = "CUDA backend not built: nvcc was not found at build time";

    private volatile String reason;

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String unavailableReason() {
        String r = reason;
        if (r == null) {
            r = probeAvailability();
            reason = r;
        }
        return r;
    }

    private static String probeAvailability() {
        NativeLibrary lib = NativeLibrary.load("dynlat_cuda");
        if (!lib.loaded()) {
            return lib.missingFromClasspath() ? NOT_BUILT : "cuda backend unavailable: " + lib.failure();
        }
        String r = CudaNative.unavailableReason();
        return r == null ? "" : r;
    }

    @Override
    double[] nativeTime(int kind, int[] dims, int[] listA, int[] listB, long seed, int warmupRuns, int timedRuns) {
        return CudaNative.time(kind, dims, listA, listB, seed, warmupRuns, timedRuns);
    }

    @Override
    float[] nativeRunOnce(int kind, int[] dims, int[] listA, int[] listB, long seed) {
        return CudaNative.runOnce(kind, dims, listA, listB, seed);
    }

    @Override
    double[] nativeFmaProbe(long work) {
        return CudaNative.fmaProbe(work);
    }

    @Override
    double[] nativeStreamProbe(int pattern, long bytes, int repeats) {
        return CudaNative.streamProbe(pattern, bytes, repeats);
    }

    @Override
    public double emptyCallSeconds(int calls) {
        checkPositive("calls", calls);
        requireAvailable();
        return CudaNative.emptyLaunch(calls);
    }

    /** Whether libdynlat_cuda was built and loads (a device is not needed for that). */
    public boolean libraryLoaded() {
        return NativeLibrary.load("dynlat_cuda").loaded();
    }

    /**
     * The output of {@code spec} computed on the host by the CUDA kernels' own per-thread code (same
     * tiles, phases and reduction orders), for checking their index math on machines without a GPU.
     */
    public float[] emulateOnHost(KernelSpec spec, long seed) {
        checked(spec);
        if (!libraryLoaded()) {
            throw new BackendException(unavailableReason());
        }
        return CudaNative.emulateRunOnce(spec.kind().code(), spec.nativeDims(), spec.nativeListA(),
                spec.nativeListB(), seed);
    }

    /** {driver, runtime} CUDA versions (0 = none); {0, 0} when the library is not loaded. Needs no device. */
    public int[] versions() {
        return libraryLoaded() ? CudaNative.versions() : new int[] {0, 0};
    }

    /** Device 0's facts from the CUDA runtime. */
    public GpuDeviceAttributes attributes() {
        requireAvailable();
        int[] v = CudaNative.versions();
        return GpuDeviceAttributes.fromNative(CudaNative.rawDeviceName(), CudaNative.deviceAttributes(), v[0], v[1]);
    }

    /**
     * Read bandwidth of a buffer of {@code bytes} (size it to fit in L2) read {@code passes} times in one
     * launch, so the launch cost is spread over all passes; best of {@code repeats} launches, bytes/s.
     */
    public double l2Bandwidth(long bytes, int passes, int repeats) {
        checkStream(StreamPattern.READ, bytes, repeats);
        checkPositive("passes", passes);
        requireAvailable();
        double[] seconds = CudaNative.l2Probe(bytes, passes, repeats);
        double best = Arrays.stream(seconds).min().orElseThrow();
        return (double) (bytes / 16 * 16) * passes / best;
    }

    /**
     * Seconds per empty kernel launched back to back, {@code launches} per timing, median over
     * {@code repeats}: {inside a CUDA graph, one by one on a stream}.
     */
    public double[] launchGapSeconds(int launches, int repeats) {
        checkPositive("launches", launches);
        checkPositive("repeats", repeats);
        requireAvailable();
        double[] both = CudaNative.launchGap(launches, repeats);
        return new double[] {SampleStats.median(Arrays.copyOfRange(both, 0, repeats)),
            SampleStats.median(Arrays.copyOfRange(both, repeats, 2 * repeats))};
    }

    /** Empty when cuBLAS can be loaded for {@link #compareGemm}, otherwise why not. */
    public String cublasUnavailableReason() {
        requireAvailable();
        return CudaNative.cublasUnavailableReason();
    }

    /**
     * Times each (M, N, K) GEMM with our tiled kernel and with cuBLAS (medians of {@code runs} timings,
     * each as {@link #time} does it).
     */
    public List<GemmComparison> compareGemm(List<int[]> shapes, int runs) {
        checkPositive("runs", runs);
        int[] flat = new int[shapes.size() * 3];
        for (int i = 0; i < shapes.size(); i++) {
            int[] s = shapes.get(i);
            if (s.length != 3 || s[0] <= 0 || s[1] <= 0 || s[2] <= 0) {
                throw new IllegalArgumentException("GEMM shape must be three positive sizes (M, N, K), got "
                        + Arrays.toString(s));
            }
            System.arraycopy(s, 0, flat, 3 * i, 3);
        }
        requireAvailable();
        double[] t = CudaNative.gemmCompare(flat, runs);
        List<GemmComparison> out = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            int base = i * runs * 2;
            double ours = SampleStats.median(Arrays.copyOfRange(t, base, base + runs));
            double[] blas = Arrays.copyOfRange(t, base + runs, base + 2 * runs);
            double cublas = Double.isNaN(blas[0]) ? Double.NaN : SampleStats.median(blas);
            out.add(new GemmComparison(flat[3 * i], flat[3 * i + 1], flat[3 * i + 2], ours, cublas));
        }
        return out;
    }

    @Override
    public String deviceDescription() {
        requireAvailable();
        return "cuda " + CudaNative.deviceName();
    }
}
