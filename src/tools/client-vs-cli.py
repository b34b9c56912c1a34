#!/usr/bin/env python3
"""Predictions through one warm engine (the Python client) against one ``./dynlat predict`` per prediction.

    src/tools/client-vs-cli.py [--cli-calls 50] [--predictions 1000] [--repeats 3] [--seed 18]
                               [--dynlat LAUNCHER] [--detail summary] [--many] [--requests FILE]

A mix of varied configurations is drawn from a seeded RNG before anything is timed: models, devices
(built-in and the calibrated host-cpu profile), modes static/spatial/channel/layer with rates in
[0.1, 1] (two decimals), granularities and channel groups where the mode takes them, and sometimes a
batch size. Each repeat times ``--cli-calls`` ``./dynlat predict`` calls of the mix's first
configurations (one JVM each) and then ``--predictions`` ``dynlat.Engine().predict`` calls of the
whole mix through one fresh engine (its start, until it answers a first ``version`` request, is not
counted: it is paid once per session). It prints each repeat, then the median and range over the
repeats of the CLI's time per call, the client's total, and the ratio (CLI per call x predictions) /
client total. ``--dynlat`` names the launcher both run (default this checkout's ``./dynlat``; another
build's, to compare two builds in one sitting). ``--detail summary`` asks the client for totals only (the
CLI calls are the same); ``--many`` sends the whole mix with one ``predict_many`` call (requests
written while answers are read) instead of a ``predict`` call each. ``--requests FILE`` also writes the mix as JSON lines for ``./dynlat serve`` (to
profile the engine on it) and exits. Run it on a quiet machine after the build (``./dynlat``
builds on first use) and report the CPU and load average it prints beside the figures.
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "src"))

import dynlat  # noqa: E402  (found through the path set above)

MODELS = ("resnet50", "resnet101", "regnety-400mf")
# The calibrated profile is a file: the engine reads it again on every request, as it would a user's.
DEVICES = ("v100", "a100", "tx2", "rtx3090", "src/calibration/host-cpu/host-cpu.yaml")
MODES = ("static", "spatial", "channel", "layer")
# Valid for every model above at its own input (stage maps 56, 28, 14, 7).
GRANULARITIES = ((1,), (2,), (4,), (4, 4, 2, 1), (8, 4, 2, 1), (2, 2, 2, 1))
CHANNEL_GROUPS = (1, 2, 4, 8)
BATCHES = (1, 8, 32, 128)


def draw_mix(count, seed):
    """``count`` predict keyword sets, fixed by ``seed``."""
    rng = random.Random(seed)
    mix = []
    for _ in range(count):
        config = {"model": rng.choice(MODELS), "device": rng.choice(DEVICES), "mode": rng.choice(MODES)}
        if config["mode"] != "static":
            config["rate"] = rng.randint(10, 100) / 100
        if config["mode"] == "spatial":
            config["granularity"] = list(rng.choice(GRANULARITIES))
        elif config["mode"] == "channel" and rng.random() < 0.75:
            config["channel_group"] = rng.choice(CHANNEL_GROUPS)
        if rng.random() < 0.4:
            config["batch"] = rng.choice(BATCHES)
        mix.append(config)
    return mix


def cli_args(config):
    args = []
    for key, value in config.items():
        text = ",".join(str(v) for v in value) if isinstance(value, list) else str(value)
        args += ["--" + key.replace("_", "-"), text]
    return args


def time_cli(launcher, mix, calls):
    """Seconds per ``./dynlat predict`` call over the mix's first ``calls`` configurations."""
    start = time.perf_counter()
    for config in mix[:calls]:
        done = subprocess.run([launcher, "predict", *cli_args(config), "--format", "json"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit("client-vs-cli: ./dynlat predict %s failed: %s" % (" ".join(cli_args(config)),
                                                                        done.stderr.strip()))
    return (time.perf_counter() - start) / calls


def time_client(launcher, mix, detail, many):
    """Seconds for all of the mix through one fresh engine, its start not counted: one ``predict``
    call per configuration, or with ``many`` one ``predict_many`` call for the whole mix."""
    with dynlat.Engine(command=[launcher], frames=False) as engine:
        engine.version()
        start = time.perf_counter()
        if many:
            engine.predict_many(mix, detail=detail)
        else:
            for config in mix:
                engine.predict(detail=detail, **config)
        return time.perf_counter() - start


def summary(values, unit, scale=1.0):
    return "%.3f %s (%.3f-%.3f)" % (statistics.median(values) * scale, unit, min(values) * scale,
                                    max(values) * scale)


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli-calls", type=int, default=50, help="./dynlat predict calls per repeat (default 50)")
    parser.add_argument("--predictions", type=int, default=1000, help="client predictions per repeat (default 1000)")
    parser.add_argument("--repeats", type=int, default=3, help="repeats (default 3)")
    parser.add_argument("--seed", type=int, default=18, help="seed of the mix (default 18)")
    parser.add_argument("--dynlat", metavar="LAUNCHER", default=str(ROOT / "dynlat"),
                        help="the dynlat launcher to time (default this checkout's ./dynlat)")
    parser.add_argument("--detail", choices=("summary",), help="client answers with totals only (default: full)")
    parser.add_argument("--many", action="store_true",
                        help="the client sends the mix with one predict_many call (default: a predict call each)")
    parser.add_argument("--requests", metavar="FILE", help="write the mix as JSON lines for ./dynlat serve and exit")
    a = parser.parse_args()
    for name in ("cli_calls", "predictions", "repeats"):
        if getattr(a, name) < 1:
            parser.error("--%s: must be a positive integer, got %d" % (name.replace("_", "-"), getattr(a, name)))
    if a.cli_calls > a.predictions:
        parser.error("--cli-calls: must not exceed --predictions (%d), got %d" % (a.predictions, a.cli_calls))
    a.dynlat = os.path.abspath(a.dynlat)  # before the chdir below
    if not (os.path.isfile(a.dynlat) and os.access(a.dynlat, os.X_OK)):
        parser.error("--dynlat: not an executable file, got %s" % a.dynlat)
    os.chdir(ROOT)  # the calibrated profile's path is relative to the repository
    mix = draw_mix(a.predictions, a.seed)
    if a.requests:
        with open(a.requests, "w", encoding="utf-8") as out:
            for i, config in enumerate(mix, 1):
                out.write(json.dumps({"op": "predict", "id": i, **config}) + "\n")
        return
    # The calibrated profile warns that it describes another machine; once is enough.
    warnings.simplefilter("ignore")

    print("CPU: %s; load average before: %s; %s" % (cpu_model(), " ".join("%.2f" % x for x in os.getloadavg()),
                                                     time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    print("launcher: %s; mix: %d predictions (seed %d), detail %s, client %s; %d predict calls per repeat" % (
        a.dynlat, a.predictions, a.seed, a.detail or "full", "predict_many" if a.many else "a predict call each",
        a.cli_calls))
    cli, client, ratios = [], [], []
    for r in range(1, a.repeats + 1):
        per_call = time_cli(a.dynlat, mix, a.cli_calls)
        total = time_client(a.dynlat, mix, a.detail, a.many)
        cli.append(per_call)
        client.append(total)
        ratios.append(per_call * a.predictions / total)
        print("repeat %d: CLI %.1f ms per call; client %.3f s for %d (%.2f ms each); ratio %.0fx" % (
            r, per_call * 1e3, total, a.predictions, total / a.predictions * 1e3, ratios[-1]))
    print("CLI per call:      " + summary(cli, "ms", 1e3))
    print("client total:      " + summary(client, "s") + " for %d predictions" % a.predictions)
    print("client per call:   " + summary(client, "ms", 1e3 / a.predictions))
    print("ratio (CLI per call x %d / client total): %.0fx (%.0f-%.0f over the repeats)" % (
        a.predictions, statistics.median(cli) * a.predictions / statistics.median(client), min(ratios),
        max(ratios)))
    print("load average after: %s" % " ".join("%.2f" % x for x in os.getloadavg()))


if __name__ == "__main__":
    main()
