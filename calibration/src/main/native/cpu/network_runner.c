/*
 * Whole-network execution (class dev.dynlat.calibration.network.NetworkNative).
 *
 * A program is a list of steps, each one kernel reading one or two buffer slices and writing one,
 * built in Java from the predictor's lowering. Buffers and the weights of every step are
 * allocated and seeded once when the program is loaded; running it executes the steps in order
 * with no allocation and no return to Java, so a timed run is one native sequence, the way an
 * inference engine runs a network.
 *
 * Conv, fc, gather, scatter-add, pooling and add steps are the calibration kernels (the ISA build
 * chosen at load time); max-pool and squeeze-excitation, which the calibration suite does not
 * time on their own, are written here.
 */
#define _POSIX_C_SOURCE 200809L
#include <jni.h>
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_kernels.h"
#include "dl_desc.h"

#define BACKEND_EXCEPTION "dev/dynlat/calibration/backend/BackendException"

/* Step kinds beyond dl_kind; must match dev.dynlat.calibration.network.StepKind#code. */
enum { NR_MAX_POOL = 20, NR_SE = 21, NR_PATCH_SE = 22 };

/* Ints per step record; must match dev.dynlat.calibration.network.NetworkProgram#STEP_INTS. */
#define NR_STEP_INTS 32
enum {
    F_KIND = 0, F_NDIMS = 1, F_DIMS = 2, /* 12 dims */
    F_IN0 = 14, F_IN0_OFF = 15, F_IN1 = 16, F_IN1_OFF = 17, F_OUT = 18, F_OUT_OFF = 19,
    F_W_OFF = 20, F_W_LEN = 21, F_LA_OFF = 22, F_LA_N = 23, F_LB_OFF = 24, F_LB_N = 25, F_COMPACT = 26
};

typedef struct {
    int kind;
    dl_desc desc;
    dl_shape shape;
    float *in0, *in1, *out, *w;
    size_t out_len;
} nr_step;

typedef struct {
    int n_steps;
    nr_step *steps;
    int n_buffers;
    float **buffers;
    size_t *buffer_len;
    float *weights;
    int *lists;
    dl_scratch scratch;
    float *se_scratch; /* pooled, gates and hidden units of the largest SE step */
    int *se_first;     /* per-image first patch of a patch-wise SE step */
} nr_program;

static void throw_named(JNIEnv *env, const char *cls, const char *msg)
{
    jclass c = (*env)->FindClass(env, cls);
    if (c != NULL) (*env)->ThrowNew(env, c, msg);
}

static float *alloc_floats(size_t n)
{
    size_t bytes = (n == 0 ? 1 : n) * sizeof(float);
    bytes = (bytes + 63) & ~(size_t)63;
    return aligned_alloc(64, bytes);
}

static void program_free(nr_program *p)
{
    if (p == NULL) return;
    if (p->buffers) {
        for (int i = 0; i < p->n_buffers; ++i) free(p->buffers[i]);
    }
    free(p->buffers);
    free(p->buffer_len);
    free(p->steps);
    free(p->weights);
    free(p->lists);
    free(p->scratch.col);
    free(p->scratch.wpack);
    free(p->scratch.staging);
    free(p->scratch.patch_order);
    free(p->scratch.image_start);
    free(p->scratch.gemm_pack);
    free(p->se_scratch);
    free(p->se_first);
    free(p);
}

/* ------------------------------------------------------- own kernels --- */

