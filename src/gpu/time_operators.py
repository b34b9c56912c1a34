"""Operators through PyTorch (cuDNN / cuBLAS / ATen kernels), written in NeuSight's collected-kernel CSV
layout so that `dynlat calibrate --from-measurements` and `dynlat operators` read them like the shared
NeuSight files. Two sources of shapes:

- the plan's cases that have a NeuSight layout: conv2d with groups 1 (conv), fc (linear), add (add), so
  that dynlat's own kernels and the vendor libraries' are timed on the same shapes (case_id = the plan's);
- shapes drawn from NeuSight-like ranges with a fixed seed (case_id = drawn-<op>-<i>): linear and bmm
  (B, M, N, K), softmax and ln, and the elementwise ops add, mul, div, pow, relu, gelu, tanh and the
  scalar variants addu, mulu, divu, powu (B, H).

usage: python3 time_operators.py PLAN.txt OUT_DIR BUDGET_S
       python3 time_operators.py --estimate PLAN.txt     (shapes and time estimate; no torch needed)

Writes OUT_DIR/<op>.csv, one file per NeuSight operator (kernels/<op>/<GPU>.csv in the shared data).
Columns: NeuSight's common columns (Kernel Name, Warps/Blocks per SM, grid and block, and Kernels where
the layout has it, left empty: not profiled), the op's shape columns, and case_id. Latency: milliseconds
per call, the median of 3 means of back-to-back calls between CUDA events (NeuSight reports a mean per
call). FP32, TF32 off. Rows are flushed as measured; ops are taken in turn (one of each op, then the
next), so a run cut off by its budget keeps a share of every op.

Shape semantics follow the DATA of NeuSight's files, judged from the cuBLAS grids recorded in them (its
README's wording differs): linear is M rows (B = 1) of N input features -> K output features
(x[M, N] . W[K, N]^T); bmm is [B, M, N] . [B, N, K] -> [B, M, K]. Row ops act on B rows of H elements.

Time on an H100 (the step's budget is 35 s, the script passes 30 s): estimate() prices every op from its
shape at derated H100 peaks (25% of 67 TFLOP/s FP32, 50% of 3.35 TB/s) with a floor of 20 us per eager
call (PyTorch's host dispatch), then counts the calls latency_ms makes (3 warm-up + 1 probe + 3 groups
of 5..200 calls lasting about 10 ms each) plus 5 ms per op to allocate and seed its tensors and 12 s to
import torch and start CUDA, cuBLAS and cuDNN. Drawn shapes whose work at full peaks exceeds
MAX_PEAK_MS are drawn again, so no single op can eat the budget. The test
calibration/src/test/python/test_time_operators.py holds the whole step to the script's budget.
"""
import csv
import math
import os
import random
import sys
import time

COMMON = ["OPName", "Latency", "Device", "Torch Version", "CUDNN Version", "Kernel Name", "Warps per SM",
          "Blocks per SM", "Grid x", "Grid y", "Grid z", "Block x", "Block y", "Block z", "CUDA Version"]
ELEMENTWISE = ("add", "mul", "div", "pow", "relu", "gelu", "tanh", "addu", "mulu", "divu", "powu")
SHAPE_COLUMNS = {"conv": ["B", "Input_Channel", "Output_Channel", "Kernel_Szie", "Input_Size", "Stride", "Padding"],
                 "linear": ["B", "M", "N", "K"], "bmm": ["B", "M", "N", "K"], "softmax": ["B", "H"], "ln": ["B", "H"]}
SHAPE_COLUMNS.update({op: ["B", "H"] for op in ELEMENTWISE})
# NeuSight's files with a Kernels column (every kernel an op launched) before the shape columns
WITH_KERNELS = ("conv", "linear", "bmm", "ln")

# drawn shapes: how many per op, and NeuSight-like ranges (log-uniform integers, both ends included)
SEED = 20250301
DRAWN = {"linear": 24, "bmm": 24, "softmax": 12, "ln": 12}
DRAWN.update({op: 8 for op in ELEMENTWISE})
RANGES = {"linear": {"B": (1, 1), "M": (1, 8192), "N": (1, 16384), "K": (2, 16384)},
          "bmm": {"B": (1, 1025), "M": (16, 1025), "N": (2, 1025), "K": (2, 1025)},
          "ln": {"B": (4, 16384), "H": (256, 4096)}}
ROW_RANGE = {"B": (1, 16384), "H": (1, 4096)}
MAX_PEAK_MS = 1.0

# H100 SXM datasheet peaks and the derating the estimate assumes for PyTorch's kernels
PEAK_FLOPS = 67e12
PEAK_BYTES_PER_S = 3.35e12
FMA_EFFICIENCY = 0.25
DRAM_EFFICIENCY = 0.5
HOST_CALL_S = 20e-6
OP_SETUP_S = 5e-3
STARTUP_S = 12.0

WARMUP = 3
GROUPS = 3
GROUP_TARGET_S = 0.01
MIN_CALLS = 5
MAX_CALLS = 200


