/*
 * dynlat_bench: the calibration suite on a CUDA device without a JVM. Times the cases of a plan
 * (plan.h; written by `dynlat calibrate --backend cuda --plan DIR`) with the JNI library's own kernels
 * (cuda_kernels.cu) and timing (cuda_timing.cuh), following MeasurementProtocol: per case and round,
 * up to `attempts` attempts of `warmup` untimed and `timed` timed graph launches; an attempt is
 * accepted when its relative spread (p75 - p25) / median is at most max_spread; when none is, the
 * steadiest attempt is reported and the round is flagged. Rows go to raw-samples.csv as each case is
 * measured (flushed), so a run cut off keeps what it measured.
 *
 *   dynlat_bench check                   device line; exit 3 when there is no usable CUDA device
 *   dynlat_bench versions [TOOLKIT]      driver/runtime versions; exit 4 when the driver is of an older
 *                                        major release than the runtime or the toolkit (e.g. 12.4)
 *   dynlat_bench run PLAN CSV [--deadline-s S] [--verify]
 *                                        exit 0 done, 1 CUDA or kernel check failure, 2 bad input,
 *                                        3 no device, 5 stopped at the deadline (rows so far kept)
 */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cuda_kernels.cuh"
#include "cuda_timing.cuh"
#include "dl_desc.h"
#include "plan.h"

namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 2, kNoDevice = 3, kOldDriver = 4, kDeadline = 5;

std::string version_text(int v)
{
    if (v <= 0) return "none";
    char b[32];
    std::snprintf(b, sizeof b, "%d.%d", v / 1000, v % 1000 / 10);
    return b;
}

/* Why there is no usable device, or "" when there is one (the JNI library's wording). */
std::string unavailable_reason()
{
    int count = 0;
    cudaError_t e = cudaGetDeviceCount(&count);
    if (e == cudaSuccess && count > 0) return "";
    int driver = 0, runtime = 0;
    cudaDriverGetVersion(&driver);
    cudaRuntimeGetVersion(&runtime);
    if (e == cudaSuccess || e == cudaErrorNoDevice) return "no CUDA device";
    if (driver == 0) return "no CUDA device (no CUDA driver installed)";
    if (e == cudaErrorInsufficientDriver) {
        return "no CUDA device (driver " + version_text(driver) + " is older than the runtime " + version_text(runtime) + ")";
    }
    return std::string("no CUDA device (") + cudaGetErrorString(e) + ")";
}

int cmd_check()
{
    std::string reason = unavailable_reason();
    if (!reason.empty()) {
        std::printf("gpu: %s; nothing was measured\n", reason.c_str());
        return kNoDevice;
    }
    cudaDeviceProp prop;
    if (cudaGetDeviceProperties(&prop, 0) != cudaSuccess) {
        std::printf("gpu: cudaGetDeviceProperties failed\n");
        return kFailed;
    }
    std::printf("gpu: %s (sm_%d%d, %d SMs)\n", prop.name, prop.major, prop.minor, prop.multiProcessorCount);
    return kOk;
}

/* "12.4" to 12040; 0 when not a version. */
int parse_toolkit(const char *s)
{
    int major = 0, minor = 0;
    return s != nullptr && std::sscanf(s, "%d.%d", &major, &minor) == 2 ? major * 1000 + minor * 10 : 0;
}

int cmd_versions(const char *toolkit)
{
    int driver = 0, runtime = 0;
    if (cudaDriverGetVersion(&driver) != cudaSuccess) driver = 0;
    if (cudaRuntimeGetVersion(&runtime) != cudaSuccess) runtime = 0;
    const int tk = parse_toolkit(toolkit);
    const int needed = std::max(tk, runtime);
    const bool too_old = driver > 0 && driver / 1000 < needed / 1000;
    const bool minor_behind = driver > 0 && !too_old && driver < needed;
    std::printf("CUDA driver %s, runtime %s (dynlat_bench)%s%s%s\n", version_text(driver).c_str(),
                version_text(runtime).c_str(), tk ? ", toolkit " : "", tk ? version_text(tk).c_str() : "",
                minor_behind ? "; driver behind the toolkit's minor release: runs under minor-version compatibility" : "");
    if (too_old) {
        std::fprintf(stderr, "gpu: the CUDA driver (%s) is older than the toolkit (%s); build with a toolkit of the"
                     " driver's major release or update the driver\n", version_text(driver).c_str(),
                     version_text(needed).c_str());
        return kOldDriver;
    }
    return kOk;
}

