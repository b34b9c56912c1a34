/*
 * JNI entry points of libdynlat_cuda (class dev.dynlat.calibration.backend.CudaNative).
 *
 * Operands are seeded on the host with the shared generator and copied to the
 * device; every buffer size comes from dl_shape_of. CUDA errors are thrown as
 * BackendException with the failing call and cudaGetErrorString.
 */
#include <jni.h>

#include <dlfcn.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "cuda_kernels.cuh"
#include "cuda_timing.cuh"
#include "dl_desc.h"

namespace {

const char *kBackendException = "dev/dynlat/calibration/backend/BackendException";

void throw_named(JNIEnv *env, const char *cls, const char *msg)
{
    if (env->ExceptionCheck()) return;
    jclass c = env->FindClass(cls);
    if (c != nullptr) env->ThrowNew(c, msg);
}

using dl::CudaStatus;
using dl::Graph;
using dl::Timing;
using dl::time_in_graph;
using Plan = dl::DeviceCase;

void throw_if_failed(JNIEnv *env, const CudaStatus &st)
{
    if (!st.ok()) throw_named(env, kBackendException, st.message);
}

/* Copies and validates the description, allocates and seeds device buffers. False when it threw. */
bool plan_create(JNIEnv *env, Plan &p, jint kind, jintArray dims, jintArray list_a, jintArray list_b, jlong seed,
                 CudaStatus &st)
{
    if (dims == nullptr) {
        throw_named(env, "java/lang/IllegalArgumentException", "dims must not be null");
        return false;
    }
    jsize nd = env->GetArrayLength(dims);
    jsize na = list_a ? env->GetArrayLength(list_a) : 0;
    jsize nb = list_b ? env->GetArrayLength(list_b) : 0;
    if (nd > DL_MAX_DIMS) {
        throw_named(env, "java/lang/IllegalArgumentException", "too many dims");
        return false;
    }
    p.host_lists.assign((size_t)na + nb + 1, 0);
    p.desc.kind = kind;
    p.desc.n_dims = nd;
    env->GetIntArrayRegion(dims, 0, nd, p.desc.dims);
    if (na) env->GetIntArrayRegion(list_a, 0, na, p.host_lists.data());
    if (nb) env->GetIntArrayRegion(list_b, 0, nb, p.host_lists.data() + na);
    p.desc.list_a = na ? p.host_lists.data() : nullptr;
    p.desc.n_a = na;
    p.desc.list_b = nb ? p.host_lists.data() + na : nullptr;
    p.desc.n_b = nb;
    char err[DL_ERR_LEN];
    if (dl_shape_of(&p.desc, &p.shape, err, sizeof err)) {
        throw_named(env, "java/lang/IllegalArgumentException", err);
        return false;
    }
    p.allocate((uint64_t)seed, st);
    if (!st.ok()) {
        throw_if_failed(env, st);
        return false;
    }
    return true;
}


/* cuBLAS, loaded at run time: its absence (at build or at run time) only disables the comparison. */
struct Cublas {
    using Create = int (*)(void **);
    using Destroy = int (*)(void *);
    using SetStream = int (*)(void *, cudaStream_t);
    /* cublasSgemm_v2 (column-major): handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc */
    using Sgemm = int (*)(void *, int, int, int, int, int, const float *, const float *, int, const float *, int,
                          const float *, float *, int);
    void *lib = nullptr;
    void *handle = nullptr;
    Create create = nullptr;
    Destroy destroy = nullptr;
    SetStream set_stream = nullptr;
    Sgemm sgemm = nullptr;
    char reason[DL_ERR_LEN] = {0};

