/*
 * CPU kernels. cpu_kernels.c is compiled twice, once for x86-64-v2 (SSE4.2, runs
 * everywhere CI might run) and once for x86-64-v3 (AVX2 + FMA); the runner picks
 * the v3 build at run time when the CPU supports it. This keeps the shipped
 * library portable without giving up the FMA units that the peak probe measures.
 */
#ifndef DL_CPU_KERNELS_H
#define DL_CPU_KERNELS_H

#include "dl_desc.h"

/* Scratch memory a kernel may use; sized by dl_cpu_scratch_sizes, owned by the runner. */
typedef struct {
    float *col;      /* im2col matrix */
    float *wpack;    /* gathered weights for channel skipping */
    float *staging;  /* GEMM output before the NCHW reorder (batch > 1) */
    int *patch_order; /* patches grouped by image (scatter-add) */
    int *image_start; /* n + 1 offsets into patch_order */
    float *gemm_pack; /* per-thread packed A and B panels of the GEMM */
    size_t gemm_pack_stride; /* floats per thread in gemm_pack */
} dl_scratch;

typedef struct {
    size_t col, wpack, staging, patch_order, image_start; /* element counts */
    size_t gemm_pack, gemm_pack_stride;                   /* all threads, one thread */
} dl_scratch_sizes;

void dl_cpu_scratch_sizes(const dl_desc *d, const dl_shape *s, dl_scratch_sizes *out);

/* GEMM thread tiles of the widest ISA build: 4 x 4 micro-tiles of 6 x 16 (AVX, AVX-512) or 4 x 8. */
#define DL_GEMM_TILE_ROWS_MAX 24
#define DL_GEMM_TILE_COLS_MAX 64
/* Reduction steps per packed block (KC in cpu_kernels.c). */
#define DL_GEMM_KC 256

/* Operand order per kind is documented in dev.dynlat.calibration.kernel.KernelSpec. */
typedef void (*dl_run_fn)(const dl_desc *d, const dl_shape *s, float *const *ops, float *out, dl_scratch *scratch);
typedef double (*dl_fma_fn)(long long iterations, float seed_value);
typedef double (*dl_stream_fn)(int mode, float *a, float *b, size_t n);

#define DL_DECLARE_ISA(sfx)                                                                                    \
    void dl_cpu_run_##sfx(const dl_desc *d, const dl_shape *s, float *const *ops, float *out, dl_scratch *sc); \
    double dl_cpu_fma_##sfx(long long iterations, float seed_value);                                          \
    double dl_cpu_stream_##sfx(int mode, float *a, float *b, size_t n);                                       \
    int dl_cpu_fma_lanes_##sfx(void);

DL_DECLARE_ISA(v2)
DL_DECLARE_ISA(v3)
DL_DECLARE_ISA(v4)

/*
 * Fault injection for tests only (set through NetworkNative.setFault): 1 makes the GEMM skip every
 * second thread tile when it has more than 8, so a test can show that the output check at the timed
 * size catches a kernel that skips work. 0 (the default) in every real run.
 */
extern int dl_fault_mode;

/* The kernel entry of the ISA build chosen at load time. */
dl_run_fn dl_cpu_active_run(void);

/* Stream modes; must match dev.dynlat.calibration.backend.StreamPattern#code. */
enum { DL_STREAM_READ = 0, DL_STREAM_WRITE = 1, DL_STREAM_COPY = 2 };

#endif
