package dev.dynlat.calibration.gpu;

import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.backend.GemmComparison;
import dev.dynlat.calibration.backend.GpuDeviceAttributes;
import dev.dynlat.reports.io.OutputSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * GPU steps that need the CUDA runtime through the JNI library, as one entry point for a machine with a JDK
 * (a device run without one uses {@code src/gpu/measure-on-gpu.sh} and the standalone benchmark):
 * <ul>
 *   <li>{@code versions [TOOLKIT]}: prints the CUDA driver and runtime versions; exit 4 when the driver
 *       is of an older major release than the toolkit the library is (or will be) built with (an older
 *       minor release runs under CUDA's minor-version compatibility and is only noted);</li>
 *   <li>{@code check}: prints the device line; exit 3 when there is no usable CUDA device;</li>
 *   <li>{@code gemm OUT_DIR}: times our tiled GEMM against cuBLAS on the suite's GEMM shapes and writes
 *       {@code gemm-vs-cublas.csv} and {@code .md}.</li>
 * </ul>
 * Every outcome is one line on stdout (results) or stderr (why it stopped); no stack traces.
 */
public final class GpuWindow {
    public static final int OK = 0;
    public static final int RUN_ERROR = 1;
    public static final int USAGE = 2;
    public static final int NO_DEVICE = 3;
    public static final int OLD_DRIVER = 4;

    /**
     * GEMM shapes (M, N, K): the 1x1 convolutions of the calibration suite as GEMMs (M = output
     * channels, N = pixels, K = input channels), FC layers at batch 8 and 64, and square GEMMs large
     * enough to reach either kernel's peak.
     */
    static final List<int[]> GEMM_SHAPES = List.of(
            new int[] {64, 3136, 64}, new int[] {128, 784, 128}, new int[] {256, 196, 256},
            new int[] {512, 49, 512}, new int[] {256, 3136, 64}, new int[] {64, 784, 256},
            new int[] {1000, 8, 2048}, new int[] {1000, 64, 2048}, new int[] {4096, 64, 1024},
            new int[] {1024, 1024, 1024}, new int[] {2048, 2048, 2048}, new int[] {4096, 4096, 4096});

    private GpuWindow() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, new CudaBackend()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, CudaBackend cuda) {
        if (args.length == 0) {
            err.println("usage: GpuWindow versions [TOOLKIT_VERSION] | check | gemm OUT_DIR");
            return USAGE;
        }
        try {
            return switch (args[0]) {
                case "versions" -> versions(args.length > 1 ? args[1] : "", out, err, cuda);
                case "check" -> check(out, err, cuda);
                case "gemm" -> args.length == 2 ? gemm(Path.of(args[1]), out, err, cuda) : usage(err);
                default -> usage(err);
            };
        } catch (RuntimeException e) {
            err.println("gpu: " + args[0] + " failed: " + e.getMessage());
            return RUN_ERROR;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: GpuWindow versions [TOOLKIT_VERSION] | check | gemm OUT_DIR");
        return USAGE;
    }

    static int versions(String toolkit, PrintStream out, PrintStream err, CudaBackend cuda) {
        int[] v = cuda.versions();
        int toolkitVersion = parseToolkit(toolkit);
        int needed = toolkitVersion > 0 ? toolkitVersion : v[1];
        out.println("CUDA driver " + GpuDeviceAttributes.versionText(v[0]) + ", runtime "
                + GpuDeviceAttributes.versionText(v[1]) + " (libdynlat_cuda)"
                + (toolkitVersion > 0 ? ", toolkit " + toolkit + " (nvcc)" : "")
                + (GpuDeviceAttributes.driverMinorBehind(v[0], needed)
                    ? "; driver behind the toolkit's minor release: runs under minor-version compatibility" : ""));
        if (GpuDeviceAttributes.driverTooOld(v[0], needed)) {
            err.println("gpu: the CUDA driver (" + GpuDeviceAttributes.versionText(v[0]) + ") is older than the"
                    + " toolkit (" + GpuDeviceAttributes.versionText(needed) + "); build with a toolkit of the"
                    + " driver's major release or update the driver");
            return OLD_DRIVER;
        }
        return OK;
    }

    /** "12.4" to 12040; 0 when empty or not a version. */
    static int parseToolkit(String text) {
        String[] parts = text.trim().split("\\.");
        try {
            if (parts.length >= 2) {
                return Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]) * 10;
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static int check(PrintStream out, PrintStream err, CudaBackend cuda) {
        if (!cuda.available()) {
            err.println("gpu: " + cuda.unavailableReason() + "; nothing was measured");
            return NO_DEVICE;
        }
        out.println("device: " + cuda.attributes().summary());
        return OK;
    }

    static int gemm(Path dir, PrintStream out, PrintStream err, CudaBackend cuda) {
        if (!cuda.available()) {
            err.println("gpu: " + cuda.unavailableReason());
            return NO_DEVICE;
        }
        String blas = cuda.cublasUnavailableReason();
        List<GemmComparison> rows = cuda.compareGemm(GEMM_SHAPES, 15);
        try {
            Files.createDirectories(dir);
            try (OutputSet outputs = new OutputSet()) {
                outputs.prepareText(outputs.add("gemm-vs-cublas", dir.resolve("gemm-vs-cublas.csv")), csv(rows));
                outputs.prepareText(outputs.add("gemm-vs-cublas", dir.resolve("gemm-vs-cublas.md")), markdown(rows, blas));
                outputs.commit(out::write);
            }
        } catch (IOException e) {
            err.println("gpu: could not write the GEMM comparison to " + dir + ": " + e.getMessage());
            return RUN_ERROR;
        }
        out.println(summaryLine(rows, blas));
        return OK;
    }

    static String csv(List<GemmComparison> rows) {
        StringBuilder b = new StringBuilder("m,n,k,ours_us,cublas_us,ours_gflops,cublas_gflops,ratio_ours_to_cublas\n");
        for (GemmComparison r : rows) {
            b.append(String.format(Locale.ROOT, "%d,%d,%d,%.3f,%.3f,%.1f,%.1f,%.3f%n", r.m(), r.n(), r.k(),
                    r.oursS() * 1e6, r.cublasS() * 1e6, r.oursFlopsPerS() / 1e9, r.cublasFlopsPerS() / 1e9,
                    r.ratio()));
        }
        return b.toString();
    }

    static String markdown(List<GemmComparison> rows, String blasReason) {
        StringBuilder b = new StringBuilder("# dynlat tiled GEMM vs cuBLAS (fp32, row-major C = A B)\n\n");
        b.append(blasReason.isEmpty() ? "Medians of 15 timings, each a CUDA graph of back-to-back launches.\n\n"
                : "cuBLAS unavailable: " + blasReason + "; our kernel only.\n\n");
        b.append("| M | N | K | ours [us] | cuBLAS [us] | ours [GFLOP/s] | cuBLAS [GFLOP/s] | ours / cuBLAS |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (GemmComparison r : rows) {
            b.append(String.format(Locale.ROOT, "| %d | %d | %d | %.2f | %.2f | %.0f | %.0f | %.2f |%n", r.m(), r.n(),
                    r.k(), r.oursS() * 1e6, r.cublasS() * 1e6, r.oursFlopsPerS() / 1e9, r.cublasFlopsPerS() / 1e9,
                    r.ratio()));
        }
        b.append('\n').append(summaryLine(rows, blasReason)).append('\n');
        return b.toString();
    }

    /** Median, min and max of our time over cuBLAS's across the shapes. */
    static String summaryLine(List<GemmComparison> rows, String blasReason) {
        if (!blasReason.isEmpty()) {
            return "gemm: cuBLAS unavailable (" + blasReason + "); ours timed on " + rows.size() + " shapes";
        }
        double[] ratios = rows.stream().mapToDouble(GemmComparison::ratio).sorted().toArray();
        List<String> extremes = new ArrayList<>();
        extremes.add(String.format(Locale.ROOT, "%.2f", ratios[0]));
        extremes.add(String.format(Locale.ROOT, "%.2f", ratios[ratios.length - 1]));
        return String.format(Locale.ROOT, "gemm: ours / cuBLAS median %.2f (range %s) over %d shapes",
                dev.dynlat.calibration.protocol.SampleStats.median(Arrays.copyOf(ratios, ratios.length)),
                String.join("-", extremes), rows.size());
    }
}