    Cublas()
    {
        const char *names[] = {"libcublas.so", "libcublas.so.13", "libcublas.so.12", "libcublas.so.11"};
        for (const char *n : names) {
            lib = dlopen(n, RTLD_NOW | RTLD_LOCAL);
            if (lib) break;
        }
        if (!lib) {
            std::snprintf(reason, sizeof reason, "cuBLAS not found at run time (libcublas.so[.13|.12|.11])");
            return;
        }
        create = (Create)dlsym(lib, "cublasCreate_v2");
        destroy = (Destroy)dlsym(lib, "cublasDestroy_v2");
        set_stream = (SetStream)dlsym(lib, "cublasSetStream_v2");
        sgemm = (Sgemm)dlsym(lib, "cublasSgemm_v2");
        if (!create || !destroy || !set_stream || !sgemm) {
            std::snprintf(reason, sizeof reason, "cuBLAS library lacks cublasSgemm_v2 and friends");
            return;
        }
        int status = create(&handle);
        if (status != 0) {
            handle = nullptr;
            std::snprintf(reason, sizeof reason, "cublasCreate failed with status %d", status);
        }
    }
    ~Cublas()
    {
        if (handle) destroy(handle);
        if (lib) dlclose(lib);
    }
    bool ok() const { return handle != nullptr; }
};

/* Device buffer of n floats seeded with the shared generator. */
float *seeded_buffer(size_t n, int operand, CudaStatus &st)
{
    std::vector<float> host(n);
    dl_fill_seeded(host.data(), n, 42u, operand);
    float *d = nullptr;
    st.check(cudaMalloc(&d, sizeof(float) * n), "cudaMalloc");
    st.check(cudaMemcpy(d, host.data(), sizeof(float) * n, cudaMemcpyHostToDevice), "cudaMemcpy");
    return d;
}

jdoubleArray to_java(JNIEnv *env, const std::vector<double> &v)
{
    jdoubleArray r = env->NewDoubleArray((jsize)v.size());
    if (r != nullptr) env->SetDoubleArrayRegion(r, 0, (jsize)v.size(), v.data());
    return r;
}

} // namespace

extern "C" {

JNIEXPORT jstring JNICALL Java_dev_dynlat_calibration_backend_CudaNative_unavailableReason(JNIEnv *env, jclass)
{
    int count = 0;
    cudaError_t e = cudaGetDeviceCount(&count);
    if (e != cudaSuccess || count == 0) {
        char msg[DL_ERR_LEN];
        int driver = 0, runtime = 0;
        cudaDriverGetVersion(&driver);
        cudaRuntimeGetVersion(&runtime);
        if (e == cudaSuccess || e == cudaErrorNoDevice) {
            std::snprintf(msg, sizeof msg, "no CUDA device");
        } else if (driver == 0) {
            std::snprintf(msg, sizeof msg, "no CUDA device (no CUDA driver installed)");
        } else if (e == cudaErrorInsufficientDriver) {
            std::snprintf(msg, sizeof msg, "no CUDA device (driver %d.%d is older than the runtime %d.%d)",
                          driver / 1000, driver % 1000 / 10, runtime / 1000, runtime % 1000 / 10);
        } else {
            std::snprintf(msg, sizeof msg, "no CUDA device (%s)", cudaGetErrorString(e));
        }
        return env->NewStringUTF(msg);
    }
    return nullptr;
}

JNIEXPORT jstring JNICALL Java_dev_dynlat_calibration_backend_CudaNative_deviceName(JNIEnv *env, jclass)
{
    cudaDeviceProp prop;
    CudaStatus st;
    if (!st.check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties")) {
        throw_if_failed(env, st);
        return nullptr;
    }
    char msg[512];
    std::snprintf(msg, sizeof msg, "%s (sm_%d%d, %d SMs)", prop.name, prop.major, prop.minor,
                  prop.multiProcessorCount);
    return env->NewStringUTF(msg);
}

/* {driver version, runtime version} as CUDA encodes them (1000 major + 10 minor); 0 when no driver. */
JNIEXPORT jintArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_versions(JNIEnv *env, jclass)
{
    int v[2] = {0, 0};
    if (cudaDriverGetVersion(&v[0]) != cudaSuccess) v[0] = 0;
    if (cudaRuntimeGetVersion(&v[1]) != cudaSuccess) v[1] = 0;
    jintArray r = env->NewIntArray(2);
    if (r != nullptr) env->SetIntArrayRegion(r, 0, 2, v);
    return r;
}

/* Device 0's name (cudaDeviceProp.name). */
JNIEXPORT jstring JNICALL Java_dev_dynlat_calibration_backend_CudaNative_rawDeviceName(JNIEnv *env, jclass)
{
    cudaDeviceProp prop;
    CudaStatus st;
    if (!st.check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties")) {
        throw_if_failed(env, st);
        return nullptr;
    }
    return env->NewStringUTF(prop.name);
}

/*
 * Device 0's facts, in the order of GpuDeviceAttributes.fromNative: compute capability major, minor,
 * SMs, max SM clock kHz, memory clock kHz, memory bus bits, L2 bytes, global memory bytes,
 * integrated (0/1), max threads per SM, shared memory per SM bytes. Clocks come from
 * cudaDeviceGetAttribute: CUDA 13 removed them from cudaDeviceProp.
 */
JNIEXPORT jlongArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_deviceAttributes(JNIEnv *env, jclass)
{
    CudaStatus st;
    const cudaDeviceAttr attrs[] = {cudaDevAttrComputeCapabilityMajor, cudaDevAttrComputeCapabilityMinor,
                                    cudaDevAttrMultiProcessorCount, cudaDevAttrClockRate,
                                    cudaDevAttrMemoryClockRate, cudaDevAttrGlobalMemoryBusWidth,
                                    cudaDevAttrL2CacheSize};
    const int n_attrs = (int)(sizeof attrs / sizeof attrs[0]);
    jlong values[11] = {0};
    for (int i = 0; i < n_attrs && st.ok(); ++i) {
        int v = 0;
        st.check(cudaDeviceGetAttribute(&v, attrs[i], 0), "cudaDeviceGetAttribute");
        values[i] = v;
    }
    cudaDeviceProp prop;
    if (st.check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties")) {
        values[7] = (jlong)prop.totalGlobalMem;
        values[8] = prop.integrated;
        values[9] = prop.maxThreadsPerMultiProcessor;
        values[10] = (jlong)prop.sharedMemPerMultiprocessor;
    }
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    jlongArray r = env->NewLongArray(11);
    if (r != nullptr) env->SetLongArrayRegion(r, 0, 11, values);
    return r;
}

JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_time(JNIEnv *env, jclass, jint kind,
                                                                                  jintArray dims, jintArray list_a,
                                                                                  jintArray list_b, jlong seed,
                                                                                  jint warmup, jint runs)
{
    if (warmup < 0 || runs <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "warmup must be >= 0 and runs > 0");
        return nullptr;
    }
    CudaStatus st;
    Plan p;
    if (!plan_create(env, p, kind, dims, list_a, list_b, seed, st)) return nullptr;
    std::vector<double> times((size_t)runs, 0.0);
    time_in_graph([&](cudaStream_t s) { return p.run(s); }, warmup, runs, times.data(), st);
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    return to_java(env, times);
}

