package dev.dynlat.operators.gpu;

/**
 * The device time of one library call (one or several kernels back to back), before the host floor.
 *
 * @param deviceS time on the GPU, seconds, kernel gaps excluded
 * @param computeS the compute term of the kernels, seconds
 * @param memoryS the memory term of the kernels, seconds
 * @param dramBytes bytes the kernels move through DRAM
 * @param kernels kernels launched
 * @param libraryKernels of those, cuBLAS and cuDNN kernels (the rest are streaming kernels)
 * @param kernel what ran, e.g. {@code sgemm 128x64 split 4} or {@code winograd 4x4 (sgemm 64x64)}
 * @param blocks thread blocks of the main kernel
 */
public record KernelTime(double deviceS, double computeS, double memoryS, double dramBytes, int kernels, int libraryKernels, String kernel, long blocks) {

    /** The faster of two alternatives (the first on a tie, so that choices are deterministic). */
    static KernelTime faster(KernelTime a, KernelTime b) {
        if (a == null) {
            return b;
        }
        return b.deviceS < a.deviceS ? b : a;
    }

    /** This kernel followed by another (as one library call). */
    KernelTime then(KernelTime next, String name) {
        return new KernelTime(deviceS + next.deviceS, computeS + next.computeS, memoryS + next.memoryS,
                dramBytes + next.dramBytes, kernels + next.kernels, libraryKernels + next.libraryKernels, name,
                Math.max(blocks, next.blocks));
    }
}
