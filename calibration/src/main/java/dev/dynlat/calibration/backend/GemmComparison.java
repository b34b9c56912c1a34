package dev.dynlat.calibration.backend;

/**
 * One row-major GEMM {@code C[M][N] = A[M][K] B[K][N]} timed with dynlat's tiled kernel (the one the
 * convolutions use) and with cuBLAS on the same buffers.
 *
 * @param m        rows of C
 * @param n        columns of C
 * @param k        reduction depth
 * @param oursS    median seconds of our kernel
 * @param cublasS  median seconds of cublasSgemm; NaN when cuBLAS is unavailable
 */
public record GemmComparison(int m, int n, int k, double oursS, double cublasS) {

    /** Our time over cuBLAS's (1 = as fast; 2 = twice as slow); NaN without cuBLAS. */
    public double ratio() {
        return oursS / cublasS;
    }

    /** Achieved FLOP/s of our kernel. */
    public double oursFlopsPerS() {
        return 2.0 * m * n * k / oursS;
    }

    /** Achieved FLOP/s of cuBLAS; NaN without it. */
    public double cublasFlopsPerS() {
        return 2.0 * m * n * k / cublasS;
    }
}