JNIEXPORT jfloatArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_runOnce(JNIEnv *env, jclass, jint kind,
                                                                                    jintArray dims, jintArray list_a,
                                                                                    jintArray list_b, jlong seed)
{
    CudaStatus st;
    Plan p;
    if (!plan_create(env, p, kind, dims, list_a, list_b, seed, st)) return nullptr;
    if (p.shape.output_len > 0x7fffffefu) {
        throw_named(env, "java/lang/IllegalArgumentException", "output too large for a Java float[]");
        return nullptr;
    }
    std::vector<float> host(p.shape.output_len);
    st.check(p.run(p.stream), "kernel launch");
    st.check(cudaStreamSynchronize(p.stream), "kernel execution");
    st.check(cudaMemcpy(host.data(), p.out, sizeof(float) * host.size(), cudaMemcpyDeviceToHost), "cudaMemcpy(output)");
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    jfloatArray result = env->NewFloatArray((jsize)host.size());
    if (result != nullptr) env->SetFloatArrayRegion(result, 0, (jsize)host.size(), host.data());
    return result;
}

/*
 * The kernels' per-thread code run on the host (dl_cuda_emulate) on operands seeded like runOnce:
 * needs no device, so tests check the CUDA kernels' index math everywhere.
 */
JNIEXPORT jfloatArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_emulateRunOnce(JNIEnv *env, jclass,
                                                                                           jint kind, jintArray dims,
                                                                                           jintArray list_a,
                                                                                           jintArray list_b,
                                                                                           jlong seed)
{
    if (dims == nullptr) {
        throw_named(env, "java/lang/IllegalArgumentException", "dims must not be null");
        return nullptr;
    }
    dl_desc desc{};
    jsize nd = env->GetArrayLength(dims);
    jsize na = list_a ? env->GetArrayLength(list_a) : 0;
    jsize nb = list_b ? env->GetArrayLength(list_b) : 0;
    if (nd > DL_MAX_DIMS) {
        throw_named(env, "java/lang/IllegalArgumentException", "too many dims");
        return nullptr;
    }
    std::vector<int> lists((size_t)na + nb + 1, 0);
    desc.kind = kind;
    desc.n_dims = nd;
    env->GetIntArrayRegion(dims, 0, nd, desc.dims);
    if (na) env->GetIntArrayRegion(list_a, 0, na, lists.data());
    if (nb) env->GetIntArrayRegion(list_b, 0, nb, lists.data() + na);
    desc.list_a = na ? lists.data() : nullptr;
    desc.n_a = na;
    desc.list_b = nb ? lists.data() + na : nullptr;
    desc.n_b = nb;
    dl_shape shape;
    char err[DL_ERR_LEN];
    if (dl_shape_of(&desc, &shape, err, sizeof err)) {
        throw_named(env, "java/lang/IllegalArgumentException", err);
        return nullptr;
    }
    std::vector<std::vector<float>> operands((size_t)shape.n_operands);
    float *ops[DL_MAX_OPERANDS] = {nullptr, nullptr, nullptr};
    for (int i = 0; i < shape.n_operands; ++i) {
        operands[(size_t)i].resize(shape.operand_len[i]);
        dl_fill_seeded(operands[(size_t)i].data(), shape.operand_len[i], (uint64_t)seed, i);
        ops[i] = operands[(size_t)i].data();
    }
    std::vector<float> out(shape.output_len, 0.0f); /* scatter leaves inactive positions at zero */
    if (dl_cuda_emulate(&desc, &shape, ops, out.data()) != 0) {
        throw_named(env, kBackendException, "cuda emulation: kind or sizes not supported");
        return nullptr;
    }
    jfloatArray result = env->NewFloatArray((jsize)out.size());
    if (result != nullptr) env->SetFloatArrayRegion(result, 0, (jsize)out.size(), out.data());
    return result;
}

