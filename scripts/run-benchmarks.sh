#!/usr/bin/env bash
# `make bench`: every Google Benchmark program, then the comparisons that rewrite
# docs/performance.md. Usage: scripts/run-benchmarks.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
for program in "$root/$build"/tests/bench_*; do
  [[ -x "$program" ]] || continue
  echo "== $(basename "$program")"
  "$program" --benchmark_min_time=0.2
done
"$root/scripts/bench-metrics-vs-ffmpeg.sh" "$build"
"$root/scripts/bench-harness.sh" "$build"
