/*
 * CPU kernels (fp32, NCHW). Compiled once per ISA level; DL_SFX names the build.
 * Outer loops are OpenMP-parallel; inner loops are written so that GCC vectorises
 * them (contiguous, branch-free), and the GEMM micro-kernel uses GCC vector
 * extensions so its accumulators stay in registers on every ISA level.
 */
#include "cpu_kernels.h"

#include <omp.h>
#include <string.h>

#ifndef DL_SFX
#error "DL_SFX must name the ISA build (v2 or v3)"
#endif
#define DL_CAT2(a, b) a##_##b
#define DL_CAT(a, b) DL_CAT2(a, b)
#define FN(name) DL_CAT(name, DL_SFX)

/*
 * Micro-tiles: MR rows x NR = NV * VL columns. The AVX-512 build keeps the AVX2 build's 6 x 16
 * micro-tile (one 16-lane vector per row instead of two 8-lane ones), so both builds share one
 * thread-tile geometry, the one the calibrated CPU cost model prices (CpuGemm).
 */
#if defined(__AVX512F__)
#define VBYTES 64
#define MR 6
#define NV 1
#elif defined(__AVX__)
#define VBYTES 32
#define MR 6
#define NV 2
#else
#define VBYTES 16
#define MR 4
#define NV 2
#endif
typedef float vec __attribute__((vector_size(VBYTES)));
#define VL (VBYTES / 4)
#define NR (NV * VL)

