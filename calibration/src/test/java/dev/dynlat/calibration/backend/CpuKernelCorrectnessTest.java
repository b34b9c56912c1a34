package dev.dynlat.calibration.backend;

class CpuKernelCorrectnessTest extends KernelCorrectnessContract {
    @Override
    Backend backend() {
        return new CpuBackend();
    }
}
