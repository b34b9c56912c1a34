package dev.dynlat.operators.gpu;

import dev.dynlat.operators.profile.GemmTile;
import java.util.Objects;
import java.util.Optional;

/**
 * What a library call ran, as far as it is known: the cuDNN algorithm of a convolution, the cuBLAS
 * tile of a GEMM. The model predicts with the library's fastest candidate ({@link #FASTEST}); a fit
 * prices each measured row with the kernel the row names, so that each kernel's terms come from its
 * own rows. A part that is unknown, or that the shape or the GPU's family cannot run, is the fastest.
 *
 * @param algorithm the convolution's algorithm, if known
 * @param tile the GEMM's tile, if known
 */
public record LibraryKernel(Optional<ConvAlgorithm> algorithm, Optional<GemmTile> tile) {
    /** Nothing known: the library's fastest candidate. */
    public static final LibraryKernel FASTEST = new LibraryKernel(Optional.empty(), Optional.empty());

    public LibraryKernel {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(tile, "tile");
    }

    public static LibraryKernel of(ConvAlgorithm algorithm) {
        return new LibraryKernel(Optional.of(algorithm), Optional.empty());
    }

    public static LibraryKernel of(GemmTile tile) {
        return new LibraryKernel(Optional.empty(), Optional.of(tile));
    }
}
