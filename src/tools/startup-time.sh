#!/usr/bin/env bash
# Start-up time of a short dynlat call against a Java hello-world, in one sitting.
#
#   src/tools/startup-time.sh [RUNS] [-- DYNLAT ARGS...]
#   default: 5 runs of ./dynlat predict --model resnet50 --device v100
#
# The two commands alternate so that both see the same machine load; it prints the median, the
# range of the wall times (milliseconds) and the ratio of the medians. Build first (./dynlat
# builds on first use); on a shared machine, report the load average beside the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
shift || true
[ "${1:-}" = "--" ] && shift
if [ $# -eq 0 ]; then
  set -- predict --model resnet50 --device v100
fi
case "$runs" in ''|*[!0-9]*|0) echo "startup-time: RUNS must be a positive integer, got '$runs'" >&2; exit 2;; esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
JAVA
javac -d "$work" "$work/Hello.java"

"$root/dynlat" "$@" >/dev/null   # builds if needed; not timed

elapsed_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

hello=()
dynlat=()
for _ in $(seq "$runs"); do
  hello+=("$(elapsed_ms java -cp "$work" Hello)")
  dynlat+=("$(elapsed_ms "$root/dynlat" "$@")")
done

median() {  # the median of the samples, in ms
  printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}
range() {  # min-max of the samples, in ms
  printf '%s\n' "$@" | sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {print lo "-" hi}'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
mh=$(median "${hello[@]}")
md=$(median "${dynlat[@]}")
printf 'hello-world         median %6s ms  range %s ms  (%s runs)\n' "$mh" "$(range "${hello[@]}")" "$runs"
printf 'dynlat %-12s median %6s ms  range %s ms  (%s runs)\n' "$1" "$md" "$(range "${dynlat[@]}")" "$runs"
awk -v d="$md" -v h="$mh" 'BEGIN {printf "ratio of medians: %.1fx\n", d / h}'
