/*
 * JNI entry points of libdynlat_cuda (class dev.dynlat.calibration.backend.CudaNative).
 *
 * Operands are seeded on the host with the shared generator and copied to the
 * device; every buffer size comes from dl_shape_of. CUDA errors are thrown as
 * BackendException with the failing call and cudaGetErrorString.
 */
#include <jni.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "cuda_kernels.cuh"
#include "dl_desc.h"

namespace {

const char *kBackendException = "dev/dynlat/calibration/backend/BackendException";

void throw_named(JNIEnv *env, const char *cls, const char *msg)
{
    if (env->ExceptionCheck()) return;
    jclass c = env->FindClass(cls);
    if (c != nullptr) env->ThrowNew(c, msg);
}

/* Records the first CUDA failure; later calls become no-ops so cleanup code stays linear. */
struct CudaStatus {
    char message[DL_ERR_LEN] = {0};
    bool ok() const { return message[0] == 0; }
    bool check(cudaError_t e, const char *what)
    {
        if (e != cudaSuccess && ok()) {
            std::snprintf(message, sizeof message, "cuda backend: %s failed: %s", what, cudaGetErrorString(e));
        }
        return ok();
    }
    void throw_if_failed(JNIEnv *env) const
    {
        if (!ok()) throw_named(env, kBackendException, message);
    }
};

/* All device state of one kernel spec. */
struct Plan {
    dl_desc desc{};
    dl_shape shape{};
    std::vector<int> host_lists;
    int *dev_lists = nullptr;
    dl_device_lists lists{nullptr, nullptr};
    float *ops[DL_MAX_OPERANDS] = {nullptr, nullptr, nullptr};
    float *out = nullptr;
    cudaStream_t stream = nullptr;

    ~Plan()
    {
        cudaFree(dev_lists);
        for (float *p : ops) cudaFree(p);
        cudaFree(out);
        if (stream != nullptr) cudaStreamDestroy(stream);
    }
};

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
    st.check(cudaStreamCreate(&p.stream), "cudaStreamCreate");
    if (st.ok() && na + nb > 0) {
        st.check(cudaMalloc(&p.dev_lists, sizeof(int) * (size_t)(na + nb)), "cudaMalloc(index lists)");
        st.check(cudaMemcpy(p.dev_lists, p.host_lists.data(), sizeof(int) * (size_t)(na + nb), cudaMemcpyHostToDevice),
                 "cudaMemcpy(index lists)");
        p.lists.a = na ? p.dev_lists : nullptr;
        p.lists.b = nb ? p.dev_lists + na : nullptr;
    }
    for (int i = 0; st.ok() && i < p.shape.n_operands; ++i) {
        size_t n = p.shape.operand_len[i];
        std::vector<float> host(n);
        dl_fill_seeded(host.data(), n, (uint64_t)seed, i);
        st.check(cudaMalloc(&p.ops[i], sizeof(float) * n), "cudaMalloc(operand)");
        st.check(cudaMemcpy(p.ops[i], host.data(), sizeof(float) * n, cudaMemcpyHostToDevice), "cudaMemcpy(operand)");
    }
    if (st.ok()) {
        st.check(cudaMalloc(&p.out, sizeof(float) * p.shape.output_len), "cudaMalloc(output)");
        /* scatter leaves inactive positions untouched, so they read as zero */
        st.check(cudaMemset(p.out, 0, sizeof(float) * p.shape.output_len), "cudaMemset(output)");
    }
    if (!st.ok()) {
        st.throw_if_failed(env);
        return false;
    }
    return true;
}

} // namespace