def layout(op):
    """The CSV header of an op's file."""
    return COMMON + (["Kernels"] if op in WITH_KERNELS else []) + SHAPE_COLUMNS[op] + ["case_id"]


def read_plan(path):
    """(case_id, kind, {name: int}) of every case line; the plan format is src/docs/gpu/plan-format.md."""
    cases = []
    with open(path) as f:
        first = next((l for l in f if l.strip() and not l.startswith("#")), "")
        if first.split()[:2] != ["dynlat-plan", "1"]:
            raise SystemExit(f"operators: {path} is not a dynlat plan of format 1")
        for line in f:
            t = line.split()
            if t and t[0] == "case":
                cases.append((t[1], t[2], {k: int(v) for k, v in (p.split("=", 1) for p in t[4:])}))
    return cases


def plan_jobs(cases):
    """(op, {column: int}, case_id) for the plan's cases that have a NeuSight layout."""
    jobs = []
    for case_id, kind, s in cases:
        if kind == "conv2d" and s["groups"] == 1 and s["h"] == s["w"]:
            cols = [s["n"], s["cin"], s["cout"], s["k"], s["h"], s["stride"], s["pad"]]
            jobs.append(("conv", dict(zip(SHAPE_COLUMNS["conv"], cols)), case_id))
        elif kind == "fc":
            jobs.append(("linear", {"B": 1, "M": s["n"], "N": s["cin"], "K": s["cout"]}, case_id))
        elif kind == "add":
            jobs.append(("add", {"B": s["n"] * s["c"], "H": s["h"] * s["w"]}, case_id))
    return jobs


def work(op, c):
    """(FLOP, bytes moved at the least) of one call, FP32."""
    if op == "conv":
        out_side = (c["Input_Size"] + 2 * c["Padding"] - c["Kernel_Szie"]) // c["Stride"] + 1
        outputs = c["B"] * c["Output_Channel"] * out_side * out_side
        flop = 2.0 * outputs * c["Input_Channel"] * c["Kernel_Szie"] ** 2
        elements = (c["B"] * c["Input_Channel"] * c["Input_Size"] ** 2 + outputs
                    + c["Output_Channel"] * c["Input_Channel"] * c["Kernel_Szie"] ** 2)
        return flop, 4.0 * elements
    if op in ("linear", "bmm"):
        b, m, n, k = c["B"], c["M"], c["N"], c["K"]
        return 2.0 * b * m * n * k, 4.0 * b * (m * n + n * k + m * k)
    rows = c["B"] * c["H"]
    operands = 2 if op in ("add", "mul", "div", "pow") else 1
    return {"softmax": 5.0, "ln": 8.0}.get(op, 1.0) * rows, 4.0 * rows * (operands + 1)


def peak_ms(op, c):
    """Milliseconds of one call at the H100's full peaks (the larger of FMA and DRAM time)."""
    flop, moved = work(op, c)
    return 1e3 * max(flop / PEAK_FLOPS, moved / PEAK_BYTES_PER_S)


def _log_uniform(rng, lo, hi):
    return lo if lo == hi else int(round(math.exp(rng.uniform(math.log(lo), math.log(hi + 1) - 1e-9))))


def drawn_jobs(seed=SEED):
    """(op, {column: int}, case_id) drawn from NeuSight-like ranges: deterministic in seed."""
    rng = random.Random(seed)
    jobs = []
    for op, count in DRAWN.items():
        ranges = RANGES.get(op, ROW_RANGE)
        for i in range(count):
            while True:
                c = {name: min(hi, max(lo, _log_uniform(rng, lo, hi))) for name, (lo, hi) in ranges.items()}
                if peak_ms(op, c) <= MAX_PEAK_MS:
                    break
            jobs.append((op, c, f"drawn-{op}-{i}"))
    return jobs


def in_turn(jobs):
    """Jobs reordered one op at a time (first of each op, then the second of each, ...)."""
    by_op = {}
    for j in jobs:
        by_op.setdefault(j[0], []).append(j)
    ordered = []
    for i in range(max((len(v) for v in by_op.values()), default=0)):
        ordered.extend(v[i] for v in by_op.values() if i < len(v))
    return ordered


def estimate_seconds(jobs):
    """Wall seconds of timing every job on an H100 as latency_ms does, with start-up (see the docstring)."""
    total = STARTUP_S
    for op, c, _ in jobs:
        flop, moved = work(op, c)
        call_s = max(HOST_CALL_S, flop / (PEAK_FLOPS * FMA_EFFICIENCY), moved / (PEAK_BYTES_PER_S * DRAM_EFFICIENCY))
        calls = max(MIN_CALLS, min(MAX_CALLS, int(GROUP_TARGET_S / call_s)))
        total += OP_SETUP_S + (WARMUP + 1 + GROUPS * calls) * call_s
    return total