/*
 * Returns {FLOP, seconds}: one launch that fills every SM to its thread limit, each thread running
 * dl_cuda_fma_chains() independent FMA chains; long enough that the launch cost is negligible.
 */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_fmaProbe(JNIEnv *env, jclass,
                                                                                      jlong iterations)
{
    if (iterations <= 0 || iterations > 0x7fffffffLL) {
        throw_named(env, "java/lang/IllegalArgumentException", "iterations must be in [1, 2^31)");
        return nullptr;
    }
    CudaStatus st;
    cudaDeviceProp prop;
    st.check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
    const int threads = 256;
    const int per_sm = st.ok() && prop.maxThreadsPerMultiProcessor >= threads ? prop.maxThreadsPerMultiProcessor / threads : 1;
    const int blocks = st.ok() ? prop.multiProcessorCount * per_sm : 1;
    float *sink = nullptr;
    st.check(cudaMalloc(&sink, sizeof(float) * (size_t)blocks * threads), "cudaMalloc(sink)");
    Timing tm(st);
    double flops = 0.0, seconds = 0.0;
    if (st.ok()) {
        dl_cuda_fma(iterations < 1000 ? (int)iterations : 1000, sink, blocks, threads, tm.stream); /* warm-up */
        st.check(cudaStreamSynchronize(tm.stream), "fma warm-up");
        seconds = tm.seconds([&] {
            flops = dl_cuda_fma((int)iterations, sink, blocks, threads, tm.stream);
            return cudaGetLastError();
        }, st, "fma kernel launch");
    }
    cudaFree(sink);
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    return to_java(env, {flops, seconds});
}

/* Seconds of each of `repeats` passes of pattern `mode` over `bytes` (rounded down to 16 bytes). */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_streamProbe(JNIEnv *env, jclass,
                                                                                         jint mode, jlong bytes,
                                                                                         jint repeats)
{
    if (mode < 0 || mode > 2 || bytes < 64 || repeats <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "invalid stream probe arguments");
        return nullptr;
    }
    CudaStatus st;
    cudaDeviceProp prop;
    st.check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
    const int blocks = st.ok() ? prop.multiProcessorCount * 16 : 1;
    size_t n = (size_t)bytes / 16 * 4;
    float *a = nullptr, *b = nullptr, *partials = nullptr;
    st.check(cudaMalloc(&a, sizeof(float) * n), "cudaMalloc(stream buffer)");
    if (mode == 2) st.check(cudaMalloc(&b, sizeof(float) * n), "cudaMalloc(stream buffer)");
    st.check(cudaMalloc(&partials, sizeof(float) * (size_t)blocks), "cudaMalloc(partials)");
    if (st.ok()) st.check(cudaMemset(a, 0, sizeof(float) * n), "cudaMemset");
    std::vector<double> times((size_t)repeats);
    {
        Timing tm(st);
        if (st.ok()) st.check(dl_cuda_stream(mode, a, b, n, partials, blocks, tm.stream), "stream kernel launch");
        for (int i = 0; st.ok() && i < repeats; ++i) {
            times[(size_t)i] = tm.seconds([&] { return dl_cuda_stream(mode, a, b, n, partials, blocks, tm.stream); },
                                          st, "stream kernel launch");
        }
    }
    cudaFree(a);
    cudaFree(b);
    cudaFree(partials);
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    return to_java(env, times);
}