/* dims: N, C, H, W, k, stride, pad; padding reads as -inf. */
static void max_pool(const int *v, const float *in, float *out)
{
    const int n_img = v[0], ch = v[1], h = v[2], w = v[3], k = v[4], st = v[5], pad = v[6];
    const int ho = (h + 2 * pad - k) / st + 1, wo = (w + 2 * pad - k) / st + 1;
#pragma omp parallel for collapse(2) schedule(static)
    for (int n = 0; n < n_img; ++n) {
        for (int c = 0; c < ch; ++c) {
            const float *src = in + ((long)n * ch + c) * h * w;
            float *dst = out + ((long)n * ch + c) * ho * wo;
            for (int oy = 0; oy < ho; ++oy) {
                for (int ox = 0; ox < wo; ++ox) {
                    float m = -INFINITY;
                    for (int ky = 0; ky < k; ++ky) {
                        int iy = oy * st + ky - pad;
                        if (iy < 0 || iy >= h) continue;
                        for (int kx = 0; kx < k; ++kx) {
                            int ix = ox * st + kx - pad;
                            if (ix < 0 || ix >= w) continue;
                            float x = src[(long)iy * w + ix];
                            m = x > m ? x : m;
                        }
                    }
                    dst[(long)oy * wo + ox] = m;
                }
            }
        }
    }
}

/*
 * Squeeze-excitation over a batch: per image and channel the mean of its planes (pooled), fc C ->
 * squeeze with ReLU, fc squeeze -> C with a sigmoid, then every plane of the channel scaled by
 * its gate. Weights: w1 [sq x C] then w2 [C x sq]. Pooling is over `planes_of` planes per image:
 * the whole map, or the image's active patches (patch-wise). One parallel region, four loops.
 *
 * first[n] .. first[n + 1] are the planes-groups (patches) of image n when patch-wise; NULL for
 * whole maps (one group per image).
 */
static void se_batch(int n_img, int ch, int sq, long plane, const int *first, float *x, const float *w,
                     float *pooled, float *hidden, float *gate)
{
    const float *w1 = w, *w2 = w + (size_t)sq * ch;
#pragma omp parallel
    {
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < n_img; ++n) {
            for (int c = 0; c < ch; ++c) {
                int q0 = first ? first[n] : n, q1 = first ? first[n + 1] : n + 1;
                float acc = 0.0f;
                for (int q = q0; q < q1; ++q) {
                    const float *src = x + ((long)q * ch + c) * plane;
                    for (long i = 0; i < plane; ++i) acc += src[i];
                }
                long count = (long)(q1 - q0) * plane;
                pooled[(long)n * ch + c] = count > 0 ? acc / (float)count : 0.0f;
            }
        }
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < n_img; ++n) {
            for (int j = 0; j < sq; ++j) {
                float acc = 0.0f;
                const float *p = pooled + (long)n * ch;
                for (int c = 0; c < ch; ++c) acc += w1[(long)j * ch + c] * p[c];
                hidden[(long)n * sq + j] = acc > 0.0f ? acc : 0.0f;
            }
        }
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < n_img; ++n) {
            for (int c = 0; c < ch; ++c) {
                float acc = 0.0f;
                const float *h = hidden + (long)n * sq;
                for (int j = 0; j < sq; ++j) acc += w2[(long)c * sq + j] * h[j];
                gate[(long)n * ch + c] = 1.0f / (1.0f + expf(-acc));
            }
        }
#pragma omp for collapse(2) schedule(static)
        for (int n = 0; n < n_img; ++n) {
            for (int c = 0; c < ch; ++c) {
                int q0 = first ? first[n] : n, q1 = first ? first[n + 1] : n + 1;
                const float g = gate[(long)n * ch + c];
                for (int q = q0; q < q1; ++q) {
                    float *dst = x + ((long)q * ch + c) * plane;
                    for (long i = 0; i < plane; ++i) dst[i] *= g;
                }
            }
        }
    }
}

/* dims: N, C, H, W, squeeze. In place on `x`. */
static void squeeze_excitation(const int *v, float *x, const float *w, float *scratch)
{
    const int n_img = v[0], ch = v[1], sq = v[4];
    float *pooled = scratch, *gate = scratch + (size_t)n_img * ch, *hidden = gate + (size_t)n_img * ch;
    se_batch(n_img, ch, sq, (long)v[2] * v[3], NULL, x, w, pooled, hidden, gate);
}

/*
 * dims: N, C, S, patches per image, squeeze; list_a = the patch indices, ascending (image = index /
 * per image), of the patch tensor [P, C, S, S]. Pools each image over its own active patches. In place.
 */
