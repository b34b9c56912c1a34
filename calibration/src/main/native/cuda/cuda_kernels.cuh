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

/*
 * Enqueues one run of the kernel on `stream`; returns the first launch error. Every tensor of the
 * run must hold fewer than 2^31 elements (the kernels index in 32 bits); larger ones give
 * cudaErrorInvalidValue before anything is launched.
 */
cudaError_t dl_cuda_run(const dl_desc *d, const dl_shape *s, const dl_device_lists *lists, float *const *ops,
                        float *out, cudaStream_t stream);

/*
 * Runs the same kernels' per-thread code on the host (every block, every thread, the same phases and
 * reduction orders) on host buffers; the lists are the desc's own. Lets tests check the kernels' index
 * math on machines without a GPU. Returns 0, or -1 for an unknown kind or a tensor too large.
 */
int dl_cuda_emulate(const dl_desc *d, const dl_shape *s, float *const *ops, float *out);

/* FMA probe: returns FLOP enqueued; `sink` receives one float per thread so nothing is optimised away. */
double dl_cuda_fma(int iterations, float *sink, int blocks, int threads, cudaStream_t stream);
int dl_cuda_fma_chains(void);

/* One pass of pattern `mode` (DL_STREAM_*, see cpu_kernels.h) over n floats. */
cudaError_t dl_cuda_stream(int mode, float *a, float *b, size_t n, float *partials, int blocks, cudaStream_t stream);

/*
 * L2 probe: `passes` read passes over n floats (n a multiple of 4) inside one launch, loads cached
 * in L2 only (not L1), so that a buffer that fits in L2 is read at L2 bandwidth with the launch
 * cost spread over all passes.
 */
cudaError_t dl_cuda_l2_read(const float *a, size_t n, int passes, float *partials, int blocks, cudaStream_t stream);

cudaError_t dl_cuda_empty(cudaStream_t stream);

/* Dense row-major GEMM C[M][N] = A[M][K] B[K][N] with the tiled kernel the convolutions use. */
cudaError_t dl_cuda_gemm(int m, int n, int k, const float *a, const float *b, float *c, cudaStream_t stream);

#endif