/* Hyndman-Fan type 7, as SampleStats.quantile. */
double quantile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    const double pos = q * (double)(v.size() - 1);
    const size_t lo = (size_t)std::floor(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - (double)lo) * (v[hi] - v[lo]);
}

double relative_spread(const std::vector<double> &v)
{
    return (quantile(v, 0.75) - quantile(v, 0.25)) / quantile(v, 0.5);
}

/* CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
std::string csv_field(const char *s)
{
    if (std::strpbrk(s, ",\"\r\n") == nullptr) return s;
    std::string q = "\"";
    for (const char *p = s; *p; ++p) {
        if (*p == '"') q += '"';
        q += *p;
    }
    return q + "\"";
}

/* Fills a DeviceCase from a plan case (desc, shape, lists) and allocates it. */
bool prepare(const dlp_case &c, uint64_t seed, dl::DeviceCase &dc, dl::CudaStatus &st, std::string &err)
{
    dc.desc = c.desc;
    dc.host_lists.assign((size_t)c.desc.n_a + c.desc.n_b + 1, 0);
    std::copy(c.desc.list_a, c.desc.list_a + c.desc.n_a, dc.host_lists.begin());
    std::copy(c.desc.list_b, c.desc.list_b + c.desc.n_b, dc.host_lists.begin() + c.desc.n_a);
    dc.desc.list_a = c.desc.n_a ? dc.host_lists.data() : nullptr;
    dc.desc.list_b = c.desc.n_b ? dc.host_lists.data() + c.desc.n_a : nullptr;
    char msg[DL_ERR_LEN];
    if (dl_shape_of(&dc.desc, &dc.shape, msg, sizeof msg)) {
        err = msg;
        return false;
    }
    dc.allocate(seed, st);
    return st.ok();
}

/* Host multiply-adds of emulating a case: how long checking it against dl_cuda_emulate takes. */
double emulation_cost(const dl_desc &d, const dl_shape &s)
{
    if (s.is_conv) return (double)s.output_len * (s.conv.cin / s.conv.groups) * s.conv.k * s.conv.k;
    if (d.kind == DL_FC) return (double)d.dims[0] * d.dims[1] * d.dims[2];
    double total = (double)s.output_len;
    for (int i = 0; i < s.n_operands; ++i) total += (double)s.operand_len[i];
    return total;
}

/*
 * Runs the two cheapest cases of every kind once on the device and compares them with the same
 * kernels' per-thread code emulated on the host (KernelCorrectnessContract's tolerance): wrong
 * kernels would make every timing meaningless.
 */