def operator_call(torch, op, c):
    """A call that runs op on fresh CUDA tensors of shape c."""
    F = torch.nn.functional
    cuda = {"device": "cuda", "dtype": torch.float32}
    if op == "conv":
        x = torch.randn(c["B"], c["Input_Channel"], c["Input_Size"], c["Input_Size"], **cuda)
        w = torch.randn(c["Output_Channel"], c["Input_Channel"], c["Kernel_Szie"], c["Kernel_Szie"], **cuda)
        return lambda: F.conv2d(x, w, None, c["Stride"], c["Padding"])
    if op == "linear":
        x = torch.randn(c["B"] * c["M"], c["N"], **cuda)
        w = torch.randn(c["K"], c["N"], **cuda)
        return lambda: F.linear(x, w)
    if op == "bmm":
        a = torch.randn(c["B"], c["M"], c["N"], **cuda)
        b = torch.randn(c["B"], c["N"], c["K"], **cuda)
        return lambda: torch.bmm(a, b)
    # positive operands: pow and div stay finite
    x = torch.rand(c["B"], c["H"], **cuda) + 0.5
    if op == "softmax":
        return lambda: torch.softmax(x, dim=-1)
    if op == "ln":
        weight, bias = torch.ones(c["H"], **cuda), torch.zeros(c["H"], **cuda)
        return lambda: F.layer_norm(x, (c["H"],), weight, bias)
    unary = {"relu": F.relu, "gelu": F.gelu, "tanh": torch.tanh}
    if op in unary:
        f = unary[op]
        return lambda: f(x)
    binary = {"add": torch.add, "mul": torch.mul, "div": torch.div, "pow": torch.pow}
    if op in binary:
        f, y = binary[op], torch.rand(c["B"], c["H"], **cuda) + 0.5
        return lambda: f(x, y)
    f = binary[op[:-1]]  # the scalar variants: addu, mulu, divu, powu
    return lambda: f(x, 1.5)


def latency_ms(torch, call):
    for _ in range(WARMUP):
        call()
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    call()
    stop.record()
    stop.synchronize()
    once_ms = start.elapsed_time(stop)
    calls = max(MIN_CALLS, min(MAX_CALLS, int(GROUP_TARGET_S * 1e3 / max(once_ms, 1e-4))))
    means = []
    for _ in range(GROUPS):
        start.record()
        for _ in range(calls):
            call()
        stop.record()
        stop.synchronize()
        means.append(start.elapsed_time(stop) / calls)
    return sorted(means)[GROUPS // 2]


def main(argv):
    if len(argv) == 3 and argv[1] == "--estimate":
        jobs = in_turn(plan_jobs(read_plan(argv[2])) + drawn_jobs())
        ops = sorted({j[0] for j in jobs})
        print(f"operators: {len(jobs)} ({', '.join(ops)}), estimated {estimate_seconds(jobs):.1f} s on an H100")
        return 0
    if len(argv) != 4:
        print("usage: time_operators.py PLAN.txt OUT_DIR BUDGET_S | --estimate PLAN.txt", file=sys.stderr)
        return 2
    plan, out_dir, budget_s = argv[1], argv[2], float(argv[3])
    deadline = time.monotonic() + budget_s
    jobs = in_turn(plan_jobs(read_plan(plan)) + drawn_jobs())
    import torch

    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.manual_seed(0)
    device = torch.cuda.get_device_name(0)
    meta = {"Device": device, "Torch Version": "p" + torch.__version__.split("+")[0],
            "CUDNN Version": str(torch.backends.cudnn.version()),
            "CUDA Version": "cu" + (torch.version.cuda or "").replace(".", "")}
    os.makedirs(out_dir, exist_ok=True)
    files, writers = {}, {}
    timed, failed = 0, []
    try:
        with torch.inference_mode():
            for op, cols, case_id in jobs:
                if time.monotonic() > deadline:
                    print(f"operators: budget spent after {timed} of {len(jobs)} operators", file=sys.stderr)
                    return 5
                try:
                    ms = latency_ms(torch, operator_call(torch, op, cols))
                except (RuntimeError, ValueError) as e:  # out of memory or an op this torch lacks: the others go on
                    failed.append(f"{case_id}: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
                    torch.cuda.empty_cache()
                    continue
                if op not in writers:
                    files[op] = open(os.path.join(out_dir, op + ".csv"), "w", newline="")
                    writers[op] = csv.writer(files[op])
                    writers[op].writerow(layout(op))
                row = {**meta, **cols, "OPName": op, "Latency": f"{ms:.9g}", "case_id": case_id}
                writers[op].writerow([row.get(c, "") for c in layout(op)])
                files[op].flush()
                timed += 1
    finally:
        for f in files.values():
            f.close()
    for line in failed:
        print(f"operators: not timed: {line}", file=sys.stderr)
    print(f"operators: {timed} of {len(jobs)} timed through PyTorch on {device} ({', '.join(sorted(files))})"
          + (f"; {len(failed)} failed (see the log)" if failed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
