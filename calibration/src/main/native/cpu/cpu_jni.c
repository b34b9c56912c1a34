/*
 * JNI entry points of libdynlat_cpu (class dev.dynlat.calibration.backend.CpuNative).
 *
 * Every buffer is allocated here from sizes recomputed by dl_shape_of, so Java
 * never hands native code a buffer whose size it could get wrong. Failures are
 * thrown as Java exceptions (ThrowNew) and the function returns immediately.
 */
#define _POSIX_C_SOURCE 200809L
#include <jni.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_kernels.h"
#include "dl_desc.h"

#define BACKEND_EXCEPTION "dev/dynlat/calibration/backend/BackendException"

static void throw_named(JNIEnv *env, const char *cls, const char *msg)
{
    jclass c = (*env)->FindClass(env, cls);
    if (c != NULL) {
        (*env)->ThrowNew(env, c, msg);
    }
}

static float *alloc_floats(size_t n)
{
    size_t bytes = (n == 0 ? 1 : n) * sizeof(float);
    bytes = (bytes + 63) & ~(size_t)63; /* aligned_alloc needs a multiple of the alignment */
    return aligned_alloc(64, bytes);
}

int dl_fault_mode = 0;

/* Picks the widest build the running CPU supports (AVX-512, then AVX2+FMA, then SSE4.2); decided once. */
typedef struct {
    void (*run)(const dl_desc *, const dl_shape *, float *const *, float *, dl_scratch *);
    double (*fma)(long long, float);
    double (*stream)(int, float *, float *, size_t);
    const char *name;
} isa_table;

static const isa_table *isa(void)
{
    static isa_table table;
    static int ready;
    if (!ready) {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
            && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl")) {
            table = (isa_table){dl_cpu_run_v4, dl_cpu_fma_v4, dl_cpu_stream_v4, "x86-64-v4"};
        } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
            table = (isa_table){dl_cpu_run_v3, dl_cpu_fma_v3, dl_cpu_stream_v3, "x86-64-v3"};
        } else {
            table = (isa_table){dl_cpu_run_v2, dl_cpu_fma_v2, dl_cpu_stream_v2, "x86-64-v2"};
        }
        ready = 1;
    }
    return &table;
}

dl_run_fn dl_cpu_active_run(void)
{
    return isa()->run;
}

/* Resolve the ISA once at load time, before any concurrent kernel call can ask for it. */
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved)
{
    (void)vm;
    (void)reserved;
    isa();
    return JNI_VERSION_1_8;
}

void dl_cpu_scratch_sizes(const dl_desc *d, const dl_shape *s, dl_scratch_sizes *out)
{
    memset(out, 0, sizeof(*out));
    if (s->is_conv) {
        const dl_conv *c = &s->conv;
        int skip = c->in_channels != NULL;
        size_t n_in = skip ? (size_t)c->n_in : (size_t)(c->cin / c->groups);
        size_t m = skip ? (size_t)c->n_out_groups * c->group_size : (size_t)(c->cout / c->groups);
        size_t kk = (size_t)c->k * c->k;
        size_t ncols = (size_t)c->ho * c->wo * c->batch;
        out->col = n_in * kk * ncols;
        out->wpack = skip ? m * n_in * kk : 0;
        out->staging = c->batch > 1 ? m * ncols : 0;
        if (c->in_channels != NULL || c->cin != c->groups) {
            /* A and B panels of one reduction block, rounded so each thread's panels start 64-byte aligned */
            out->gemm_pack_stride = (DL_GEMM_TILE_ROWS_MAX + DL_GEMM_TILE_COLS_MAX) * (size_t)DL_GEMM_KC;
            out->gemm_pack = out->gemm_pack_stride * (size_t)omp_get_max_threads();
        }
    }
    if (d->kind == DL_SCATTER_ADD) {
        out->patch_order = (size_t)d->n_a;
        out->image_start = (size_t)s->n + 1;
    }
}

typedef struct {
    dl_desc desc;
    dl_shape shape;
    int *lists;
    float *ops[DL_MAX_OPERANDS];
    float *out;
    dl_scratch scratch;
} plan;

static void plan_free(plan *p)
{
    free(p->lists);
    for (int i = 0; i < DL_MAX_OPERANDS; ++i) free(p->ops[i]);
    free(p->out);
    free(p->scratch.col);
    free(p->scratch.wpack);
    free(p->scratch.staging);
    free(p->scratch.patch_order);
    free(p->scratch.image_start);
    free(p->scratch.gemm_pack);
    memset(p, 0, sizeof(*p));
}