extern "C" {

JNIEXPORT jstring JNICALL Java_dev_dynlat_calibration_backend_CudaNative_unavailableReason(JNIEnv *env, jclass)
{
    int count = 0;
    cudaError_t e = cudaGetDeviceCount(&count);
    if (e != cudaSuccess || count == 0) {
        char msg[DL_ERR_LEN];
        if (e == cudaSuccess || e == cudaErrorNoDevice) {
            std::snprintf(msg, sizeof msg, "no CUDA device");
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
        st.throw_if_failed(env);
        return nullptr;
    }
    char msg[512];
    std::snprintf(msg, sizeof msg, "%s (sm_%d%d, %d SMs)", prop.name, prop.major, prop.minor,
                  prop.multiProcessorCount);
    return env->NewStringUTF(msg);
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
    std::vector<double> times((size_t)runs);
    cudaEvent_t start = nullptr, stop = nullptr;
    st.check(cudaEventCreate(&start), "cudaEventCreate");
    st.check(cudaEventCreate(&stop), "cudaEventCreate");
    for (int i = 0; st.ok() && i < warmup; ++i) {
        st.check(dl_cuda_run(&p.desc, &p.shape, &p.lists, p.ops, p.out, p.stream), "kernel launch");
    }
    st.check(cudaStreamSynchronize(p.stream), "cudaStreamSynchronize");
    for (int i = 0; st.ok() && i < runs; ++i) {
        st.check(cudaEventRecord(start, p.stream), "cudaEventRecord");
        st.check(dl_cuda_run(&p.desc, &p.shape, &p.lists, p.ops, p.out, p.stream), "kernel launch");
        st.check(cudaEventRecord(stop, p.stream), "cudaEventRecord");
        st.check(cudaEventSynchronize(stop), "cudaEventSynchronize");
        float ms = 0.0f;
        st.check(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
        times[(size_t)i] = 1e-3 * ms;
    }
    if (start) cudaEventDestroy(start);
    if (stop) cudaEventDestroy(stop);
    if (!st.ok()) {
        st.throw_if_failed(env);
        return nullptr;
    }
    jdoubleArray result = env->NewDoubleArray(runs);
    if (result != nullptr) env->SetDoubleArrayRegion(result, 0, runs, times.data());
    return result;
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
    st.check(dl_cuda_run(&p.desc, &p.shape, &p.lists, p.ops, p.out, p.stream), "kernel launch");
    st.check(cudaStreamSynchronize(p.stream), "kernel execution");
    st.check(cudaMemcpy(host.data(), p.out, sizeof(float) * host.size(), cudaMemcpyDeviceToHost), "cudaMemcpy(output)");
    if (!st.ok()) {
        st.throw_if_failed(env);
        return nullptr;
    }
    jfloatArray result = env->NewFloatArray((jsize)host.size());
    if (result != nullptr) env->SetFloatArrayRegion(result, 0, (jsize)host.size(), host.data());
    return result;
}

/* Returns {FLOP, seconds}; seconds from CUDA events around one launch that fills every SM. */
JNIEXPORT jdoubleArray JNICALL Java_dev_dynlat_calibration_backend_CudaNative_fmaProbe(JNIEnv *env, jclass,
                                                                                      jlong iterations)
{
    if (iterations <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "iterations must be > 0");
        return nullptr;
    }
    CudaStatus st;
    cudaDeviceProp prop;
    st.check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
    const int threads = 256;
    const int blocks = st.ok() ? prop.multiProcessorCount * 8 : 1;
    float *sink = nullptr;
    cudaEvent_t start = nullptr, stop = nullptr;
    st.check(cudaMalloc(&sink, sizeof(float) * (size_t)blocks * threads), "cudaMalloc(sink)");
    st.check(cudaEventCreate(&start), "cudaEventCreate");
    st.check(cudaEventCreate(&stop), "cudaEventCreate");
    double flops = 0.0;
    float ms = 0.0f;
    if (st.ok()) {
        dl_cuda_fma(iterations < 1000 ? iterations : 1000, sink, blocks, threads, nullptr); /* warm-up */
        st.check(cudaEventRecord(start, nullptr), "cudaEventRecord");
        flops = dl_cuda_fma(iterations, sink, blocks, threads, nullptr);
        st.check(cudaGetLastError(), "fma kernel launch");
        st.check(cudaEventRecord(stop, nullptr), "cudaEventRecord");
        st.check(cudaEventSynchronize(stop), "cudaEventSynchronize");
        st.check(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
    }
    cudaFree(sink);
    if (start) cudaEventDestroy(start);
    if (stop) cudaEventDestroy(stop);
    if (!st.ok()) {
        st.throw_if_failed(env);
        return nullptr;
    }
    double values[2] = {flops, 1e-3 * ms};
    jdoubleArray result = env->NewDoubleArray(2);
    if (result != nullptr) env->SetDoubleArrayRegion(result, 0, 2, values);
    return result;
}

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
    size_t n = (size_t)bytes / sizeof(float);
    float *a = nullptr, *b = nullptr, *partials = nullptr;
    st.check(cudaMalloc(&a, sizeof(float) * n), "cudaMalloc(stream buffer)");
    if (mode == 2) st.check(cudaMalloc(&b, sizeof(float) * n), "cudaMalloc(stream buffer)");
    st.check(cudaMalloc(&partials, sizeof(float) * (size_t)blocks), "cudaMalloc(partials)");
    if (st.ok()) st.check(cudaMemset(a, 0, sizeof(float) * n), "cudaMemset");
    std::vector<double> times((size_t)repeats);
    cudaEvent_t start = nullptr, stop = nullptr;
    st.check(cudaEventCreate(&start), "cudaEventCreate");
    st.check(cudaEventCreate(&stop), "cudaEventCreate");
    if (st.ok()) st.check(dl_cuda_stream(mode, a, b, n, partials, blocks, nullptr), "stream kernel launch");
    for (int i = 0; st.ok() && i < repeats; ++i) {
        st.check(cudaEventRecord(start, nullptr), "cudaEventRecord");
        st.check(dl_cuda_stream(mode, a, b, n, partials, blocks, nullptr), "stream kernel launch");
        st.check(cudaEventRecord(stop, nullptr), "cudaEventRecord");
        st.check(cudaEventSynchronize(stop), "cudaEventSynchronize");
        float ms = 0.0f;
        st.check(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
        times[(size_t)i] = 1e-3 * ms;
    }
    cudaFree(a);
    cudaFree(b);
    cudaFree(partials);
    if (start) cudaEventDestroy(start);
    if (stop) cudaEventDestroy(stop);
    if (!st.ok()) {
        st.throw_if_failed(env);
        return nullptr;
    }
    jdoubleArray result = env->NewDoubleArray(repeats);
    if (result != nullptr) env->SetDoubleArrayRegion(result, 0, repeats, times.data());
    return result;
}

/* Mean host-side seconds of (empty launch + cudaStreamSynchronize). */
JNIEXPORT jdouble JNICALL Java_dev_dynlat_calibration_backend_CudaNative_emptyLaunch(JNIEnv *env, jclass, jint calls)
{
    if (calls <= 0) {
        throw_named(env, "java/lang/IllegalArgumentException", "calls must be > 0");
        return 0.0;
    }
    CudaStatus st;
    for (int i = 0; st.ok() && i < 10; ++i) { /* warm-up: module load, first launch */
        st.check(dl_cuda_empty(nullptr), "empty kernel launch");
        st.check(cudaStreamSynchronize(nullptr), "cudaStreamSynchronize");
    }
    double t0 = dl_now_seconds();
    for (int i = 0; st.ok() && i < calls; ++i) {
        st.check(dl_cuda_empty(nullptr), "empty kernel launch");
        st.check(cudaStreamSynchronize(nullptr), "cudaStreamSynchronize");
    }
    double elapsed = dl_now_seconds() - t0;
    if (!st.ok()) {
        st.throw_if_failed(env);
        return 0.0;
    }
    return elapsed / calls;
}

} // extern "C"
