package dev.dynlat.calibration.backend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CudaKernelCorrectnessTest extends KernelCorrectnessContract {
    @Override
    Backend backend() {
        CudaBackend cuda = new CudaBackend();
        assumeTrue(cuda.available(), "no CUDA device (" + cuda.unavailableReason() + ")");
        return cuda;
    }
}
