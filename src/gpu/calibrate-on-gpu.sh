#!/usr/bin/env bash
# calibrate-on-gpu.sh OUT_DIR -- the whole GPU calibration for a lent GPU window, as one command.
#
# Steps, each printed as it starts; every result line also goes to OUT_DIR/summary.txt at once, so a
# run cut off at any point keeps what it measured:
#   1. CUDA driver and runtime versions (and the toolkit of the nvcc found); a driver of an older major
#      release than the toolkit: one line, exit 4 (an older minor release runs under CUDA's
#      minor-version compatibility and is only noted).
#   2. Builds libdynlat_cuda with the nvcc and cmake found here (SASS sm_75/80/86/87/90 + sm_90 PTX)
#      into calibration/target/classes; without them, or when the build fails, the previous
#      (carried) build is used.
#   3. The GPU tests that need no device: bootstrap mapping from recorded H100/H200/A100/V100/Orin
#      attributes, GPU fit recovery, the library's architectures, the command's exit codes, and the
#      CUDA kernels' per-thread code emulated on the host against the reference.
#   4. Device check: no usable CUDA device -> one line, exit 3 (a dry run on a machine without a GPU
#      ends here, after steps 1-3).
#   5. CudaKernelCorrectnessTest (the CPU backend's cases and contract) and CudaBackendTest; a failure
#      stops the run (exit 1): wrong kernels make a calibration meaningless.
#   6. The full calibration suite (dynlat calibrate --backend cuda; estimated 1-3 minutes on an H100/H200:
#      5 rounds of 669 timed calls, each a few ms of set-up plus 20 graph launches of about 0.5 ms;
#      cut off after DYNLAT_GPU_SUITE_TIMEOUT seconds, default 420): OUT_DIR/profile.yaml (written
#      last), OUT_DIR/report/ (report.md, charts, raw-samples.csv appended per measurement),
#      OUT_DIR/calibrate.log (probes, launch gap, progress).
#   7. Our tiled GEMM against cuBLAS (libcublas.so opened at run time, so its absence at build time breaks
#      nothing): OUT_DIR/gemm-vs-cublas.{csv,md}.
#   8. OUT_DIR/summary.txt: one screen (versions, device, tests, held-out errors, launch gap, GEMM ratio).
#
# ASSUMPTION: the machine has a JDK 17+ but no internet and no Maven repository. Build here first and
# carry the outputs:   mvn -B -q -DskipTests package
# then carry calibration/target/classes, calibration/target/test-classes, calibration/target/test-lib,
# predictor/target/classes and predictor/target/lib (about 30 MB). Nothing is downloaded.
#
# Exit codes: 0 done, 1 a step failed, 2 usage, 3 no CUDA device, 4 driver too old for the toolkit.
# Environment: DYNLAT_GPU_SKIP_BUILD=1 (use the carried build), DYNLAT_GPU_SKIP_CPU_TESTS=1 (skip step 3),
# DYNLAT_GPU_QUICK=1 (quick suite), DYNLAT_GPU_SUITE_TIMEOUT=SECONDS, DYNLAT_GPU_CLASSPATH (the
# calibration classpath, e.g. a test's own).
#
# Dry run on the 2-core development machine (no GPU, no driver, CUDA 13.0 toolkit), 2026-12-02:
#   $ src/gpu/calibrate-on-gpu.sh /tmp/gpu-out; echo "exit $?"
#   [1/8] versions: CUDA driver none, runtime 13.0 (libdynlat_cuda), toolkit 13.0 (nvcc)
#   [2/8] build: libdynlat_cuda built with nvcc 13.0 (sm_75 sm_80 sm_86 sm_87 sm_90 + PTX)
#   [3/8] tests without a device: tests: 58 run, 58 passed, 0 failed, 0 skipped (GpuProfileBootstrapTest,
#         GpuFitRecoveryTest, CudaFatbinArchitecturesTest, GpuWindowTest, CudaEmulatedKernelCorrectnessTest)
#   [4/8] device: gpu: no CUDA device (no CUDA driver installed); nothing was measured
#   exit 3
set -uo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: src/gpu/calibrate-on-gpu.sh OUT_DIR" >&2
  exit 2
fi
out="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -e "$out" ] && [ ! -d "$out" ]; then
  echo "calibrate-on-gpu: OUT_DIR $out is a file, not a directory" >&2
  exit 2
fi
mkdir -p "$out" || { echo "calibrate-on-gpu: cannot create OUT_DIR $out" >&2; exit 2; }
summary="$out/summary.txt"
: > "$summary"

# One result line: to the terminal and appended (flushed) to the summary.
say() { echo "$*" | tee -a "$summary"; }
fail() { say "$1"; exit "$2"; }

command -v java >/dev/null 2>&1 || fail "calibrate-on-gpu: java (JDK 17+) not found" 1
cal="$root/calibration/target"
cp="${DYNLAT_GPU_CLASSPATH:-$cal/classes:$cal/test-classes:$cal/test-lib/*}"
if [ -z "${DYNLAT_GPU_CLASSPATH:-}" ]; then
  for d in "$cal/classes" "$cal/test-classes" "$cal/test-lib" "$root/predictor/target/classes" "$root/predictor/target/lib"; do
    [ -d "$d" ] || fail "calibrate-on-gpu: $d missing; run 'mvn -B -q -DskipTests package' first and carry the build outputs" 1
  done