/* Copies the Java description, validates it, allocates and seeds all buffers. Returns 0 or throws. */
static int plan_create(JNIEnv *env, plan *p, jint kind, jintArray dims, jintArray list_a, jintArray list_b, jlong seed)
{
    memset(p, 0, sizeof(*p));
    char err[DL_ERR_LEN];
    if (dims == NULL) {
        throw_named(env, "java/lang/IllegalArgumentException", "dims must not be null");
        return -1;
    }
    jsize nd = (*env)->GetArrayLength(env, dims);
    jsize na = list_a ? (*env)->GetArrayLength(env, list_a) : 0;
    jsize nb = list_b ? (*env)->GetArrayLength(env, list_b) : 0;
    if (nd > DL_MAX_DIMS) {
        throw_named(env, "java/lang/IllegalArgumentException", "too many dims");
        return -1;
    }
    p->lists = malloc(sizeof(int) * (size_t)(na + nb + 1));
    if (p->lists == NULL) {
        throw_named(env, BACKEND_EXCEPTION, "cpu backend: out of memory for index lists");
        return -1;
    }
    p->desc.kind = kind;
    p->desc.n_dims = nd;
    (*env)->GetIntArrayRegion(env, dims, 0, nd, p->desc.dims);
    if (na) (*env)->GetIntArrayRegion(env, list_a, 0, na, p->lists);
    if (nb) (*env)->GetIntArrayRegion(env, list_b, 0, nb, p->lists + na);
    p->desc.list_a = na ? p->lists : NULL;
    p->desc.n_a = na;
    p->desc.list_b = nb ? p->lists + na : NULL;
    p->desc.n_b = nb;
    if (dl_shape_of(&p->desc, &p->shape, err, sizeof err)) {
        throw_named(env, "java/lang/IllegalArgumentException", err);
        plan_free(p);
        return -1;
    }
    int ok = 1;
    for (int i = 0; i < p->shape.n_operands; ++i) {
        p->ops[i] = alloc_floats(p->shape.operand_len[i]);
        ok = ok && p->ops[i] != NULL;
    }
    p->out = alloc_floats(p->shape.output_len);
    ok = ok && p->out != NULL;
    dl_scratch_sizes ss;
    dl_cpu_scratch_sizes(&p->desc, &p->shape, &ss);
    if (ss.col) ok = ok && (p->scratch.col = alloc_floats(ss.col)) != NULL;
    if (ss.wpack) ok = ok && (p->scratch.wpack = alloc_floats(ss.wpack)) != NULL;
    if (ss.staging) ok = ok && (p->scratch.staging = alloc_floats(ss.staging)) != NULL;
    if (ss.patch_order) ok = ok && (p->scratch.patch_order = malloc(sizeof(int) * ss.patch_order)) != NULL;
    if (ss.image_start) ok = ok && (p->scratch.image_start = malloc(sizeof(int) * ss.image_start)) != NULL;
    if (ss.gemm_pack) ok = ok && (p->scratch.gemm_pack = alloc_floats(ss.gemm_pack)) != NULL;
    p->scratch.gemm_pack_stride = ss.gemm_pack_stride;
    if (!ok) {
        plan_free(p);
        throw_named(env, BACKEND_EXCEPTION, "cpu backend: native buffer allocation failed");
        return -1;
    }
    for (int i = 0; i < p->shape.n_operands; ++i) {
        dl_fill_seeded(p->ops[i], p->shape.operand_len[i], (uint64_t)seed, i);
    }
    /* scatter leaves inactive positions untouched, so they read as zero */
    memset(p->out, 0, sizeof(float) * p->shape.output_len);
    return 0;
}

static void plan_run(plan *p)
{
    isa()->run(&p->desc, &p->shape, p->ops, p->out, &p->scratch);
}

JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CpuNative_time(
    JNIEnv *env, jclass cls, jint kind, jintArray dims, jintArray list_a, jintArray list_b, jlong seed, jint warmup,
    jint runs)
{
    (void)cls;
    if (warmup < 0 || runs <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "warmup must be >= 0 and runs > 0");
        return NULL;
    }
    plan p;
    if (plan_create(env, &p, kind, dims, list_a, list_b, seed)) return NULL;
    double *times = malloc(sizeof(double) * (size_t)runs);
    jdoubleArray result = times ? (*env)->NewDoubleArray(env, runs) : NULL;
    if (result == NULL) {
        free(times);
        plan_free(&p);
        if (!(*env)->ExceptionCheck(env)) throw_named(env, BACKEND_EXCEPTION, "cpu backend: out of memory");
        return NULL;
    }
    for (int i = 0; i < warmup; ++i) plan_run(&p);
    for (int i = 0; i < runs; ++i) {
        double t0 = dl_now_seconds();
        plan_run(&p);
        times[i] = dl_now_seconds() - t0;
    }
    (*env)->SetDoubleArrayRegion(env, result, 0, runs, times);
    free(times);
    plan_free(&p);
    return result;
}