static inline vec loadu(const float *p)
{
    vec v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void storeu(float *p, vec v)
{
    memcpy(p, &v, sizeof v);
}

/* ---------------------------------------------------------------- GEMM --- */

/* C[MR x NR] = A[MR x K] * B[K x NR]; all accumulators live in registers. */
static void micro_full(int K, const float *A, int lda, const float *B, long ldb, float *C, long ldc)
{
    vec acc[MR][NV];
    for (int i = 0; i < MR; ++i) {
        for (int j = 0; j < NV; ++j) {
            acc[i][j] = (vec){0};
        }
    }
    for (int p = 0; p < K; ++p) {
        vec b[NV];
        for (int j = 0; j < NV; ++j) {
            b[j] = loadu(B + p * ldb + j * VL);
        }
        for (int i = 0; i < MR; ++i) {
            float a = A[(long)i * lda + p];
            for (int j = 0; j < NV; ++j) {
                acc[i][j] += a * b[j];
            }
        }
    }
    for (int i = 0; i < MR; ++i) {
        for (int j = 0; j < NV; ++j) {
            storeu(C + i * ldc + j * VL, acc[i][j]);
        }
    }
}

/* Depth of one reduction block: the packed A and B panels of a block stay in L2. */
#define KC DL_GEMM_KC

/*
 * C = A * B with A [M x K] (row stride lda), B [K x N] (ldb), C [M x N] (ldc).
 * Thread tiles of 4 x 4 micro-tiles are spread over the cores. For each block of KC reduction
 * steps a tile packs its A rows and B columns into contiguous, zero-padded panels, so that every
 * micro-tile - edge ones included - runs the vector micro-kernel on unit-stride, cache-resident
 * data; partial sums are accumulated in C through a register-sized tile.
 */
static void gemm(int M, int N, int K, const float *A, int lda, const float *B, long ldb, float *C, long ldc,
                 const dl_scratch *sc)
{
    const int tile_m = MR * 4;
    const int tile_n = NR * 4;
    const int tiles_m = (M + tile_m - 1) / tile_m;
    const int tiles_n = (N + tile_n - 1) / tile_n;
#pragma omp parallel
    {
        /* the caller sized gemm_pack for every thread (dl_cpu_scratch_sizes) */
        float *apack = sc->gemm_pack + (size_t)omp_get_thread_num() * sc->gemm_pack_stride;
        float *bpack = apack + (size_t)tile_m * KC;
        float ctile[MR * NR];
#pragma omp for collapse(2) schedule(static)
        for (int tm = 0; tm < tiles_m; ++tm) {
            for (int tn = 0; tn < tiles_n; ++tn) {
                if (dl_fault_mode == 1 && tiles_m * tiles_n > 8 && ((tm * tiles_n + tn) & 1)) continue;
                const int m0 = tm * tile_m;
                const int n0 = tn * tile_n;
                const int rows = M - m0 < tile_m ? M - m0 : tile_m;
                const int cols = N - n0 < tile_n ? N - n0 : tile_n;
                const int rows_pad = (rows + MR - 1) / MR * MR;
                const int cols_pad = (cols + NR - 1) / NR * NR;
                for (int k0 = 0; k0 < K; k0 += KC) {
                    const int kc = K - k0 < KC ? K - k0 : KC;
                    for (int i = 0; i < rows_pad; ++i) {
                        float *dst = apack + (long)i * kc;
                        if (i < rows) {
                            memcpy(dst, A + (long)(m0 + i) * lda + k0, sizeof(float) * (size_t)kc);
                        } else {
                            memset(dst, 0, sizeof(float) * (size_t)kc);
                        }
                    }
                    for (int p = 0; p < kc; ++p) {
                        float *dst = bpack + (long)p * cols_pad;
                        memcpy(dst, B + (long)(k0 + p) * ldb + n0, sizeof(float) * (size_t)cols);
                        for (int j = cols; j < cols_pad; ++j) dst[j] = 0.0f;
                    }
                    for (int i = 0; i < rows_pad; i += MR) {
                        const int mr = rows - i < MR ? rows - i : MR;
                        for (int j = 0; j < cols_pad; j += NR) {
                            const int nr = cols - j < NR ? cols - j : NR;
                            float *c = C + (long)(m0 + i) * ldc + n0 + j;
                            if (k0 == 0 && mr == MR && nr == NR) {
                                micro_full(kc, apack + (long)i * kc, kc, bpack + j, cols_pad, c, ldc);
                                continue;
                            }
                            micro_full(kc, apack + (long)i * kc, kc, bpack + j, cols_pad, ctile, NR);
                            for (int r = 0; r < mr; ++r) {
                                float *crow = c + (long)r * ldc;
                                const float *trow = ctile + r * NR;
                                if (k0 == 0) {
                                    memcpy(crow, trow, sizeof(float) * (size_t)nr);
                                } else {
                                    for (int x = 0; x < nr; ++x) crow[x] += trow[x];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/* ---------------------------------------------------------------- conv --- */

/* Output positions ox in [lo, hi) read input column ox*stride + off inside [0, w). */
static void valid_range(int out_len, int in_len, int stride, int off, int *lo, int *hi)
{
    int a = off >= 0 ? 0 : (-off + stride - 1) / stride;
    int b = in_len - 1 - off < 0 ? 0 : (in_len - 1 - off) / stride + 1;
    if (b > out_len) b = out_len;
    if (a > b) a = b;
    *lo = a;
    *hi = b;
}

/* One input channel per group (depthwise-like): direct convolution per plane. */
static void conv_direct_depthwise(const dl_conv *c, const float *in, const float *wt, float *out)
{
    const int cout_g = c->cout / c->groups;
    const long in_plane = (long)c->h * c->w;
    const long out_plane = (long)c->ho * c->wo;
#pragma omp parallel for collapse(2) schedule(static)
    for (int n = 0; n < c->batch; ++n) {
        for (int co = 0; co < c->cout; ++co) {
            const int ci = co / cout_g;
            const float *src = in + ((long)n * c->cin + ci) * in_plane;
            const float *w = wt + (long)co * c->k * c->k;
            float *dst = out + ((long)n * c->cout + co) * out_plane;
            memset(dst, 0, sizeof(float) * (size_t)out_plane);
            for (int oy = 0; oy < c->ho; ++oy) {
                float *row = dst + (long)oy * c->wo;
                for (int ky = 0; ky < c->k; ++ky) {
                    int iy = oy * c->stride + ky - c->pad;
                    if (iy < 0 || iy >= c->h) continue;
                    const float *srow = src + (long)iy * c->w;
                    for (int kx = 0; kx < c->k; ++kx) {
                        int lo, hi;
                        valid_range(c->wo, c->w, c->stride, kx - c->pad, &lo, &hi);
                        const float wv = w[ky * c->k + kx];
                        const float *s0 = srow + kx - c->pad;
                        if (c->stride == 1) {
                            for (int ox = lo; ox < hi; ++ox) row[ox] += wv * s0[ox];
                        } else {
                            for (int ox = lo; ox < hi; ++ox) row[ox] += wv * s0[(long)ox * c->stride];
                        }
                    }
                }
            }
        }
    }
}

/* col[K x batch*ho*wo] from input channels channels[i] (or first + i when channels is NULL). */
static void im2col(const dl_conv *c, const float *in, const int *channels, int first, int n_ch, float *col)
{
    const int kk = c->k * c->k;
    const long in_channels = c->compact_in ? c->compact_in : c->cin;
    const int rows = n_ch * kk;
    const long hw = (long)c->ho * c->wo;
    const long ncols = hw * c->batch;
#pragma omp parallel for schedule(static)
    for (int r = 0; r < rows; ++r) {
        const int ci = channels ? channels[r / kk] : first + r / kk;
        const int ky = (r % kk) / c->k;
        const int kx = r % c->k;
        int lo, hi;
        valid_range(c->wo, c->w, c->stride, kx - c->pad, &lo, &hi);
        for (int n = 0; n < c->batch; ++n) {
            const float *src = in + ((long)n * in_channels + ci) * c->h * c->w;
            float *dst = col + (long)r * ncols + n * hw;
            for (int oy = 0; oy < c->ho; ++oy) {
                float *drow = dst + (long)oy * c->wo;
                int iy = oy * c->stride + ky - c->pad;
                if (iy < 0 || iy >= c->h) {
                    memset(drow, 0, sizeof(float) * (size_t)c->wo);
                    continue;
                }
                const float *s0 = src + (long)iy * c->w + kx - c->pad;
                for (int ox = 0; ox < lo; ++ox) drow[ox] = 0.0f;
                for (int ox = lo; ox < hi; ++ox) drow[ox] = s0[(long)ox * c->stride];
                for (int ox = hi; ox < c->wo; ++ox) drow[ox] = 0.0f;
            }
        }
    }
}

/*
 * General conv as im2col + GEMM, group by group. Handles dense, grouped,
 * patch (pad 0) and channel-skipping convs; for channel skipping the kept
 * weights are gathered first (part of the timed work, as in a real
 * implementation that indexes into the full weight tensor).
 */
static void conv_gemm(const dl_conv *c, const float *in, const float *wt, float *out, dl_scratch *sc)
{
    const int kk = c->k * c->k;
    const int cin_g = c->cin / c->groups;
    const int cout_g = c->cout / c->groups;
    const long hw = (long)c->ho * c->wo;
    const long ncols = hw * c->batch;
    const int skip = c->in_channels != NULL;
    const int n_in = skip ? c->n_in : cin_g;
    const int m = skip ? c->n_out_groups * c->group_size : cout_g;
    const int K = n_in * kk;
    const int out_channels = skip ? m : c->cout;
    const int pointwise = c->k == 1 && c->stride == 1 && c->pad == 0 && c->batch == 1 && !skip;

    for (int g = 0; g < c->groups; ++g) {
        const float *A = wt + (long)g * cout_g * cin_g * kk;
        if (skip) {
#pragma omp parallel for schedule(static)
            for (int i = 0; i < m; ++i) {
                int co = c->out_channels_groups[i / c->group_size] * c->group_size + i % c->group_size;
                for (int j = 0; j < n_in; ++j) {
                    memcpy(sc->wpack + ((long)i * n_in + j) * kk, wt + ((long)co * c->cin + c->in_channels[j]) * kk,
                           sizeof(float) * (size_t)kk);
                }
            }
            A = sc->wpack;
        }
        const float *B;
        if (pointwise) {
            B = in + (long)g * cin_g * hw; /* 1x1 stride-1 conv: the input already is the column matrix */
        } else {
            /* channel list for skipping; otherwise the group's channels are contiguous from g * cin_g */
            im2col(c, in, skip && !c->compact_in ? c->in_channels : NULL, skip ? 0 : g * cin_g, n_in, sc->col);
            B = sc->col;
        }
        if (c->batch == 1) {
            gemm(m, (int)ncols, K, A, K, B, ncols, out + (long)g * m * hw, hw, sc);
        } else {
            gemm(m, (int)ncols, K, A, K, B, ncols, sc->staging, ncols, sc);
#pragma omp parallel for collapse(2) schedule(static)
            for (int n = 0; n < c->batch; ++n) {
                for (int i = 0; i < m; ++i) {
                    memcpy(out + ((long)n * out_channels + (long)g * m + i) * hw, sc->staging + (long)i * ncols + n * hw,
                           sizeof(float) * (size_t)hw);
                }
            }
        }
    }
}

static void conv(const dl_conv *c, const float *in, const float *wt, float *out, dl_scratch *sc)
{
    if (c->in_channels == NULL && c->cin == c->groups) {
        conv_direct_depthwise(c, in, wt, out);
    } else {
        conv_gemm(c, in, wt, out, sc);
    }
}

/* ------------------------------------------------------------------ FC --- */

static void fully_connected(int batch, int cin, int cout, const float *in, const float *wt, float *out)
{
#pragma omp parallel for collapse(2) schedule(static)
    for (int n = 0; n < batch; ++n) {
        for (int co = 0; co < cout; ++co) {
            const float *x = in + (long)n * cin;
            const float *w = wt + (long)co * cin;
            float acc = 0.0f;
#pragma omp simd reduction(+ : acc)
            for (int i = 0; i < cin; ++i) acc += x[i] * w[i];
            out[(long)n * cout + co] = acc;
        }
    }
}

/* ------------------------------------------------------ gather/scatter --- */

static void patch_origin(const dl_shape *s, int patch, int *n, int *y0, int *x0)
{
    int per_image = s->grid_h * s->grid_w;
    int r = patch % per_image;
    *n = patch / per_image;
    *y0 = (r / s->grid_w) * s->s - s->halo;
    *x0 = (r % s->grid_w) * s->s - s->halo;
}

static void gather(const dl_shape *s, const int *patches, int n_patches, const float *in, float *out)
{
    const int side = s->s + 2 * s->halo;
#pragma omp parallel for collapse(2) schedule(static)
    for (int p = 0; p < n_patches; ++p) {
        for (int ch = 0; ch < s->c; ++ch) {
            int n, y0, x0;
            patch_origin(s, patches[p], &n, &y0, &x0);
            const float *plane = in + ((long)n * s->c + ch) * s->h * s->w;
            float *dst = out + ((long)p * s->c + ch) * side * side;
            int lo = x0 < 0 ? -x0 : 0;
            int hi = x0 + side > s->w ? s->w - x0 : side;
            for (int r = 0; r < side; ++r) {
                float *drow = dst + (long)r * side;
                int y = y0 + r;
                if (y < 0 || y >= s->h) {
                    memset(drow, 0, sizeof(float) * (size_t)side);
                    continue;
                }
                const float *srow = plane + (long)y * s->w + x0;
                for (int x = 0; x < lo; ++x) drow[x] = 0.0f;
                for (int x = lo; x < hi; ++x) drow[x] = srow[x];
                for (int x = hi; x < side; ++x) drow[x] = 0.0f;
            }
        }
    }
}

/* Adds (accumulate != 0) or copies one S x S patch channel into its map plane, clipped to the map. */
static void put_patch(const dl_shape *s, int y0, int x0, const float *src, float *plane, int accumulate)
{
    int rows = y0 + s->s > s->h ? s->h - y0 : s->s;
    int cols = x0 + s->s > s->w ? s->w - x0 : s->s;
    for (int r = 0; r < rows; ++r) {
        float *drow = plane + (long)(y0 + r) * s->w + x0;
        const float *srow = src + (long)r * s->s;
        if (accumulate) {
            for (int x = 0; x < cols; ++x) drow[x] += srow[x];
        } else {
            for (int x = 0; x < cols; ++x) drow[x] = srow[x];
        }
    }
}

/* Patches are unique (validated), so parallel writes never overlap. */
static void scatter(const dl_shape *s, const int *patches, int n_patches, const float *in, float *out)
{
    const long plane = (long)s->h * s->w;
#pragma omp parallel for collapse(2) schedule(static)
    for (int p = 0; p < n_patches; ++p) {
        for (int ch = 0; ch < s->c; ++ch) {
            int n, y0, x0;
            patch_origin(s, patches[p], &n, &y0, &x0);
            put_patch(s, y0, x0, in + ((long)p * s->c + ch) * s->s * s->s, out + ((long)n * s->c + ch) * plane, 0);
        }
    }
}

/* out = residual + scattered patches, one plane at a time so the add hits a plane still in cache. */
static void scatter_add(const dl_shape *s, const int *patches, int n_patches, const float *in, const float *residual,
                        float *out, dl_scratch *sc)
{
    const long plane = (long)s->h * s->w;
    const int per_image = s->grid_h * s->grid_w;
    /* counting sort of patches by image, so each plane visits only its own patches */
    for (int n = 0; n <= s->n; ++n) sc->image_start[n] = 0;
    for (int p = 0; p < n_patches; ++p) sc->image_start[patches[p] / per_image + 1]++;
    for (int n = 0; n < s->n; ++n) sc->image_start[n + 1] += sc->image_start[n];
    for (int p = 0; p < n_patches; ++p) {
        int n = patches[p] / per_image;
        int slot = sc->image_start[n]++;
        sc->patch_order[slot] = p;
    }
    for (int n = s->n; n > 0; --n) sc->image_start[n] = sc->image_start[n - 1];
    sc->image_start[0] = 0;

#pragma omp parallel for collapse(2) schedule(static)
    for (int n = 0; n < s->n; ++n) {
        for (int ch = 0; ch < s->c; ++ch) {
            float *dst = out + ((long)n * s->c + ch) * plane;
            memcpy(dst, residual + ((long)n * s->c + ch) * plane, sizeof(float) * (size_t)plane);
            for (int q = sc->image_start[n]; q < sc->image_start[n + 1]; ++q) {
                int p = sc->patch_order[q];
                int pn, y0, x0;
                patch_origin(s, patches[p], &pn, &y0, &x0);
                put_patch(s, y0, x0, in + ((long)p * s->c + ch) * s->s * s->s, dst, 1);
            }
        }
    }
}

/* ------------------------------------------------------ pooling / add --- */

static void avg_pool(const dl_shape *s, int k, int stride, const float *in, float *out)
{
    const int ho = (s->h - k) / stride + 1;
    const int wo = (s->w - k) / stride + 1;
    const float scale = 1.0f / (float)(k * k);
#pragma omp parallel for collapse(2) schedule(static)
    for (int n = 0; n < s->n; ++n) {
        for (int ch = 0; ch < s->c; ++ch) {
            const float *src = in + ((long)n * s->c + ch) * s->h * s->w;
            float *dst = out + ((long)n * s->c + ch) * ho * wo;
            for (int oy = 0; oy < ho; ++oy) {
                float *drow = dst + (long)oy * wo;
                for (int ox = 0; ox < wo; ++ox) drow[ox] = 0.0f;
                for (int ky = 0; ky < k; ++ky) {
                    const float *srow = src + (long)(oy * stride + ky) * s->w;
                    for (int kx = 0; kx < k; ++kx) {
                        for (int ox = 0; ox < wo; ++ox) drow[ox] += srow[(long)ox * stride + kx];
                    }
                }
                for (int ox = 0; ox < wo; ++ox) drow[ox] *= scale;
            }
        }
    }
}

static void global_avg_pool(const dl_shape *s, const float *in, float *out)
{
    const long plane = (long)s->h * s->w;
#pragma omp parallel for collapse(2) schedule(static)
    for (int n = 0; n < s->n; ++n) {
        for (int ch = 0; ch < s->c; ++ch) {
            const float *src = in + ((long)n * s->c + ch) * plane;
            float acc = 0.0f;
#pragma omp simd reduction(+ : acc)
            for (long i = 0; i < plane; ++i) acc += src[i];
            out[(long)n * s->c + ch] = acc / (float)plane;
        }
    }
}

static void add(size_t len, const float *a, const float *b, float *out)
{
#pragma omp parallel for simd schedule(static)
    for (long long i = 0; i < (long long)len; ++i) out[i] = a[i] + b[i];
}

/* ---------------------------------------------------------- dispatcher --- */

void FN(dl_cpu_run)(const dl_desc *d, const dl_shape *s, float *const *ops, float *out, dl_scratch *sc)
{
    switch (d->kind) {
    case DL_CONV2D:
    case DL_PATCH_CONV:
    case DL_CHANNEL_SKIP_CONV:
        conv(&s->conv, ops[0], ops[1], out, sc);
        break;
    case DL_FC:
        fully_connected(d->dims[0], d->dims[1], d->dims[2], ops[0], ops[1], out);
        break;
    case DL_GATHER:
        gather(s, d->list_a, d->n_a, ops[0], out);
        break;
    case DL_SCATTER:
        scatter(s, d->list_a, d->n_a, ops[0], out);
        break;
    case DL_SCATTER_ADD:
        scatter_add(s, d->list_a, d->n_a, ops[0], ops[1], out, sc);
        break;
    case DL_AVG_POOL:
        avg_pool(s, d->dims[4], d->dims[5], ops[0], out);
        break;
    case DL_GLOBAL_AVG_POOL:
        global_avg_pool(s, ops[0], out);
        break;
    case DL_ADD:
        add(s->output_len, ops[0], ops[1], out);
        break;
    default:
        break; /* unreachable: dl_shape_of rejected the kind */
    }
}

/* -------------------------------------------------------------- probes --- */

/* Chains per thread: enough independent accumulators to cover FMA latency x pipes. */
#if defined(__AVX__)
#define CHAINS 10
#else
#define CHAINS 12
#endif

volatile float FN(dl_fma_sink);

int FN(dl_cpu_fma_lanes)(void)
{
    return CHAINS * VL;
}

/* Runs `iterations` rounds of CHAINS independent vector multiply-adds per thread; returns FLOP done. */
double FN(dl_cpu_fma)(long long iterations, float seed_value)
{
    double flops = 0.0;
    float sink = 0.0f;
#pragma omp parallel reduction(+ : flops, sink)
    {
        vec acc[CHAINS];
        for (int j = 0; j < CHAINS; ++j) acc[j] = (vec){0} + seed_value * (float)(j + 1);
        /* multiplier just below one keeps values finite over many iterations */
        const vec m = (vec){0} + 0.999999f;
        const vec a = (vec){0} + 1e-7f;
        for (long long it = 0; it < iterations; ++it) {
            for (int j = 0; j < CHAINS; ++j) acc[j] = acc[j] * m + a;
        }
        vec total = (vec){0};
        for (int j = 0; j < CHAINS; ++j) total += acc[j];
        for (int l = 0; l < VL; ++l) sink += total[l];
        flops += 2.0 * (double)iterations * CHAINS * VL;
    }
    /* the sink goes to a volatile so the loop cannot be removed */
    FN(dl_fma_sink) = sink;
    return flops;
}

/* One pass of the given stream pattern over n floats; returns a checksum-like value. */
double FN(dl_cpu_stream)(int mode, float *a, float *b, size_t n)
{
    double sum = 0.0;
    if (mode == DL_STREAM_READ) {
        float acc = 0.0f;
#pragma omp parallel for simd reduction(+ : acc) schedule(static)
        for (long long i = 0; i < (long long)n; ++i) acc += a[i];
        sum = acc;
    } else if (mode == DL_STREAM_WRITE) {
#pragma omp parallel for simd schedule(static)
        for (long long i = 0; i < (long long)n; ++i) a[i] = 1.0f;
    } else {
#pragma omp parallel for simd schedule(static)
        for (long long i = 0; i < (long long)n; ++i) b[i] = a[i];
    }
    return sum;
}
