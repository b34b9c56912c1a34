package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.calibration.kernel.KernelSpec;

/**
 * The CUDA kernels' per-thread code, run on the host by libdynlat_cuda's emulation (every block and
 * thread, the same shared-memory tile phases and reduction orders), against the reference on the
 * contract's cases: checks the kernels' index math on machines without a GPU. Skips when the CUDA
 * library was not built. {@link CudaKernelCorrectnessTest} runs the same cases on a device.
 */
class CudaEmulatedKernelCorrectnessTest extends KernelCorrectnessContract {
    @Override
    Backend backend() {
        CudaBackend cuda = new CudaBackend();
        assumeTrue(cuda.libraryLoaded(), "CUDA library not built (" + cuda.unavailableReason() + ")");
        return new Emulated(cuda);
    }

    /** Only runOnce is meaningful: the emulation computes outputs, it does not time anything. */
    private record Emulated(CudaBackend cuda) implements Backend {
        @Override
        public String name() {
            return "cuda-emulated";
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String unavailableReason() {
            return "";
        }

        @Override
        public float[] runOnce(KernelSpec spec, long seed) {
            return cuda.emulateOnHost(spec, seed);
        }

        @Override
        public double[] time(KernelSpec spec, int warmupRuns, int timedRuns) {
            throw new UnsupportedOperationException("the emulation does not time kernels");
        }

        @Override
        public double peakFlops(long work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double streamBandwidth(StreamPattern pattern, long bytes, int repeats) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double emptyCallSeconds(int calls) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String deviceDescription() {
            return "CUDA kernels emulated on the host";
        }
    }
}
