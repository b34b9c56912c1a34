#!/usr/bin/env bash
# measure-on-gpu.sh PLAN OUT -- a device run with nothing but the device: no JDK, no Maven, no network.
#
# PLAN is the directory `dynlat calibrate --backend cuda --plan DIR` wrote (or its plan.txt); OUT a new or
# empty directory. Needs only what a lent GPU machine has: bash, cmake, nvcc and a C compiler (to build),
# nvidia-smi (optional), python3 with torch and torchvision (steps 6-7). Back on a machine with a JDK:
#   dynlat calibrate --from-measurements OUT/raw-samples.csv ...      fits the calibrated GPU variant
#   dynlat validate --gpu-networks OUT/networks.csv --device PROFILE --out FILE.md
#                                                                     whole networks, measured vs predicted
#
# Steps, each printed as it starts; every result line also goes to OUT/summary.txt at once, and every
# measurement to its CSV as soon as it is taken, so a run cut off at any point keeps what it measured:
#   1. build: dynlat_bench (the calibration kernels, calibration/src/main/native/cuda/cuda_kernels.cu, the
#      same sources as the JNI library) and dynlat_plan_check, with the cmake and nvcc found here, for the
#      GPU's architecture (nvidia-smi), else for sm_75/80/86/87/90. Without nvcc only the plan checker
#      builds; without cmake nothing does, and the steps that need the benchmark say so.
#   2. versions: CUDA driver and runtime (dynlat_bench), toolkit (nvcc), PyTorch. A driver of an older
#      major release than the toolkit: one line, exit 4 (an older minor release runs under CUDA's
#      minor-version compatibility and is only noted).
#   3. plan: read and checked by the benchmark's own parser (every case through dl_shape_of); bad: exit 2.
#   4. device check: no usable CUDA device -> one line, exit 3 (a dry run without a GPU ends here).
#   5. kernels: dynlat_bench runs the plan (CUDA graphs; warm-up, timed runs, attempts, spread threshold
#      and rounds from the plan, as MeasurementProtocol), after checking the two cheapest cases of every
#      kind against the host emulation of the same kernels -> OUT/raw-samples.csv.
#   6. networks: resnet50, resnet101, regnety-400mf/-800mf, mobilenetv3-large-1.0 through torchvision
#      (weights=None), batch 1, 8, 128, FP32 (TF32 off), eager and CUDA graphs -> OUT/networks.csv.
#   7. operators through PyTorch: the plan's conv (groups 1), fc and add cases, and linear, bmm, softmax, ln
#      and the elementwise ops (add mul div pow relu gelu tanh, addu mulu divu powu) on shapes drawn with a
#      fixed seed from NeuSight-like ranges, in NeuSight's CSV layout -> OUT/torch-operators/<op>.csv.
#   8. summary: OUT/summary.txt.
#
# The plan's shapes are sized for an H100 by `calibrate --plan` (PlanSizing: each case's batch times a
# power of two, at least x64 and at least 5 us of work at H100 peaks, at most 1 GiB per case).
# Time budget on an H100 (the whole run must end within 300 s); each step is cut off at its budget by
# `timeout` (and steps 5-7 stop themselves a little earlier, writing what they have):
#   step 1:  50 s  nvcc for one architecture: cuda_kernels.cu (the only large unit) took 21 s on 2 busy
#                  cores of the development machine for sm_90 (all other units: seconds);
#   steps 2-4: 20 s  importing torch (about 5 s) and the CUDA context (about 1 s);
#   step 5: 105 s  the full plan: 240 cases x 5 rounds, each round seeding the operands on the host (6-8 GB
#                  a round) and timing 5 + 15 graph launches of about 0.5 ms per attempt; PlanSizingTest
#                  estimates it at 86 s with every case taking all 3 attempts, under the 97 s deadline;
#   step 6:  90 s  30 configurations; the largest, resnet101 at batch 128 in FP32, is about 2 TFLOP per
#                  pass, about 60 ms on an H100 (about 35 TFLOP/s sustained): 3 warm-up + 10 timed passes
#                  + a graph capture = about 1 s; all others less; model construction about 1 s each;
#   step 7:  35 s  about 250 operators, each at most 1 ms at peak: time_operators.py --estimate PLAN gives
#                  17 s (12 s of it importing torch and starting CUDA), under the 30 s deadline.
#   Sum: 300 s. DYNLAT_GPU_BUDGET_SCALE (default 1) scales every budget for a slower GPU.
#
# Exit codes: 0 done, 1 a step failed, 2 usage or bad plan, 3 no CUDA device, 4 driver too old,
# 5 done but a step was cut off by its budget (its rows so far are kept).
# Environment: DYNLAT_GPU_SKIP_BUILD=1 (use an existing build in DYNLAT_GPU_BUILD_DIR), DYNLAT_GPU_BUILD_DIR
# (default calibration/target/bench-build), DYNLAT_CUDA_ARCHS (e.g. "90"; default: the GPU's, else all five),
# DYNLAT_GPU_NO_NVCC=1 (build as if there were no nvcc: the plan checker only; tests use it to stay quick),
# DYNLAT_GPU_BUDGET_SCALE (see above).
#
# Dry run on the 2-core development machine (no GPU, no driver, CUDA 13.0 toolkit, no PyTorch, java
# and mvn off the PATH), 2026-12-08:
#   $ ./dynlat calibrate --backend cuda --plan /tmp/plan1
#   $ PATH=/tmp/nojava/bin src/gpu/measure-on-gpu.sh /tmp/plan1 /tmp/gpu-out; echo "exit $?"
#   [1/8] build: started
#   [1/8] build: dynlat_bench and dynlat_plan_check built with nvcc 13.0 for sm_75 sm_80 sm_86 sm_87 sm_90 in 31 s
#   [2/8] versions: started
#   [2/8] versions: CUDA driver none, runtime 13.0 (dynlat_bench), toolkit 13.0; PyTorch none (python3 -c
#         'import torch, torchvision' failed)
#   [3/8] plan: started
#   [3/8] plan: 240 cases of 10 declared kinds; protocol warmup=5 timed=15 attempts=3 max_spread=0.1 rounds=5 seed=42
#   [4/8] device: gpu: no CUDA device (no CUDA driver installed); nothing was measured
#   exit 3
set -uo pipefail

