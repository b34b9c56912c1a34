/*
 * Device state and timing of one kernel run, shared by the JNI library (cuda_jni.cu) and the
 * standalone benchmark (bench/bench_main.cu), so both time the same kernels the same way: operands
 * seeded on the host with the shared generator, back-to-back runs captured in one CUDA graph, CUDA
 * events around each graph launch.
 */
#ifndef DL_CUDA_TIMING_CUH
#define DL_CUDA_TIMING_CUH

#include <cstdint>
#include <cstdio>
#include <vector>

#include "cuda_kernels.cuh"
#include "dl_desc.h"

namespace dl {

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
};

/* All device state of one kernel description; desc and shape are filled (dl_shape_of) by the caller. */
struct DeviceCase {
    dl_desc desc{};
    dl_shape shape{};
    std::vector<int> host_lists;
    int *dev_lists = nullptr;
    dl_device_lists lists{nullptr, nullptr};
    float *ops[DL_MAX_OPERANDS] = {nullptr, nullptr, nullptr};
    float *out = nullptr;
    cudaStream_t stream = nullptr;

    DeviceCase() = default;
    DeviceCase(const DeviceCase &) = delete;
    DeviceCase &operator=(const DeviceCase &) = delete;
    ~DeviceCase()
    {
        cudaFree(dev_lists);
        for (float *p : ops) cudaFree(p);
        cudaFree(out);
        if (stream != nullptr) cudaStreamDestroy(stream);
    }

    /* Allocates the stream and buffers, copies the index lists (desc.list_a/b point into host_lists),
     * seeds the operands with `seed`, zeroes the output. */
    void allocate(uint64_t seed, CudaStatus &st)
    {
        const int na = desc.n_a, nb = desc.n_b;
        st.check(cudaStreamCreate(&stream), "cudaStreamCreate");
        if (st.ok() && na + nb > 0) {
            st.check(cudaMalloc(&dev_lists, sizeof(int) * (size_t)(na + nb)), "cudaMalloc(index lists)");
            st.check(cudaMemcpy(dev_lists, host_lists.data(), sizeof(int) * (size_t)(na + nb), cudaMemcpyHostToDevice),
                     "cudaMemcpy(index lists)");
            lists.a = na ? dev_lists : nullptr;
            lists.b = nb ? dev_lists + na : nullptr;
        }
        for (int i = 0; st.ok() && i < shape.n_operands; ++i) {
            size_t n = shape.operand_len[i];
            std::vector<float> host(n);
            dl_fill_seeded(host.data(), n, seed, i);
            st.check(cudaMalloc(&ops[i], sizeof(float) * n), "cudaMalloc(operand)");
            st.check(cudaMemcpy(ops[i], host.data(), sizeof(float) * n, cudaMemcpyHostToDevice), "cudaMemcpy(operand)");
        }
        if (st.ok()) {
            st.check(cudaMalloc(&out, sizeof(float) * shape.output_len), "cudaMalloc(output)");
            /* scatter leaves inactive positions untouched, so they read as zero */
            st.check(cudaMemset(out, 0, sizeof(float) * shape.output_len), "cudaMemset(output)");
        }
    }

    cudaError_t run(cudaStream_t s) const { return dl_cuda_run(&desc, &shape, &lists, ops, out, s); }
};

/* A graph launch of the timed kernels should last about this long, so event resolution and the
 * graph's own launch cost stay small against it. */
constexpr double kTargetGraphSeconds = 0.5e-3;
constexpr int kMaxLaunchesPerGraph = 1000;

/* Stream and two events, released on scope exit. */
struct Timing {
    cudaStream_t stream = nullptr;
    cudaEvent_t start = nullptr, stop = nullptr;
    explicit Timing(CudaStatus &st)
    {
        st.check(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking), "cudaStreamCreate");
        st.check(cudaEventCreate(&start), "cudaEventCreate");
        st.check(cudaEventCreate(&stop), "cudaEventCreate");
    }
    ~Timing()
    {
        if (start) cudaEventDestroy(start);
        if (stop) cudaEventDestroy(stop);
        if (stream) cudaStreamDestroy(stream);
    }
    /* Seconds between the two events around `enqueue()` on the stream. */
    template <class F> double seconds(F enqueue, CudaStatus &st, const char *what)
    {
        float ms = 0.0f;
        st.check(cudaEventRecord(start, stream), "cudaEventRecord");
        if (st.ok()) st.check(enqueue(), what);
        st.check(cudaEventRecord(stop, stream), "cudaEventRecord");
        st.check(cudaEventSynchronize(stop), "cudaEventSynchronize");
        st.check(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
        return 1e-3 * ms;
    }
};

/* An instantiated CUDA graph of `launches` back-to-back runs of `enqueue`, released on scope exit. */
struct Graph {
    cudaGraph_t graph = nullptr;
    cudaGraphExec_t exec = nullptr;
    template <class F> Graph(F enqueue, int launches, cudaStream_t stream, CudaStatus &st)
    {
        if (!st.check(cudaStreamBeginCapture(stream, cudaStreamCaptureModeThreadLocal), "cudaStreamBeginCapture")) {
            return;
        }
        for (int i = 0; i < launches && st.ok(); ++i) st.check(enqueue(), "kernel launch (graph capture)");
        /* capture must end even after a failed launch, or the stream stays unusable */
        cudaError_t e = cudaStreamEndCapture(stream, &graph);
        st.check(e, "cudaStreamEndCapture");
        if (st.ok()) st.check(cudaGraphInstantiate(&exec, graph, 0), "cudaGraphInstantiate");
    }
    ~Graph()
    {
        if (exec) cudaGraphExecDestroy(exec);
        if (graph) cudaGraphDestroy(graph);
    }
    Graph(const Graph &) = delete;
    Graph &operator=(const Graph &) = delete;
};

/*
 * Kernel time of `enqueue` as a real network sees it: `launches` back-to-back runs captured in one
 * CUDA graph, so the host's submit gap between launches is not in the figure. `launches` is chosen
 * from one eager run so that a graph lasts about kTargetGraphSeconds. Fills seconds per run (graph
 * time / launches) for each of `runs` graph launches after `warmup` untimed ones; returns the number
 * of runs per graph launch (0 after a failure).
 */
template <class F> int time_in_graph(F enqueue, int warmup, int runs, double *out, CudaStatus &st)
{
    Timing tm(st);
    if (!st.ok()) return 0;
    st.check(enqueue(tm.stream), "kernel launch");
    st.check(cudaStreamSynchronize(tm.stream), "kernel execution");
    const double once = tm.seconds([&] { return enqueue(tm.stream); }, st, "kernel launch");
    if (!st.ok()) return 0;
    int launches = once > 0 ? (int)(kTargetGraphSeconds / once + 0.5) : kMaxLaunchesPerGraph;
    launches = launches < 1 ? 1 : (launches > kMaxLaunchesPerGraph ? kMaxLaunchesPerGraph : launches);
    Graph g([&] { return enqueue(tm.stream); }, launches, tm.stream, st);
    for (int i = 0; st.ok() && i < warmup; ++i) st.check(cudaGraphLaunch(g.exec, tm.stream), "cudaGraphLaunch");
    for (int i = 0; st.ok() && i < runs; ++i) {
        out[i] = tm.seconds([&] { return cudaGraphLaunch(g.exec, tm.stream); }, st, "cudaGraphLaunch") / launches;
    }
    return st.ok() ? launches : 0;
}

} // namespace dl

#endif