static void patch_squeeze_excitation(const int *v, const int *patches, int n_patches, float *x, const float *w,
                                     float *scratch, int *first)
{
    const int n_img = v[0], ch = v[1], s = v[2], per_image = v[3], sq = v[4];
    int q = 0;
    for (int n = 0; n <= n_img; ++n) {
        while (q < n_patches && patches[q] / per_image < n) ++q;
        first[n] = q;
    }
    float *pooled = scratch, *gate = scratch + (size_t)n_img * ch, *hidden = gate + (size_t)n_img * ch;
    se_batch(n_img, ch, sq, (long)s * s, first, x, w, pooled, hidden, gate);
}

/* ------------------------------------------------------------ loading --- */

static int fail(char *err, size_t len, int step, const char *what, long long value)
{
    snprintf(err, len, "step %d: invalid %s: %lld", step, what, value);
    return -1;
}

/* Checks that slice [off, off + n) lies in buffer b; returns its start or NULL (err set). */
static float *slice(nr_program *p, int step, int b, int off, size_t n, const char *what, char *err, size_t len)
{
    if (b < 0 || b >= p->n_buffers) {
        fail(err, len, step, what, b);
        return NULL;
    }
    if (off < 0 || (size_t)off + n > p->buffer_len[b]) {
        snprintf(err, len, "step %d: %s slice [%d, +%zu) outside buffer %d of %zu floats", step, what, off, n, b,
                 p->buffer_len[b]);
        return NULL;
    }
    return p->buffers[b] + off;
}

/* Scratch sizes of all steps: the kernels' (dl_scratch_sizes) and the SE steps'. */
typedef struct {
    size_t col, wpack, staging, patch_order, image_start, gemm_pack, gemm_pack_stride;
    size_t se_floats, se_images;
} nr_needs;

static void grow(size_t *have, size_t want)
{
    if (want > *have) *have = want;
}