if [ $# -ne 2 ] || [ -z "$1" ] || [ -z "$2" ]; then
  echo "usage: src/gpu/measure-on-gpu.sh PLAN_DIR|PLAN.txt OUT_DIR" >&2
  exit 2
fi
plan="$1"
[ -d "$plan" ] && plan="$plan/plan.txt"
out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ ! -f "$plan" ]; then
  echo "measure-on-gpu: PLAN $plan not found (write it with: dynlat calibrate --backend cuda --plan DIR)" >&2
  exit 2
fi
if [ -e "$out" ] && [ ! -d "$out" ]; then
  echo "measure-on-gpu: OUT_DIR $out is a file, not a directory" >&2
  exit 2
fi
if [ -e "$out/raw-samples.csv" ] || [ -e "$out/networks.csv" ] || [ -e "$out/torch-operators" ]; then
  echo "measure-on-gpu: OUT_DIR $out holds an earlier run's results; give a new directory" >&2
  exit 2
fi
mkdir -p "$out" || { echo "measure-on-gpu: cannot create OUT_DIR $out" >&2; exit 2; }
summary="$out/summary.txt"
: > "$summary"

say() { echo "$*" | tee -a "$summary"; }
fail() { say "$1"; exit "$2"; }
scale="${DYNLAT_GPU_BUDGET_SCALE:-1}"
budget() { awk -v b="$1" -v s="$scale" 'BEGIN { printf "%d", b * s }'; }
cut=0

# 1. build
bdir="${DYNLAT_GPU_BUILD_DIR:-$root/calibration/target/bench-build}"
toolkit=""
[ "${DYNLAT_GPU_NO_NVCC:-0}" != 1 ] && command -v nvcc >/dev/null 2>&1 && \
  toolkit="$(nvcc --version 2>/dev/null | sed -n 's/.*release \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -1)"
archs="${DYNLAT_CUDA_ARCHS:-}"
if [ -z "$archs" ] && command -v nvidia-smi >/dev/null 2>&1; then
  archs="$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -1 | tr -d ' .')"
fi
say "[1/8] build: started"
if [ "${DYNLAT_GPU_SKIP_BUILD:-0}" = 1 ]; then
  say "[1/8] build: skipped (DYNLAT_GPU_SKIP_BUILD=1), using $bdir"
elif ! command -v cmake >/dev/null 2>&1; then
  say "[1/8] build: no cmake here; nothing built"
else
  t0=$(date +%s)
  cuda_opts=(-DDYNLAT_ENABLE_CUDA=ON)
  [ -n "$archs" ] && cuda_opts+=("-DDYNLAT_CUDA_ARCH_LIST=$archs")
  [ -z "$toolkit" ] && cuda_opts=(-DDYNLAT_ENABLE_CUDA=OFF)
  if timeout "$(budget 50)" bash -c 'cmake -S "$1/calibration/src/main/native" -B "$2" -DCMAKE_BUILD_TYPE=Release \
        -DDYNLAT_BUILD_JNI=OFF "${@:3}" && cmake --build "$2" --parallel "$(nproc 2>/dev/null || echo 4)"' \
        build "$root" "$bdir" "${cuda_opts[@]}" >"$out/build.log" 2>&1; then
    if [ -n "$toolkit" ]; then
      say "[1/8] build: dynlat_bench and dynlat_plan_check built with nvcc $toolkit for ${archs:-sm_75 sm_80 sm_86 sm_87 sm_90} in $(( $(date +%s) - t0 )) s"
    else
      say "[1/8] build: no nvcc here: dynlat_plan_check built, dynlat_bench not ($(( $(date +%s) - t0 )) s)"
    fi
  else
    say "[1/8] build: failed after $(( $(date +%s) - t0 )) s (see build.log)"
  fi
