"""Whole-network ground truth on a CUDA device: the zoo's dense networks that torchvision defines,
FP32 (TF32 off), random weights (weights=None, nothing downloaded), timed eagerly and as CUDA graphs.

usage: python3 time_networks.py OUT.csv BUDGET_S

One row per (model, batch, mode), written and flushed as soon as it is measured, batches in the order
1, 8, 128 over all models, so a run cut off by its budget keeps the cheap rows. Columns: device (as
torch.cuda.get_device_name reports it, the cudaGetDeviceProperties name), model (the name in dynlat's
zoo), batch, mode (eager | cuda-graph), median_ms, p10_ms, p90_ms (per forward pass, from CUDA events),
repeats, torch, cudnn, tf32.

Repeats: 3 untimed passes, then as many timed passes as fit in REPEAT_TARGET_S, between MIN_REPEATS
and MAX_REPEATS; a configuration is skipped (and said so on stderr) when the budget left cannot hold it.
"""
import csv
import sys
import time

REPEAT_TARGET_S = 0.6
MIN_REPEATS = 5
MAX_REPEATS = 30
WARMUP = 3
BATCHES = (1, 8, 128)
# dynlat zoo name -> torchvision constructor name (mobilenetv3-large-1.0 is timm's definition in the zoo;
# torchvision's mobilenet_v3_large has the same layers, its classifier head as a Linear on the pooled vector)
MODELS = (("resnet50", "resnet50"), ("resnet101", "resnet101"), ("regnety-400mf", "regnet_y_400mf"),
          ("regnety-800mf", "regnet_y_800mf"), ("mobilenetv3-large-1.0", "mobilenet_v3_large"))
COLUMNS = ["device", "model", "batch", "mode", "median_ms", "p10_ms", "p90_ms", "repeats", "torch", "cudnn", "tf32"]


def quantile(values, q):
    """Type-7 quantile, as dynlat's SampleStats."""
    s = sorted(values)
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (pos - lo) * (s[hi] - s[lo])


def time_calls(torch, call, deadline):
    """Per-call milliseconds of `call` (CUDA events around each call), or None past the deadline."""
    for _ in range(WARMUP):
        call()
    torch.cuda.synchronize()
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    call()
    stop.record()
    stop.synchronize()
    once_s = start.elapsed_time(stop) / 1e3
    repeats = max(MIN_REPEATS, min(MAX_REPEATS, int(REPEAT_TARGET_S / max(once_s, 1e-6))))
    if time.monotonic() + repeats * once_s > deadline:
        return None
    times = []
    for _ in range(repeats):
        start.record()
        call()
        stop.record()
        stop.synchronize()
        times.append(start.elapsed_time(stop))
    return times


def main():
    if len(sys.argv) != 3:
        print("usage: time_networks.py OUT.csv BUDGET_S", file=sys.stderr)
        return 2
    out_path, budget_s = sys.argv[1], float(sys.argv[2])
    deadline = time.monotonic() + budget_s
    import torch
    import torchvision

    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.manual_seed(0)
    device = torch.cuda.get_device_name(0)
    meta = [torch.__version__.split("+")[0], str(torch.backends.cudnn.version()), "off"]
    models = {}
    written = skipped = 0
    with open(out_path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        f.flush()
        for batch in BATCHES:
            for name, ctor in MODELS:
                if name not in models:
                    models[name] = getattr(torchvision.models, ctor)(weights=None).eval().cuda()
                model = models[name]
                x = torch.randn(batch, 3, 224, 224, device="cuda")
                for mode in ("eager", "cuda-graph"):
                    if time.monotonic() > deadline:
                        print(f"networks: budget spent before {name} b{batch} {mode}", file=sys.stderr)
                        return 5
                    with torch.inference_mode():
                        if mode == "eager":
                            call = lambda: model(x)
                        else:
                            side = torch.cuda.Stream()
                            side.wait_stream(torch.cuda.current_stream())
                            with torch.cuda.stream(side):
                                for _ in range(WARMUP):
                                    model(x)
                            torch.cuda.current_stream().wait_stream(side)
                            graph = torch.cuda.CUDAGraph()
                            with torch.cuda.graph(graph):
                                model(x)
                            call = graph.replay
                        times = time_calls(torch, call, deadline)
                    if times is None:
                        skipped += 1
                        print(f"networks: {name} b{batch} {mode} skipped: does not fit the budget left", file=sys.stderr)
                        continue
                    w.writerow([device, name, batch, mode, f"{quantile(times, 0.5):.6f}", f"{quantile(times, 0.1):.6f}",
                                f"{quantile(times, 0.9):.6f}", len(times)] + meta)
                    f.flush()
                    written += 1
                    print(f"networks: {name} b{batch} {mode}: {quantile(times, 0.5):.3f} ms", file=sys.stderr)
                del x
                torch.cuda.empty_cache()
    print(f"networks: {written} configurations timed, {skipped} skipped, on {device}")
    return 0 if skipped == 0 else 5


if __name__ == "__main__":
    sys.exit(main())
