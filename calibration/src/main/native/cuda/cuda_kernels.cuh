/* CUDA kernels and their launchers (cuda_kernels.cu), used by cuda_jni.cu. */
#ifndef DL_CUDA_KERNELS_CUH
#define DL_CUDA_KERNELS_CUH

#include <cuda_runtime.h>

#include "dl_desc.h"

/* Device copies of the index lists of a desc (NULL when the list is empty). */
struct dl_device_lists {
    const int *a;
    const int *b;
};

/* Enqueues one run of the kernel on `stream`; returns the first launch error. */
cudaError_t dl_cuda_run(const dl_desc *d, const dl_shape *s, const dl_device_lists *lists, float *const *ops,
                        float *out, cudaStream_t stream);

/* FMA probe: returns FLOP enqueued; `sink` receives one float per thread so nothing is optimised away. */
double dl_cuda_fma(long long iterations, float *sink, int blocks, int threads, cudaStream_t stream);
int dl_cuda_fma_chains(void);

/* One pass of pattern `mode` (DL_STREAM_*, see cpu_kernels.h) over n floats. */
cudaError_t dl_cuda_stream(int mode, float *a, float *b, size_t n, float *partials, int blocks, cudaStream_t stream);

cudaError_t dl_cuda_empty(cudaStream_t stream);

#endif