/* Validates one step and resolves its pointers. */
static int load_step(nr_program *p, int i, const int *r, size_t weight_len, int n_lists, nr_needs *need,
                     char *err, size_t len)
{
    nr_step *st = &p->steps[i];
    memset(st, 0, sizeof(*st));
    st->kind = r[F_KIND];
    int nd = r[F_NDIMS];
    if (nd < 0 || nd > DL_MAX_DIMS) return fail(err, len, i, "dimension count", nd);
    st->desc.kind = st->kind;
    st->desc.n_dims = nd;
    memcpy(st->desc.dims, r + F_DIMS, sizeof(int) * (size_t)nd);
    for (int d = 0; d < nd; ++d) {
        if (st->desc.dims[d] < 0) return fail(err, len, i, "negative dimension", st->desc.dims[d]);
    }
    if (r[F_LA_N] < 0 || r[F_LA_OFF] < 0 || (long long)r[F_LA_OFF] + r[F_LA_N] > n_lists
        || r[F_LB_N] < 0 || r[F_LB_OFF] < 0 || (long long)r[F_LB_OFF] + r[F_LB_N] > n_lists) {
        return fail(err, len, i, "index list range", r[F_LA_OFF]);
    }
    st->desc.list_a = r[F_LA_N] ? p->lists + r[F_LA_OFF] : NULL;
    st->desc.n_a = r[F_LA_N];
    st->desc.list_b = r[F_LB_N] ? p->lists + r[F_LB_OFF] : NULL;
    st->desc.n_b = r[F_LB_N];
    const int *v = st->desc.dims;
    size_t in0_len = 0, in1_len = 0, w_len = 0;
    int uses_in1 = 0, uses_w = 0;
    if (st->kind == NR_MAX_POOL) {
        if (nd != 7 || v[0] <= 0 || v[1] <= 0 || v[4] <= 0 || v[5] <= 0 || v[6] >= v[4]
            || v[2] + 2 * v[6] < v[4] || v[3] + 2 * v[6] < v[4]) {
            return fail(err, len, i, "max-pool dims", nd);
        }
        in0_len = (size_t)v[0] * v[1] * v[2] * v[3];
        st->out_len = (size_t)v[0] * v[1] * ((v[2] + 2 * v[6] - v[4]) / v[5] + 1) * ((v[3] + 2 * v[6] - v[4]) / v[5] + 1);
    } else if (st->kind == NR_SE || st->kind == NR_PATCH_SE) {
        if (nd != 5 || v[0] <= 0 || v[1] <= 0 || v[2] <= 0 || v[3] <= 0 || v[4] <= 0 || v[1] > 8192 || v[4] > 8192) {
            return fail(err, len, i, "squeeze-excitation dims", nd);
        }
        if (st->kind == NR_SE) {
            in0_len = (size_t)v[0] * v[1] * v[2] * v[3];
        } else {
            for (int q = 0; q < st->desc.n_a; ++q) {
                if (st->desc.list_a[q] < 0 || st->desc.list_a[q] >= v[0] * v[3]) {
                    return fail(err, len, i, "patch index", st->desc.list_a[q]);
                }
            }
            in0_len = (size_t)st->desc.n_a * v[1] * v[2] * v[2];
        }
        st->out_len = in0_len;
        w_len = 2 * (size_t)v[1] * v[4];
        uses_w = 1;
        if (st->kind == NR_PATCH_SE) {
            for (int q = 1; q < st->desc.n_a; ++q) {
                if (st->desc.list_a[q] <= st->desc.list_a[q - 1]) return fail(err, len, i, "unsorted patch", q);
            }
        }
        grow(&need->se_floats, (size_t)v[0] * (2 * (size_t)v[1] + (size_t)v[4]));
        grow(&need->se_images, (size_t)v[0] + 1);
    } else {
        if (dl_shape_of(&st->desc, &st->shape, err, len)) {
            char inner[DL_ERR_LEN];
            snprintf(inner, sizeof inner, "%s", err);
            snprintf(err, len, "step %d: %.200s", i, inner);
            return -1;
        }
        if (r[F_COMPACT]) {
            if (st->kind != DL_CHANNEL_SKIP_CONV) return fail(err, len, i, "compact input on kind", st->kind);
            st->shape.conv.compact_in = st->desc.n_b;
            st->shape.operand_len[0] = (size_t)st->shape.conv.batch * st->desc.n_b * st->shape.conv.h * st->shape.conv.w;
        }
        in0_len = st->shape.operand_len[0];
        st->out_len = st->shape.output_len;
        int weighted = st->shape.is_conv || st->kind == DL_FC;
        if (weighted) {
            w_len = st->shape.operand_len[1];
            uses_w = 1;
        } else if (st->shape.n_operands == 2) {
            in1_len = st->shape.operand_len[1];
            uses_in1 = 1;
        }
        dl_scratch_sizes ss;
        dl_cpu_scratch_sizes(&st->desc, &st->shape, &ss);
        grow(&need->col, ss.col);
        grow(&need->wpack, ss.wpack);
        grow(&need->staging, ss.staging);
        grow(&need->patch_order, ss.patch_order);
        grow(&need->image_start, ss.image_start);
        grow(&need->gemm_pack, ss.gemm_pack);
        grow(&need->gemm_pack_stride, ss.gemm_pack_stride);
    }
    if ((st->in0 = slice(p, i, r[F_IN0], r[F_IN0_OFF], in0_len, "input", err, len)) == NULL) return -1;
    if ((st->out = slice(p, i, r[F_OUT], r[F_OUT_OFF], st->out_len, "output", err, len)) == NULL) return -1;
    if (uses_in1 && (st->in1 = slice(p, i, r[F_IN1], r[F_IN1_OFF], in1_len, "second input", err, len)) == NULL) {
        return -1;
    }
    if (uses_w) {
        if ((size_t)r[F_W_LEN] != w_len || r[F_W_OFF] < 0 || (size_t)r[F_W_OFF] + w_len > weight_len) {
            return fail(err, len, i, "weight slice length", r[F_W_LEN]);
        }
        st->w = p->weights + r[F_W_OFF];
    }
    return 0;
}