/*
 * Seconds of each of `repeats` launches that each read a `bytes` buffer `passes` times through L2
 * (bytes rounded down to 16); the caller sizes the buffer to fit in L2.
 */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_l2Probe(JNIEnv *env, jclass,
                                                                                     jlong bytes, jint passes,
                                                                                     jint repeats)
{
    if (bytes < 64 || bytes / 4 > 0x7fffffffLL || passes <= 0 || repeats <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "invalid L2 probe arguments");
        return nullptr;
    }
    CudaStatus st;
    cudaDeviceProp prop;
    st.check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
    const int per_sm = st.ok() && prop.maxThreadsPerMultiProcessor >= 256 ? prop.maxThreadsPerMultiProcessor / 256 : 1;
    const int blocks = st.ok() ? prop.multiProcessorCount * per_sm : 1;
    size_t n = (size_t)bytes / 16 * 4;
    float *a = nullptr, *partials = nullptr;
    st.check(cudaMalloc(&a, sizeof(float) * n), "cudaMalloc(L2 buffer)");
    st.check(cudaMalloc(&partials, sizeof(float) * (size_t)blocks), "cudaMalloc(partials)");
    if (st.ok()) st.check(cudaMemset(a, 0, sizeof(float) * n), "cudaMemset");
    std::vector<double> times((size_t)repeats);
    {
        Timing tm(st);
        /* one pass brings the buffer into L2 */
        if (st.ok()) st.check(dl_cuda_l2_read(a, n, 1, partials, blocks, tm.stream), "L2 kernel launch");
        for (int i = 0; st.ok() && i < repeats; ++i) {
            times[(size_t)i] = tm.seconds([&] { return dl_cuda_l2_read(a, n, passes, partials, blocks, tm.stream); },
                                          st, "L2 kernel launch");
        }
    }
    cudaFree(a);
    cudaFree(partials);
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    return to_java(env, times);
}

/* Mean host-side seconds of (empty launch + cudaStreamSynchronize): what a synchronous caller pays. */
JNIEXPORT jdouble JNICALL Java_dev_dynlat_calibration_backend_CudaNative_emptyLaunch(JNIEnv *env, jclass, jint calls)
{
    if (calls <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "calls must be > 0");
        return 0.0;
    }
    CudaStatus st;
    Timing tm(st);
    for (int i = 0; st.ok() && i < 10; ++i) { /* warm-up: module load, first launch */
        st.check(dl_cuda_empty(tm.stream), "empty kernel launch");
        st.check(cudaStreamSynchronize(tm.stream), "cudaStreamSynchronize");
    }
    double t0 = dl_now_seconds();
    for (int i = 0; st.ok() && i < calls; ++i) {
        st.check(dl_cuda_empty(tm.stream), "empty kernel launch");
        st.check(cudaStreamSynchronize(tm.stream), "cudaStreamSynchronize");
    }
    double elapsed = dl_now_seconds() - t0;
    if (!st.ok()) {
        throw_if_failed(env, st);
        return 0.0;
    }
    return elapsed / calls;
}