int verify(const dlp_plan &plan)
{
    constexpr double kTolerance = 1e-4;
    int checked = 0, kinds = 0;
    for (int k = 0; k < plan.n_kinds; ++k) {
        std::vector<std::pair<double, int>> byCost;
        for (int i = 0; i < plan.n_cases; ++i) {
            if (plan.cases[i].kind != k) continue;
            dl_shape s;
            char msg[DL_ERR_LEN];
            if (dl_shape_of(&plan.cases[i].desc, &s, msg, sizeof msg) == 0) byCost.push_back({emulation_cost(plan.cases[i].desc, s), i});
        }
        std::sort(byCost.begin(), byCost.end());
        if (!byCost.empty()) kinds++;
        for (size_t j = 0; j < byCost.size() && j < 2; ++j) {
            const dlp_case &c = plan.cases[byCost[j].second];
            dl::CudaStatus st;
            dl::DeviceCase dc;
            std::string err;
            if (!prepare(c, 7u, dc, st, err)) {
                std::fprintf(stderr, "verify: case %s: %s\n", c.id, err.empty() ? st.message : err.c_str());
                return kFailed;
            }
            std::vector<float> gpu(dc.shape.output_len), host(dc.shape.output_len, 0.0f);
            st.check(dc.run(dc.stream), "kernel launch");
            st.check(cudaStreamSynchronize(dc.stream), "kernel execution");
            st.check(cudaMemcpy(gpu.data(), dc.out, sizeof(float) * gpu.size(), cudaMemcpyDeviceToHost), "cudaMemcpy");
            if (!st.ok()) {
                std::fprintf(stderr, "verify: case %s: %s\n", c.id, st.message);
                return kFailed;
            }
            std::vector<std::vector<float>> operands((size_t)dc.shape.n_operands);
            float *ops[DL_MAX_OPERANDS] = {nullptr, nullptr, nullptr};
            for (int o = 0; o < dc.shape.n_operands; ++o) {
                operands[(size_t)o].resize(dc.shape.operand_len[o]);
                dl_fill_seeded(operands[(size_t)o].data(), dc.shape.operand_len[o], 7u, o);
                ops[o] = operands[(size_t)o].data();
            }
            if (dl_cuda_emulate(&dc.desc, &dc.shape, ops, host.data()) != 0) {
                std::fprintf(stderr, "verify: case %s: the host emulation does not support it\n", c.id);
                return kFailed;
            }
            bool nonzero = false;
            for (size_t e = 0; e < host.size(); ++e) {
                const double diff = std::fabs((double)gpu[e] - host[e]);
                if (!(diff <= kTolerance * std::max(1.0, std::fabs((double)host[e])))) {
                    std::fprintf(stderr, "verify: case %s: element %zu is %.9g on the device, %.9g emulated\n", c.id,
                                 e, gpu[e], host[e]);
                    return kFailed;
                }
                nonzero |= host[e] != 0.0f;
            }
            if (!nonzero) {
                std::fprintf(stderr, "verify: case %s: output all zero; the check proves nothing\n", c.id);
                return kFailed;
            }
            checked++;
        }
    }
    std::printf("verify: %d cases of %d kinds match the host emulation of the same kernels\n", checked, kinds);
    return kOk;
}

