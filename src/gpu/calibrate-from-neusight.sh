#!/usr/bin/env bash
# calibrate-from-neusight.sh [KERNELS_DIR] -- regenerates the built-in calibrated GPU profiles from the
# NeuSight kernel measurements (default ../shared/reference/gpu-measurements/neusight/kernels), run from
# the repository root: fits the five measured GPUs, the A100s' cuDNN terms on the A100 conv file, and
# transfers terms to the GPUs never measured. Reports (per class: calibrated, laudnet, roofline on the
# same rows, held-out and fit) stay in the temporary folder it prints. See src/docs/gpu/calibrated-profiles.md.
set -euo pipefail
N=${1:-../shared/reference/gpu-measurements/neusight/kernels}
P=hardware-profiles/src/main/resources/dynlat/profiles
W=$(mktemp -d)
fit() { # fit NAME BASE FILES...
  local name=$1 base=$2; shift 2
  ./dynlat calibrate --from-measurements "$@" --device "$base" --out "$W/$name.yaml" --report "$W/$name-report" 2>&1 | tail -1
}
for g in Tesla_V100-PCIE-32GB:v100-pcie-32gb Tesla_T4:t4 Tesla_P100-PCIE-16GB:p100-pcie-16gb Tesla_P4:p4 NVIDIA_A100-PCIE-40GB:a100-pcie-40gb; do
  fit "${g##*:}" "${g##*:}" "$N"/*/"${g%%:*}".csv
done
# The A100 conv file is the 80GB PCIe card (same GA100 chip, clocks and SMs): its cuDNN terms over the 40GB's others.
mv "$W/a100-pcie-40gb.yaml" "$W/a100-pcie-40gb-noconv.yaml"
./dynlat calibrate --transfer-from "$W/a100-pcie-40gb-noconv.yaml" --device a100-80gb-pcie --kernel-family ampere --out "$W/a100-80gb-prior.yaml"
fit a100-80gb-pcie "$W/a100-80gb-prior.yaml" "$N/conv/NVIDIA_A100_80GB_PCIe.csv"
fit a100-pcie-40gb-conv "$W/a100-pcie-40gb-noconv.yaml" "$N/conv/NVIDIA_A100_80GB_PCIe.csv"
mv "$W/a100-pcie-40gb-conv.yaml" "$W/a100-pcie-40gb.yaml"
for p in v100-pcie-32gb t4 p100-pcie-16gb p4 a100-pcie-40gb a100-80gb-pcie; do
  { head -1 "$P/$p.yaml"; echo "# Calibrated by dynlat calibrate --from-measurements on the NeuSight kernel measurements (src/docs/gpu/calibrated-profiles.md)."; cat "$W/$p.yaml"; } > "$W/$p.final" && mv "$W/$p.final" "$P/$p.yaml"
done
for t in a100-pcie-40gb:a100-sxm4-40gb a100-pcie-40gb:h100-80gb-hbm3 t4:l4; do
  ./dynlat calibrate --transfer-from "$P/${t%%:*}.yaml" --device "${t##*:}" --kernel-family ampere --out "$W/${t##*:}.yaml"
  { head -1 "$P/${t##*:}.yaml"; echo "# Never measured: GPU library terms transferred by dynlat calibrate --transfer-from (src/docs/gpu/calibrated-profiles.md)."; cat "$W/${t##*:}.yaml"; } > "$W/${t##*:}.final" && mv "$W/${t##*:}.final" "$P/${t##*:}.yaml"
done
echo "reports in $W"