JNIEXPORT jfloatArray JNICALL Java_dev_dynlat_calibration_backend_CpuNative_runOnce(
    JNIEnv *env, jclass cls, jint kind, jintArray dims, jintArray list_a, jintArray list_b, jlong seed)
{
    (void)cls;
    plan p;
    if (plan_create(env, &p, kind, dims, list_a, list_b, seed)) return NULL;
    if (p.shape.output_len > 0x7fffffef) {
        plan_free(&p);
        throw_named(env, "java/lang/IllegalArgumentException", "output too large for a Java float[]");
        return NULL;
    }
    plan_run(&p);
    jfloatArray result = (*env)->NewFloatArray(env, (jsize)p.shape.output_len);
    if (result != NULL) {
        (*env)->SetFloatArrayRegion(env, result, 0, (jsize)p.shape.output_len, p.out);
    }
    plan_free(&p);
    return result;
}

/* Returns {FLOP done, seconds}. */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CpuNative_fmaProbe(JNIEnv *env, jclass cls,
                                                                                     jlong iterations)
{
    (void)cls;
    if (iterations <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "iterations must be > 0");
        return NULL;
    }
    /* untimed short run: wakes the OpenMP thread pool and brings the cores up to clock */
    isa()->fma(iterations / 4 + 1, 0.25f);
    double t0 = dl_now_seconds();
    double flops = isa()->fma(iterations, 0.5f);
    double values[2] = {flops, dl_now_seconds() - t0};
    jdoubleArray result = (*env)->NewDoubleArray(env, 2);
    if (result != NULL) (*env)->SetDoubleArrayRegion(env, result, 0, 2, values);
    return result;
}

/* Returns the seconds of each of `repeats` passes of pattern `mode` over `bytes` bytes (after one untimed pass). */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CpuNative_streamProbe(JNIEnv *env, jclass cls,
                                                                                        jint mode, jlong bytes,
                                                                                        jint repeats)
{
    (void)cls;
    if (mode < DL_STREAM_READ || mode > DL_STREAM_COPY || bytes < 64 || repeats <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "invalid stream probe arguments");
        return NULL;
    }
    size_t n = (size_t)bytes / sizeof(float);
    float *a = alloc_floats(n);
    float *b = mode == DL_STREAM_COPY ? alloc_floats(n) : NULL;
    double *times = malloc(sizeof(double) * (size_t)repeats);
    jdoubleArray result = NULL;
    if (a == NULL || (mode == DL_STREAM_COPY && b == NULL) || times == NULL) {
        throw_named(env, BACKEND_EXCEPTION, "cpu backend: stream buffer allocation failed");
    } else {
        /* first touch from the same threads that stream later (page placement), untimed */
        dl_fill_seeded(a, n, 1, 0);
        if (b) dl_fill_seeded(b, n, 2, 0);
        volatile double sink = isa()->stream(mode, a, b, n);
        for (int i = 0; i < repeats; ++i) {
            double t0 = dl_now_seconds();
            sink += isa()->stream(mode, a, b, n);
            times[i] = dl_now_seconds() - t0;
        }
        (void)sink;
        result = (*env)->NewDoubleArray(env, repeats);
        if (result != NULL) (*env)->SetDoubleArrayRegion(env, result, 0, repeats, times);
    }
    free(a);
    free(b);
    free(times);
    return result;
}

/* Deliberately empty: Java times many calls of this to measure the JNI round trip. */
JNIEXPORT void JNICALL Java_dev_dynlat_calibration_backend_CpuNative_emptyCall(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
}

JNIEXPORT jint JNICALL Java_dev_dynlat_calibration_backend_CpuNative_threads(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return omp_get_max_threads();
}

JNIEXPORT jstring JNICALL Java_dev_dynlat_calibration_backend_CpuNative_isa(JNIEnv *env, jclass cls)
{
    (void)cls;
    return (*env)->NewStringUTF(env, isa()->name);
}