fi
# every step has a time limit, so a hung kernel cannot eat the window
gpu() { timeout 180 java -cp "$cp" dev.dynlat.calibration.gpu.GpuWindow "$@"; }
tests() { timeout 300 java -cp "$cp" dev.dynlat.calibration.gpu.GpuTestRunner "$@"; }

# 1. versions
toolkit=""
if command -v nvcc >/dev/null 2>&1; then
  toolkit="$(nvcc --version 2>/dev/null | sed -n 's/.*release \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -1)"
fi
line="$(gpu versions $toolkit 2>"$out/versions.err")"; code=$?
say "[1/8] versions: $line"
if [ $code -eq 4 ]; then fail "$(cat "$out/versions.err")" 4; fi
[ $code -eq 0 ] || fail "calibrate-on-gpu: version check failed: $(cat "$out/versions.err")" 1
rm -f "$out/versions.err"

# 2. native build with the toolkit found here, else the carried build
if [ "${DYNLAT_GPU_SKIP_BUILD:-0}" = 1 ]; then
  say "[2/8] build: skipped (DYNLAT_GPU_SKIP_BUILD=1), using the carried build"
elif [ -n "$toolkit" ] && command -v cmake >/dev/null 2>&1; then
  jhome="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
  bdir="$cal/native-build-gpu"
  if cmake -S "$root/calibration/src/main/native" -B "$bdir" -DCMAKE_BUILD_TYPE=Release \
        -DJNI_INCLUDE_DIR="$jhome/include" -DDYNLAT_ENABLE_CUDA=ON >"$out/build.log" 2>&1 \
     && cmake --build "$bdir" --parallel "$(nproc 2>/dev/null || echo 4)" >>"$out/build.log" 2>&1 \
     && cmake --install "$bdir" --prefix "$cal/classes/native" >>"$out/build.log" 2>&1 \
     && [ -f "$cal/classes/native/linux-x86_64/libdynlat_cuda.so" ]; then
    say "[2/8] build: libdynlat_cuda built with nvcc $toolkit (sm_75 sm_80 sm_86 sm_87 sm_90 + PTX)"
  else
    say "[2/8] build: failed with nvcc $toolkit (see build.log); using the carried build"
  fi
else
  say "[2/8] build: no nvcc/cmake here; using the carried build"
fi

# 3. tests that need no device
if [ "${DYNLAT_GPU_SKIP_CPU_TESTS:-0}" = 1 ]; then
  say "[3/8] tests without a device: skipped (DYNLAT_GPU_SKIP_CPU_TESTS=1)"
else
  line="$(tests dev.dynlat.calibration.gpu.GpuProfileBootstrapTest dev.dynlat.calibration.suite.GpuFitRecoveryTest \
      dev.dynlat.calibration.backend.CudaFatbinArchitecturesTest dev.dynlat.calibration.gpu.GpuWindowTest \
      dev.dynlat.calibration.backend.CudaEmulatedKernelCorrectnessTest \
      2>&1 | tee "$out/tests-cpu.log" | tail -1)"; code=${PIPESTATUS[0]}
  say "[3/8] tests without a device: $line"
  [ $code -eq 0 ] || fail "calibrate-on-gpu: tests without a device failed (see tests-cpu.log)" 1
fi

# 4. device check
line="$(gpu check 2>&1)"; code=$?
say "[4/8] device: $line"
[ $code -eq 3 ] && exit 3
[ $code -eq 0 ] || exit 1

# 5. kernels against the reference
line="$(tests dev.dynlat.calibration.backend.CudaKernelCorrectnessTest dev.dynlat.calibration.backend.CudaBackendTest \
    2>&1 | tee "$out/tests-gpu.log" | tail -1)"; code=${PIPESTATUS[0]}
say "[5/8] kernel correctness: $line"
[ $code -eq 0 ] || fail "calibrate-on-gpu: CUDA kernels disagree with the reference (see tests-gpu.log); not calibrating" 1

# 6. the calibration suite; progress is line-buffered into calibrate.log as it runs
quick=""
[ "${DYNLAT_GPU_QUICK:-0}" = 1 ] && quick="--quick"
t0=$(date +%s)
timeout "${DYNLAT_GPU_SUITE_TIMEOUT:-420}" java -Djava.awt.headless=true \
    -cp "$cal/classes:$root/predictor/target/classes:$root/predictor/target/lib/*" dev.dynlat.predictor.cli.DynlatCli \
    calibrate --backend cuda $quick --out "$out/profile.yaml" --report "$out/report" >"$out/calibrate.log" 2>&1
code=$?
grep -m1 "launch gap" "$out/calibrate.log" | sed 's/^/[6\/8] probes: /' | tee -a "$summary"
grep -m1 "^peak " "$out/calibrate.log" | sed 's/^/[6\/8] probes: /' | tee -a "$summary"
if [ $code -eq 0 ]; then
  say "[6/8] suite ($(( $(date +%s) - t0 )) s): $(tail -1 "$out/calibrate.log")"
else
  say "[6/8] suite stopped (exit $code after $(( $(date +%s) - t0 )) s); raw samples so far in $out/report/raw-samples.csv"
  tail -3 "$out/calibrate.log" | tee -a "$summary"
fi

# 7. our GEMM against cuBLAS
line="$(gpu gemm "$out" 2>&1)"
say "[7/8] $line"

say "[8/8] done: $out (summary.txt, profile.yaml, report/, gemm-vs-cublas.md, logs)"
[ $code -eq 0 ] || exit 1
exit 0
