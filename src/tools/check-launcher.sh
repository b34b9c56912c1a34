#!/usr/bin/env bash
# After a build: the launcher, the runnable jar, the class-data-sharing archive and the completion
# script agree, and an archive that no longer matches the jars is skipped without a word.
# Run by .ci/run after 'mvn -B verify'; the first ./dynlat call may build (first use).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/predictor/target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check-launcher: $*" >&2; exit 1; }

args=(predict --model resnet50 --device v100)
"$root/dynlat" "${args[@]}" >"$work/launcher.out" 2>"$work/launcher.err" || fail "./dynlat ${args[*]} failed: $(cat "$work/launcher.err")"
[ -s "$work/launcher.out" ] || fail "./dynlat printed nothing"
grep -v '^dynlat: building' "$work/launcher.err" >"$work/launcher.err.rest" || true
[ ! -s "$work/launcher.err.rest" ] || fail "./dynlat wrote to standard error: $(cat "$work/launcher.err.rest")"

java -Djava.awt.headless=true -jar "$target/dynlat.jar" "${args[@]}" >"$work/jar.out" || fail "java -jar dynlat.jar failed"
cmp -s "$work/launcher.out" "$work/jar.out" || fail "java -jar dynlat.jar and ./dynlat print different results"

[ -f "$target/dynlat.jsa" ] || fail "the build left no class-data-sharing archive (predictor/target/dynlat.jsa)"
java -XX:SharedArchiveFile="$target/dynlat.jsa" -Xshare:on -Xlog:class+load:file="$work/classes.log" \
  -jar "$target/dynlat.jar" "${args[@]}" >/dev/null || fail "the JVM refuses the archive (-Xshare:on)"
grep -q 'dev\.dynlat\.predictor\.cli\.DynlatCli source: shared objects file' "$work/classes.log" \
  || fail "the archive does not hold the CLI's classes"

# A stale archive: the launcher leaves out one older than dynlat.jar, and the JVM refuses one whose
# jars changed (here a library's date); either way the same output and nothing else on either stream.
for stale in "$target/dynlat.jar" "$target/lib/picocli-"*.jar; do
  touch -r "$stale" "$work/mtime"
  touch "$stale"
  status=0
  "$root/dynlat" "${args[@]}" >"$work/stale.out" 2>"$work/stale.err" || status=$?
  touch -r "$work/mtime" "$stale"
  [ "$status" -eq 0 ] || fail "./dynlat failed with an archive older than $stale: $(cat "$work/stale.err")"
  cmp -s "$work/launcher.out" "$work/stale.out" || fail "a stale archive changed the output: $(diff "$work/launcher.out" "$work/stale.out" | head -5)"
  [ ! -s "$work/stale.err" ] || fail "a stale archive printed: $(cat "$work/stale.err")"
done

"$root/dynlat" completion bash >"$work/completion.launcher"
java -jar "$target/dynlat.jar" completion bash >"$work/completion.jar"
cmp -s "$work/completion.launcher" "$work/completion.jar" || fail "the build's completion script is not what 'dynlat completion' prints"
grep -q '"resnet50"' "$work/completion.launcher" && grep -q '"v100"' "$work/completion.launcher" \
  || fail "the completion script lacks model or device names"
echo "check-launcher: launcher, runnable jar, archive and completion script agree"
