"""The plan's operator shapes through PyTorch (cuDNN / cuBLAS), to tie dynlat's kernels to the vendor
libraries', written in NeuSight's collected-kernel CSV layout so that `dynlat calibrate
--from-measurements` and `dynlat operators` read them like the shared NeuSight files.

usage: python3 time_operators.py PLAN.txt OUT_DIR BUDGET_S

Writes OUT_DIR/<op>.csv, one file per NeuSight operator as the shared files are laid out
(kernels/<op>/<GPU>.csv): conv (the plan's conv2d cases with groups = 1: NeuSight's conv layout has no
groups column), linear (fc), add (add). Other plan kinds have no NeuSight layout and are not timed here.
Columns: NeuSight's (Kernel Name, Kernels, warps, blocks and grid left empty: not profiled), its shape
columns, and case_id (the plan's case, carried through). Latency is milliseconds per call: the median of
3 means of back-to-back calls between CUDA events (NeuSight reports a mean per call). FP32, TF32 off.
Rows are flushed as measured.
"""
import csv
import os
import sys
import time

COMMON = ["OPName", "Latency", "Device", "Torch Version", "CUDNN Version", "Kernel Name", "Warps per SM",
          "Blocks per SM", "Grid x", "Grid y", "Grid z", "Block x", "Block y", "Block z", "CUDA Version"]
LAYOUTS = {
    "conv": COMMON + ["Kernels", "B", "Input_Channel", "Output_Channel", "Kernel_Szie", "Input_Size", "Stride",
                      "Padding", "case_id"],
    "linear": COMMON + ["Kernels", "B", "M", "N", "K", "case_id"],
    "add": COMMON + ["B", "H", "case_id"],
}
WARMUP = 3
GROUPS = 3
GROUP_TARGET_S = 0.01


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


def operator_of(torch, kind, s):
    """(NeuSight op, shape columns, a call that runs it) for a plan case, or None without a layout."""
    F = torch.nn.functional
    cuda = {"device": "cuda", "dtype": torch.float32}
    if kind == "conv2d" and s["groups"] == 1 and s["h"] == s["w"]:
        x = torch.randn(s["n"], s["cin"], s["h"], s["w"], **cuda)
        wt = torch.randn(s["cout"], s["cin"], s["k"], s["k"], **cuda)
        cols = [s["n"], s["cin"], s["cout"], s["k"], s["h"], s["stride"], s["pad"]]
        return "conv", cols, lambda: F.conv2d(x, wt, None, s["stride"], s["pad"])
    if kind == "fc":
        x = torch.randn(s["n"], s["cin"], **cuda)
        wt = torch.randn(s["cout"], s["cin"], **cuda)
        return "linear", [1, s["n"], s["cout"], s["cin"]], lambda: F.linear(x, wt)
    if kind == "add":
        a = torch.randn(s["n"] * s["c"], s["h"] * s["w"], **cuda)
        b = torch.randn(s["n"] * s["c"], s["h"] * s["w"], **cuda)
        return "add", [s["n"] * s["c"], s["h"] * s["w"]], lambda: torch.add(a, b)
    return None


def latency_ms(torch, call):
    for _ in range(WARMUP):
        call()
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    call()
    stop.record()
    stop.synchronize()
    once_ms = start.elapsed_time(stop)
    calls = max(5, min(200, int(GROUP_TARGET_S * 1e3 / max(once_ms, 1e-4))))
    means = []
    for _ in range(GROUPS):
        start.record()
        for _ in range(calls):
            call()
        stop.record()
        stop.synchronize()
        means.append(start.elapsed_time(stop) / calls)
    return sorted(means)[GROUPS // 2]


def main():
    if len(sys.argv) != 4:
        print("usage: time_operators.py PLAN.txt OUT_DIR BUDGET_S", file=sys.stderr)
        return 2
    plan, out_dir, budget_s = sys.argv[1], sys.argv[2], float(sys.argv[3])
    deadline = time.monotonic() + budget_s
    cases = read_plan(plan)
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
    timed = untimed = 0
    try:
        with torch.inference_mode():
            for case_id, kind, shape in cases:
                if time.monotonic() > deadline:
                    print(f"operators: budget spent after {timed} operators", file=sys.stderr)
                    return 5
                op = operator_of(torch, kind, shape)
                if op is None:
                    untimed += 1
                    continue
                name, cols, call = op
                if name not in writers:
                    files[name] = open(os.path.join(out_dir, name + ".csv"), "w", newline="")
                    writers[name] = csv.writer(files[name])
                    writers[name].writerow(LAYOUTS[name])
                row = {**meta, "OPName": name, "Latency": f"{latency_ms(torch, call):.9g}", "case_id": case_id}
                row.update(zip(LAYOUTS[name][len(COMMON) + (1 if "Kernels" in LAYOUTS[name] else 0):-1], cols))
                writers[name].writerow([row.get(c, "") for c in LAYOUTS[name]])
                files[name].flush()
                timed += 1
    finally:
        for f in files.values():
            f.close()
    print(f"operators: {timed} plan cases timed through PyTorch on {device} ({', '.join(sorted(files))}); "
          f"{untimed} of kinds without a NeuSight layout not timed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