fi
bench="$bdir/dynlat_bench"
check="$bdir/dynlat_plan_check"
[ -x "$bench" ] || bench=""
[ -x "$check" ] || check=""

# 2. versions
say "[2/8] versions: started"
torch_line="$(timeout "$(budget 20)" python3 -c 'import torch, torchvision; print("PyTorch %s (CUDA %s, cuDNN %s), torchvision %s" % (torch.__version__, torch.version.cuda, torch.backends.cudnn.version(), torchvision.__version__))' 2>/dev/null)" \
  || torch_line="PyTorch none (python3 -c 'import torch, torchvision' failed)"
if [ -n "$bench" ]; then
  line="$("$bench" versions $toolkit 2>"$out/versions.err")"; code=$?
  say "[2/8] versions: $line; $torch_line"
  [ $code -eq 4 ] && fail "$(cat "$out/versions.err")" 4
  [ $code -eq 0 ] || fail "measure-on-gpu: version check failed: $(cat "$out/versions.err")" 1
  rm -f "$out/versions.err"
else
  driver="none"
  command -v nvidia-smi >/dev/null 2>&1 && \
    driver="$(nvidia-smi 2>/dev/null | sed -n 's/.*CUDA Version: *\([0-9.]*\).*/\1/p' | head -1)"
  say "[2/8] versions: CUDA driver ${driver:-none} (nvidia-smi), toolkit ${toolkit:-none} (nvcc); $torch_line"
fi

# 3. plan
say "[3/8] plan: started"
if [ -n "$check" ]; then
  line="$("$check" "$plan" 2>&1)"; code=$?
  say "[3/8] $line"
  [ $code -eq 0 ] || fail "measure-on-gpu: the plan $plan is not valid (above)" 2
else
  say "[3/8] plan: not checked (dynlat_plan_check not built)"
fi

# 4. device check
if [ -n "$bench" ]; then
  line="$("$bench" check 2>&1)"; code=$?
elif command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  line="gpu: $(nvidia-smi -L | head -1) (no dynlat_bench built: kernels not timed)"; code=0
else
  line="gpu: no CUDA device (no nvidia-smi answers and no dynlat_bench was built); nothing was measured"; code=3
fi
say "[4/8] device: $line"
[ $code -eq 3 ] && exit 3
[ $code -eq 0 ] || exit 1

# 5. kernels
say "[5/8] kernels: started"
if [ -n "$bench" ]; then
  b=$(budget 105)
  line="$(timeout "$b" "$bench" run "$plan" "$out/raw-samples.csv" --deadline-s $(( b - 8 )) --verify 2>"$out/kernels.log")"; code=$?
  say "[5/8] kernels: $(echo "$line" | tr '\n' ' ')"
  case $code in
    0) ;;
    5|124) cut=1 ;;
    *) fail "measure-on-gpu: the kernel run failed (exit $code; see kernels.log)" 1 ;;
  esac
else
  say "[5/8] kernels: skipped (no dynlat_bench)"
fi

# 6. networks
say "[6/8] networks: started"
b=$(budget 90)
line="$(timeout "$b" python3 "$root/src/gpu/time_networks.py" "$out/networks.csv" $(( b - 10 )) 2>"$out/networks.log")"; code=$?
say "[6/8] networks: ${line:-none timed (see networks.log)}"
case $code in 0) ;; 5|124) cut=1 ;; *) say "[6/8] networks: failed (exit $code; see networks.log)" ;; esac

# 7. operators through PyTorch
say "[7/8] torch operators: started"
b=$(budget 35)
line="$(timeout "$b" python3 "$root/src/gpu/time_operators.py" "$plan" "$out/torch-operators" $(( b - 5 )) 2>"$out/torch-operators.log")"; code=$?
say "[7/8] torch operators: ${line:-none timed (see torch-operators.log)}"
case $code in 0) ;; 5|124) cut=1 ;; *) say "[7/8] torch operators: failed (exit $code; see torch-operators.log)" ;; esac

say "[8/8] done: $out (summary.txt, raw-samples.csv, networks.csv, torch-operators/, logs)"
[ $cut -eq 1 ] && exit 5
exit 0