static void run_step(nr_program *p, dl_run_fn run, const nr_step *st)
{
    switch (st->kind) {
    case NR_MAX_POOL:
        max_pool(st->desc.dims, st->in0, st->out);
        return;
    case NR_SE:
        if (st->out != st->in0) memcpy(st->out, st->in0, sizeof(float) * st->out_len);
        squeeze_excitation(st->desc.dims, st->out, st->w, p->se_scratch);
        return;
    case NR_PATCH_SE:
        if (st->out != st->in0) memcpy(st->out, st->in0, sizeof(float) * st->out_len);
        patch_squeeze_excitation(st->desc.dims, st->desc.list_a, st->desc.n_a, st->out, st->w, p->se_scratch,
                                 p->se_first);
        return;
    default: {
        float *ops[DL_MAX_OPERANDS] = {st->in0, st->w != NULL ? st->w : st->in1, NULL};
        run(&st->desc, &st->shape, ops, st->out, &p->scratch);
    }
    }
}

static void program_run(nr_program *p, double *step_seconds)
{
    dl_run_fn run = dl_cpu_active_run();
    for (int i = 0; i < p->n_steps; ++i) {
        if (step_seconds) {
            double t0 = dl_now_seconds();
            run_step(p, run, &p->steps[i]);
            step_seconds[i] += dl_now_seconds() - t0;
        } else {
            run_step(p, run, &p->steps[i]);
        }
    }
}

static nr_program *handle_of(JNIEnv *env, jlong handle)
{
    if (handle == 0) {
        throw_named(env, "java/lang/IllegalStateException", "network program already closed");
        return NULL;
    }
    return (nr_program *)(intptr_t)handle;
}

