package dev.dynlat.calibration.measured;

import dev.dynlat.operators.gpu.ConvAlgorithm;
import java.util.Locale;
import java.util.Optional;

/**
 * The cuDNN algorithm a measured convolution ran, read from the kernels it launched ({@code Kernels},
 * else {@code Kernel Name}): the non-fused Winograd's transform kernels, the fused Winograd kernel,
 * or an implicit-GEMM kernel ({@code scudnn}, {@code implicit}/{@code precomputed}/{@code explicit
 * convolve_sgemm}). FFT rows, and rows that name no kernel, ran none the model describes.
 */
final class RanAlgorithm {
    private RanAlgorithm() {
    }

    private static String kernels(MeasuredOperator m) {
        String kernels = m.columns().getOrDefault("Kernels", "");
        if (kernels.isBlank()) {
            kernels = m.columns().getOrDefault("Kernel Name", "");
        }
        return kernels.toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern SGEMM = java.util.regex.Pattern.compile("sgemm_(\\d+x\\d+)");

    /**
     * The cuBLAS tile a measured GEMM ran: {@code volta_sgemm_128x64_tn} is 128 columns by 64 rows
     * ({@code _sliced1x4} variants included); empty when its main kernel names none.
     */
    static Optional<dev.dynlat.operators.profile.GemmTile> tile(MeasuredOperator m) {
        java.util.regex.Matcher t = SGEMM.matcher(m.columns().getOrDefault("Kernel Name", ""));
        return t.find() ? Optional.of(dev.dynlat.operators.profile.GemmTile.parse(t.group(1))) : Optional.empty();
    }

    static Optional<ConvAlgorithm> of(MeasuredOperator m) {
        String k = kernels(m);
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