int cmd_run(const char *plan_path, const char *csv_path, double deadline_s, bool check_kernels)
{
    const double t0 = dl_now_seconds();
    dlp_plan plan;
    char err[1024];
    if (dlp_read(plan_path, &plan, err, sizeof err)) {
        std::printf("plan: %s\n", err);
        return kUsage;
    }
    struct Freed {
        dlp_plan *p;
        ~Freed() { dlp_free(p); }
    } freed{&plan};
    std::string reason = unavailable_reason();
    if (!reason.empty()) {
        std::printf("gpu: %s; nothing was measured\n", reason.c_str());
        return kNoDevice;
    }
    if (FILE *existing = std::fopen(csv_path, "r")) {
        std::fclose(existing);
        std::printf("run: %s exists; give a new output so rows of two runs do not mix\n", csv_path);
        return kUsage;
    }
    cudaDeviceProp prop;
    if (cudaGetDeviceProperties(&prop, 0) != cudaSuccess) {
        std::printf("gpu: cudaGetDeviceProperties failed\n");
        return kFailed;
    }
    if (check_kernels) {
        int rc = verify(plan);
        if (rc != kOk) return rc;
    }
    FILE *csv = std::fopen(csv_path, "w");
    if (csv == nullptr) {
        std::printf("run: cannot create %s\n", csv_path);
        return kUsage;
    }
    std::fprintf(csv, "case_id,kind,group,shape,device,round,attempt,sample,latency_ms,attempt_spread,reported,flagged\n");
    std::fflush(csv);
    const std::string device = csv_field(prop.name);
    const int n = plan.n_cases;
    long rows = 0, flagged = 0;
    for (int round = 1; round <= plan.rounds; ++round) {
        /* each round starts elsewhere in the list, so a drift of the clock biases no case (SuiteMeasurer
           shuffles for the same reason) */
        const int start = (int)((long)(round - 1) * n / plan.rounds);
        for (int j = 0; j < n; ++j) {
            if (deadline_s > 0 && dl_now_seconds() - t0 > deadline_s) {
                std::fclose(csv);
                std::printf("run: stopped at the %.0f s deadline in round %d of %d after %d of %d cases; %ld rows kept\n",
                            deadline_s, round, plan.rounds, j, n, rows);
                return kDeadline;
            }
            const dlp_case &c = plan.cases[(start + j) % n];
            dl::CudaStatus st;
            dl::DeviceCase dc;
            std::string perr;
            if (!prepare(c, plan.seed, dc, st, perr)) {
                std::fclose(csv);
                std::printf("run: case %s: %s\n", c.id, perr.empty() ? st.message : perr.c_str());
                return perr.empty() ? kFailed : kUsage;
            }
            std::vector<std::vector<double>> attempts;
            std::vector<double> spreads;
            int reported = -1;
            double best = INFINITY;
            for (int a = 0; a < plan.attempts; ++a) {
                std::vector<double> s((size_t)plan.timed);
                dl::time_in_graph([&](cudaStream_t str) { return dc.run(str); }, plan.warmup, plan.timed, s.data(), st);
                if (!st.ok()) {
                    std::fclose(csv);
                    std::printf("run: case %s: %s\n", c.id, st.message);
                    return kFailed;
                }
                const double spread = relative_spread(s);
                attempts.push_back(s);
                spreads.push_back(spread);
                if (spread < best) {
                    best = spread;
                    reported = a;
                }
                if (spread <= plan.max_spread) {
                    reported = a;
                    break;
                }
            }
            const bool is_flagged = best > plan.max_spread;
            flagged += is_flagged;
            for (size_t a = 0; a < attempts.size(); ++a) {
                for (size_t i = 0; i < attempts[a].size(); ++i) {
                    std::fprintf(csv, "%s,%s,%s,%s,%s,%d,%zu,%zu,%.9g,%.6g,%d,%d\n", c.id, plan.kinds[c.kind].name,
                                 c.group, c.shape, device.c_str(), round, a, i, attempts[a][i] * 1e3, spreads[a],
                                 (int)a == reported, is_flagged ? 1 : 0);
                    rows++;
                }
            }
            std::fflush(csv);
            if ((j + 1) % 50 == 0 || j + 1 == n) {
                std::fprintf(stderr, "round %d/%d: %d/%d cases, %.1f s\n", round, plan.rounds, j + 1, n,
                             dl_now_seconds() - t0);
            }
        }
    }
    std::fclose(csv);
    std::printf("run: %d cases x %d rounds on %s in %.1f s: %ld samples, %ld case-rounds flagged (spread over %g)\n", n,
                plan.rounds, prop.name, dl_now_seconds() - t0, rows, flagged, plan.max_spread);
    return kOk;
}

int usage()
{
    std::fprintf(stderr, "usage: dynlat_bench check | versions [TOOLKIT] | run PLAN CSV [--deadline-s S] [--verify]\n");
    return kUsage;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) return usage();
    const std::string cmd = argv[1];
    if (cmd == "check" && argc == 2) return cmd_check();
    if (cmd == "versions" && argc <= 3) return cmd_versions(argc == 3 ? argv[2] : nullptr);
    if (cmd == "run" && argc >= 4) {
        double deadline = 0;
        bool check_kernels = false;
        for (int i = 4; i < argc; ++i) {
            if (std::strcmp(argv[i], "--verify") == 0) {
                check_kernels = true;
            } else if (std::strcmp(argv[i], "--deadline-s") == 0 && i + 1 < argc) {
                char *end = nullptr;
                deadline = std::strtod(argv[++i], &end);
                if (end == argv[i] || *end != 0 || !(deadline > 0)) {
                    std::fprintf(stderr, "run: --deadline-s must be a positive number of seconds, got '%s'\n", argv[i]);
                    return kUsage;
                }
            } else {
                return usage();
            }
        }
        return cmd_run(argv[2], argv[3], deadline, check_kernels);
    }
    return usage();
}