/*
 * Back-to-back empty kernels, `launches` per event pair, `repeats` times. Returns 2 x repeats
 * seconds per kernel: first inside one CUDA graph (the gap between kernels on the device, what
 * time() includes per run), then launched one by one on a stream (adds the host's submit rate).
 */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_launchGap(JNIEnv *env, jclass,
                                                                                       jint launches, jint repeats)
{
    if (launches <= 0 || launches > 100000 || repeats <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "invalid launch gap arguments");
        return nullptr;
    }
    CudaStatus st;
    std::vector<double> out((size_t)repeats * 2, 0.0);
    Timing tm(st);
    auto empty = [&] { return dl_cuda_empty(tm.stream); };
    Graph g(empty, launches, tm.stream, st);
    if (st.ok()) st.check(cudaGraphLaunch(g.exec, tm.stream), "cudaGraphLaunch"); /* warm-up */
    for (int i = 0; st.ok() && i < repeats; ++i) {
        out[(size_t)i] = tm.seconds([&] { return cudaGraphLaunch(g.exec, tm.stream); }, st, "cudaGraphLaunch") / launches;
    }
    for (int i = 0; st.ok() && i < repeats; ++i) {
        out[(size_t)(repeats + i)] = tm.seconds([&] {
            cudaError_t e = cudaSuccess;
            for (int j = 0; j < launches && e == cudaSuccess; ++j) e = dl_cuda_empty(tm.stream);
            return e;
        }, st, "empty kernel launch") / launches;
    }
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    return to_java(env, out);
}

/* Empty when cuBLAS can be used for the GEMM comparison, otherwise why not. */
JNIEXPORT jstring JNICALL Java_dev_dynlat_calibration_backend_CudaNative_cublasUnavailableReason(JNIEnv *env, jclass)
{
    Cublas blas;
    return env->NewStringUTF(blas.ok() ? "" : blas.reason);
}

/*
 * Row-major GEMMs C[M][N] = A[M][K] B[K][N] for each (M, N, K) triple of `shapes`, timed like time()
 * (back-to-back in a CUDA graph, median left to the caller): returns, per shape, `runs` seconds of
 * our tiled kernel, then `runs` seconds of cublasSgemm (NaN when cuBLAS is unavailable).
 */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_gemmCompare(JNIEnv *env, jclass,
                                                                                         jintArray shapes, jint runs)
{
    if (shapes == nullptr || env->GetArrayLength(shapes) % 3 != 0 || runs <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "shapes must hold (M, N, K) triples and runs > 0");
        return nullptr;
    }
    const int count = env->GetArrayLength(shapes) / 3;
    std::vector<int> mnk((size_t)count * 3);
    env->GetIntArrayRegion(shapes, 0, count * 3, mnk.data());
    for (int v : mnk) {
        if (v <= 0 || v > (1 << 16)) {
            throw_named(env, "java/lang/IllegalArgumentException", "GEMM sizes must be in [1, 65536]");
            return nullptr;
        }
    }
    CudaStatus st;
    Cublas blas;
    std::vector<double> out((size_t)count * runs * 2, std::nan(""));
    for (int s = 0; s < count && st.ok(); ++s) {
        const int m = mnk[3 * s], n = mnk[3 * s + 1], k = mnk[3 * s + 2];
        float *a = seeded_buffer((size_t)m * k, 0, st);
        float *b = seeded_buffer((size_t)k * n, 1, st);
        float *c = nullptr;
        st.check(cudaMalloc(&c, sizeof(float) * (size_t)m * n), "cudaMalloc(C)");
        double *ours = out.data() + (size_t)s * runs * 2;
        if (st.ok()) time_in_graph([&](cudaStream_t str) { return dl_cuda_gemm(m, n, k, a, b, c, str); }, 3, runs,
                                   ours, st);
        if (st.ok() && blas.ok()) {
            /* a cuBLAS failure (e.g. under graph capture) leaves its column NaN, not the run failed */
            CudaStatus blas_st;
            const float one = 1.0f, zero = 0.0f;
            /* row-major C = A B is column-major C^T = B^T A^T: swap the operands, keep the layouts */
            time_in_graph([&](cudaStream_t str) {
                if (blas.set_stream(blas.handle, str) != 0) return cudaErrorUnknown;
                int status = blas.sgemm(blas.handle, 0, 0, n, m, k, &one, b, n, a, k, &zero, c, n);
                return status == 0 ? cudaGetLastError() : cudaErrorUnknown;
            }, 3, runs, ours + runs, blas_st);
            if (!blas_st.ok()) {
                for (int i = 0; i < runs; ++i) ours[runs + i] = std::nan("");
                cudaGetLastError(); /* clear the non-sticky error */
            }
        }
        cudaFree(a);
        cudaFree(b);
        cudaFree(c);
    }
    if (!st.ok()) {
        throw_if_failed(env, st);
        return nullptr;
    }
    return to_java(env, out);
}

} // extern "C"
