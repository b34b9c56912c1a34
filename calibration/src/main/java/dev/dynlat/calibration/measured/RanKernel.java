package dev.dynlat.calibration.measured;

import dev.dynlat.operators.gpu.ConvAlgorithm;
import dev.dynlat.operators.gpu.LibraryKernel;
import dev.dynlat.operators.profile.GemmTile;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What a measured row ran, read from the kernels it launched: for a convolution the cuDNN
 * algorithm ({@code Kernels}, else {@code Kernel Name}: the non-fused Winograd's transform kernels,
 * the fused Winograd kernel, or an implicit-GEMM kernel, {@code scudnn} or
 * {@code implicit}/{@code precomputed}/{@code explicit convolve_sgemm}); for a GEMM the cuBLAS tile
 * its main kernel names. FFT convolutions, and rows that name no kernel, ran none the model describes.
 */
final class RanKernel {
    private RanKernel() {
    }

    /** The algorithm and tile {@code m} names (each empty when it names none). */
    static LibraryKernel of(MeasuredOperator m) {
        return new LibraryKernel(algorithm(m), tile(m));
    }

    /**
     * The cuBLAS tile a measured GEMM ran: {@code volta_sgemm_128x64_tn} is 128 columns by 64 rows
     * ({@code _sliced1x4} variants included); empty when its main kernel names none.
     */
    static Optional<GemmTile> tile(MeasuredOperator m) {
        Matcher t = KernelFamilies.SGEMM.matcher(m.columns().getOrDefault("Kernel Name", ""));
        return t.find() && t.group(2) != null ? Optional.of(GemmTile.parse(t.group(2))) : Optional.empty();
    }

    /** The cuDNN algorithm a measured convolution ran. */
    static Optional<ConvAlgorithm> algorithm(MeasuredOperator m) {
        String k = m.columns().getOrDefault("Kernels", "");
        if (k.isBlank()) {
            k = m.columns().getOrDefault("Kernel Name", "");
        }
        k = k.toLowerCase(Locale.ROOT);
        if (k.contains("fft")) {
            return Optional.empty();
        }
        if (k.contains("winograd_nonfused") || k.contains("winogradforwarddata4x4")) {
            return Optional.of(ConvAlgorithm.NONFUSED_WINOGRAD);
        }
        if (k.contains("winograd")) {
            return Optional.of(ConvAlgorithm.FUSED_WINOGRAD);
        }
        if (k.contains("scudnn") || k.contains("convolve_sgemm") || k.contains("im2col")) {
            return Optional.of(ConvAlgorithm.IMPLICIT_GEMM);
        }
        return Optional.empty();
    }
}