JNIEXPORT jlong JNICALL Java_dev_dynlat_calibration_network_NetworkNative_load(
    JNIEnv *env, jclass cls, jintArray steps, jlongArray buffer_lengths, jintArray lists, jfloatArray weight_scales,
    jlongArray weight_offsets, jlong weight_total, jintArray seeded_buffers, jlong seed)
{
    (void)cls;
    char err[DL_ERR_LEN] = "";
    jsize n_ints = (*env)->GetArrayLength(env, steps);
    if (n_ints % NR_STEP_INTS != 0 || weight_total < 0 || weight_total > ((jlong)1 << 31)) {
        throw_named(env, "java/lang/IllegalArgumentException", "malformed network program");
        return 0;
    }
    nr_program *p = calloc(1, sizeof(nr_program));
    if (p == NULL) {
        throw_named(env, BACKEND_EXCEPTION, "cpu backend: out of memory");
        return 0;
    }
    p->n_steps = n_ints / NR_STEP_INTS;
    p->n_buffers = (*env)->GetArrayLength(env, buffer_lengths);
    jsize n_lists = (*env)->GetArrayLength(env, lists);
    jsize n_scales = (*env)->GetArrayLength(env, weight_scales);
    int *records = malloc(sizeof(int) * (size_t)(n_ints + 1));
    jlong *lens = malloc(sizeof(jlong) * (size_t)(p->n_buffers + 1));
    jlong *w_offsets = malloc(sizeof(jlong) * (size_t)(n_scales + 1));
    float *scales = malloc(sizeof(float) * (size_t)(n_scales + 1));
    p->steps = calloc((size_t)p->n_steps + 1, sizeof(nr_step));
    p->buffers = calloc((size_t)p->n_buffers + 1, sizeof(float *));
    p->buffer_len = calloc((size_t)p->n_buffers + 1, sizeof(size_t));
    p->lists = malloc(sizeof(int) * (size_t)(n_lists + 1));
    p->weights = alloc_floats((size_t)weight_total);
    int ok = records && lens && w_offsets && scales && p->steps && p->buffers && p->buffer_len && p->lists
        && p->weights && (*env)->GetArrayLength(env, weight_offsets) == n_scales;
    if (ok) {
        (*env)->GetIntArrayRegion(env, steps, 0, n_ints, records);
        (*env)->GetLongArrayRegion(env, buffer_lengths, 0, p->n_buffers, lens);
        (*env)->GetIntArrayRegion(env, lists, 0, n_lists, p->lists);
        (*env)->GetFloatArrayRegion(env, weight_scales, 0, n_scales, scales);
        (*env)->GetLongArrayRegion(env, weight_offsets, 0, n_scales, w_offsets);
        for (int b = 0; b < p->n_buffers && ok; ++b) {
            if (lens[b] <= 0 || lens[b] > ((jlong)1 << 31)) {
                snprintf(err, sizeof err, "buffer %d: invalid length %lld", b, (long long)lens[b]);
                ok = 0;
                break;
            }
            p->buffer_len[b] = (size_t)lens[b];
            p->buffers[b] = alloc_floats(p->buffer_len[b]);
            if (p->buffers[b] == NULL) {
                snprintf(err, sizeof err, "buffer %d: allocation of %lld floats failed", b, (long long)lens[b]);
                ok = 0;
                break;
            }
            /* zero, so scatter-style writes and unseeded buffers read deterministically */
            memset(p->buffers[b], 0, sizeof(float) * p->buffer_len[b]);
        }
    } else if (err[0] == 0) {
        snprintf(err, sizeof err, "cpu backend: out of memory loading the network program");
    }
    nr_needs need;
    memset(&need, 0, sizeof need);
    for (int i = 0; ok && i < p->n_steps; ++i) {
        ok = load_step(p, i, records + (size_t)i * NR_STEP_INTS, (size_t)weight_total, n_lists, &need, err,
                       sizeof err) == 0;
    }
    if (ok) {
        /* weights: one seeded region per weighted step, scaled by 1/sqrt(fan-in)-style factors from Java */
        for (int s = 0; s < n_scales && ok; ++s) {
            jlong start = w_offsets[s], end = s + 1 < n_scales ? w_offsets[s + 1] : weight_total;
            if (start < 0 || end < start || end > weight_total) {
                snprintf(err, sizeof err, "weight region %d: invalid offsets", s);
                ok = 0;
                break;
            }
            float *w = p->weights + start;
            size_t n = (size_t)(end - start);
            dl_fill_seeded(w, n, (uint64_t)seed, 1000 + s);
            const float f = scales[s];
            for (size_t q = 0; q < n; ++q) w[q] *= f;
        }
        jsize n_seeded = (*env)->GetArrayLength(env, seeded_buffers);
        for (int q = 0; q < n_seeded && ok; ++q) {
            jint b;
            (*env)->GetIntArrayRegion(env, seeded_buffers, q, 1, &b);
            if (b < 0 || b >= p->n_buffers) {
                snprintf(err, sizeof err, "seeded buffer %d does not exist", b);
                ok = 0;
                break;
            }
            dl_fill_seeded(p->buffers[b], p->buffer_len[b], (uint64_t)seed, q);
        }
    }
    if (ok) {
        int all = 1;
        if (need.col) all = all && (p->scratch.col = alloc_floats(need.col)) != NULL;
        if (need.wpack) all = all && (p->scratch.wpack = alloc_floats(need.wpack)) != NULL;
        if (need.staging) all = all && (p->scratch.staging = alloc_floats(need.staging)) != NULL;
        if (need.patch_order) all = all && (p->scratch.patch_order = malloc(sizeof(int) * need.patch_order)) != NULL;
        if (need.image_start) all = all && (p->scratch.image_start = malloc(sizeof(int) * need.image_start)) != NULL;
        if (need.gemm_pack) all = all && (p->scratch.gemm_pack = alloc_floats(need.gemm_pack)) != NULL;
        if (need.se_floats) all = all && (p->se_scratch = alloc_floats(need.se_floats)) != NULL;
        if (need.se_images) all = all && (p->se_first = malloc(sizeof(int) * need.se_images)) != NULL;
        p->scratch.gemm_pack_stride = need.gemm_pack_stride;
        if (!all) {
            snprintf(err, sizeof err, "cpu backend: scratch allocation failed");
            ok = 0;
        }
    }
    free(records);
    free(lens);
    free(w_offsets);
    free(scales);
    if (!ok) {
        program_free(p);
        throw_named(env, "java/lang/IllegalArgumentException", err);
        return 0;
    }
    return (jlong)(intptr_t)p;
}

