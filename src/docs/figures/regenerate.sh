#!/usr/bin/env bash
# Regenerates every example figure and table in this folder from a fresh sweep, then, where a TeX
# installation exists, compiles paper.tex (which includes them at their printed size) and
# reports any figure or table wider than its column.
#   src/docs/figures/regenerate.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
dynlat="$root/dynlat"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$dynlat" sweep --spec "$here/sweep.yaml" --out "$work/results.csv" >/dev/null
# No --model and no --device: the first target (ResNet-101 on V100) is drawn, and beside it every
# device of that model (latency-vs-rate-by-device) and every model on that device (-by-model).
"$dynlat" report --from "$work/results.csv" --out "$here" --format svg,pdf,png --dpi 150 \
    --paradigm spatial \
    --accuracy "$here/accuracy-illustrative.csv" \
    --measured "$here/predicted-vs-measured-quick-calibration.csv"
# Per-input latency of a network with five early exits.
"$dynlat" predict --model gfnet-resnet50-96 --device tx2 --exits 0.5,0.3,0.1,0.05,0.05 \
    --chart "$here/exit-latency.svg" >/dev/null
"$dynlat" predict --model gfnet-resnet50-96 --device tx2 --exits 0.5,0.3,0.1,0.05,0.05 \
    --chart "$here/exit-latency.pdf" >/dev/null
# The flag-form sweep: its chart, and its LaTeX table (one row per rate).
"$dynlat" sweep --model resnet101 --device v100 --mode spatial --options 1,2,4,8 --rates 0.1:1:0.1 \
    --out "$here/sweep-flags.tex" --chart "$here/sweep-flags.pdf" >/dev/null
"$dynlat" sweep --model resnet101 --device v100 --mode spatial --options 1,2,4,8 --rates 0.1:1:0.1 \
    --chart "$here/sweep-flags.svg" >/dev/null

if command -v pdflatex >/dev/null 2>&1; then
  cp "$here"/*.pdf "$here"/*.tex "$work/"
  (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error paper.tex >/dev/null) || {
    echo "regenerate: paper.tex does not compile; see $work/paper.log" >&2; trap - EXIT; exit 1; }
  if grep -n "Overfull" "$work/paper.log" >&2; then
    echo "regenerate: a figure or table is wider than its column (above)" >&2
    exit 1
  fi
  echo "regenerate: paper.tex compiles, nothing overfull"
else
  echo "regenerate: no pdflatex here; paper.tex not compiled"
fi
