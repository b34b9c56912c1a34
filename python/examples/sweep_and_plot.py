"""Notebook-style example: sweep activation rates and granularities on two devices, then plot.

Run from the repository root (the first run builds dynlat, which takes a few minutes):

    PYTHONPATH=python/src python3 python/examples/sweep_and_plot.py [out.svg]

Prints, per device, the best uniform granularity S at each rate; with matplotlib installed it
also draws latency per image against the activation rate, one panel per device, one line per S,
and the static network as a dashed line.
"""

import sys

import dynlat

MODEL = "resnet101"
DEVICES = ["v100", "tx2"]
OPTIONS = [1, 2, 4, 8]
RATES = "0.1:1:0.1"

# %% One engine for every call: the model, the devices and the cost caches stay loaded.
results = {}
with dynlat.Engine(frames=False) as engine:
    for device in DEVICES:
        answer = engine.request("sweep", model=MODEL, device=device, mode="spatial", options=OPTIONS, rates=RATES)
        results[device] = answer

# %% The fastest uniform S per rate, from the rows.
for device, answer in results.items():
    static_ms = answer["static_latency_ms"] / answer["batch"]
    print("%s on %s (batch %d), static %.4f ms per image" % (MODEL, device, answer["batch"], static_ms))
    for best in answer["best"]:
        print("  rate %.1f: S=%s  %.4f ms per image  (per-stage best %s: %.2fx faster than static)"
              % (best["rate"], best["best_uniform"], best["latency_ms_per_image"], best["best_per_stage"],
                 best["speedup_vs_static"]))

# %% Latency vs rate, one panel per device (matplotlib optional).
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib is not installed: no figure drawn")
    sys.exit(0)

fig, axes = plt.subplots(1, len(results), figsize=(6.75, 2.4), sharey=False)
for ax, (device, answer) in zip(axes, results.items()):
    by_option = {}
    for row in answer["rows"]:
        by_option.setdefault(row["option"], []).append((row["rate"], row["latency_per_image_ms"]))
    for option, points in by_option.items():
        ax.plot([r for r, _ in points], [ms for _, ms in points], marker="o", markersize=2.5,
                label="S=" + option.split("-")[0])
    ax.axhline(answer["static_latency_ms"] / answer["batch"], color="black", linestyle="--", linewidth=0.8,
               label="static")
    ax.set_title(device)
    ax.set_xlabel("activation rate")
    ax.set_ylabel("latency per image (ms)")
axes[0].legend(fontsize="small", frameon=False)
fig.tight_layout()
out = sys.argv[1] if len(sys.argv) > 1 else "sweep_and_plot.svg"
fig.savefig(out)
print("wrote", out)