/* Seconds of each of `runs` whole-program runs after `warmup` untimed ones. */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_network_NetworkNative_time(JNIEnv *env, jclass cls,
                                                                                     jlong handle, jint warmup,
                                                                                     jint runs)
{
    (void)cls;
    nr_program *p = handle_of(env, handle);
    if (p == NULL) return NULL;
    if (warmup < 0 || runs <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "warmup must be >= 0 and runs > 0");
        return NULL;
    }
    double *times = malloc(sizeof(double) * (size_t)runs);
    jdoubleArray result = times ? (*env)->NewDoubleArray(env, runs) : NULL;
    if (result == NULL) {
        free(times);
        if (!(*env)->ExceptionCheck(env)) throw_named(env, BACKEND_EXCEPTION, "cpu backend: out of memory");
        return NULL;
    }
    for (int i = 0; i < warmup; ++i) program_run(p, NULL);
    for (int i = 0; i < runs; ++i) {
        double t0 = dl_now_seconds();
        program_run(p, NULL);
        times[i] = dl_now_seconds() - t0;
    }
    (*env)->SetDoubleArrayRegion(env, result, 0, runs, times);
    free(times);
    return result;
}

/* Per-step seconds summed over `runs` runs (timer around each step; for per-stage breakdowns). */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_network_NetworkNative_profile(JNIEnv *env, jclass cls,
                                                                                        jlong handle, jint runs)
{
    (void)cls;
    nr_program *p = handle_of(env, handle);
    if (p == NULL) return NULL;
    if (runs <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "runs must be > 0");
        return NULL;
    }
    double *sums = calloc((size_t)p->n_steps + 1, sizeof(double));
    jdoubleArray result = sums ? (*env)->NewDoubleArray(env, p->n_steps) : NULL;
    if (result == NULL) {
        free(sums);
        if (!(*env)->ExceptionCheck(env)) throw_named(env, BACKEND_EXCEPTION, "cpu backend: out of memory");
        return NULL;
    }
    for (int i = 0; i < runs; ++i) program_run(p, sums);
    (*env)->SetDoubleArrayRegion(env, result, 0, p->n_steps, sums);
    free(sums);
    return result;
}

JNIEXPORT void JNICALL Java_dev_dynlat_calibration_network_NetworkNative_run(JNIEnv *env, jclass cls, jlong handle)
{
    (void)cls;
    nr_program *p = handle_of(env, handle);
    if (p != NULL) program_run(p, NULL);
}

JNIEXPORT jfloatArray JNICALL Java_dev_dynlat_calibration_network_NetworkNative_buffer(JNIEnv *env, jclass cls,
                                                                                      jlong handle, jint b)
{
    (void)cls;
    nr_program *p = handle_of(env, handle);
    if (p == NULL) return NULL;
    if (b < 0 || b >= p->n_buffers || p->buffer_len[b] > 0x7fffffef) {
        throw_named(env, "java/lang/IllegalArgumentException", "no such buffer");
        return NULL;
    }
    jfloatArray result = (*env)->NewFloatArray(env, (jsize)p->buffer_len[b]);
    if (result != NULL) (*env)->SetFloatArrayRegion(env, result, 0, (jsize)p->buffer_len[b], p->buffers[b]);
    return result;
}

JNIEXPORT void JNICALL Java_dev_dynlat_calibration_network_NetworkNative_free(JNIEnv *env, jclass cls, jlong handle)
{
    (void)env;
    (void)cls;
    program_free((nr_program *)(intptr_t)handle);
}

JNIEXPORT void JNICALL Java_dev_dynlat_calibration_network_NetworkNative_setFault(JNIEnv *env, jclass cls, jint mode)
{
    (void)env;
    (void)cls;
    dl_fault_mode = mode;
}
