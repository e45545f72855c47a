#!/usr/bin/env bash
# Times the demo run (configs/demo.yaml) with 1 and 2 jobs, then rewrites the "Harness" section of
# docs/performance.md (`measure` against FFmpeg: scripts/bench-measure-vs-ffmpeg.sh).
#
# Usage: scripts/bench-harness.sh [BUILD_DIR]     (default build/release)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
bin="$root/$build/tgvc-bench"
doc="$root/docs/performance.md"
[[ -x "$bin" ]] || { echo "error: $bin not found; run make build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() {  # wall seconds of a command, its output discarded
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l | xargs printf '%.2f'
}

echo "demo run, 1 job" >&2
demo1=$(cd "$root" && "$bin" run configs/demo.yaml --out "$work/demo1" --jobs 1 2>/dev/null | grep '^time:')
echo "demo run, 2 jobs" >&2
demo2=$(cd "$root" && "$bin" run configs/demo.yaml --out "$work/demo2" --jobs 2 2>/dev/null | grep '^time:')

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
section=$(cat <<MD
## Harness

<!-- Written by scripts/bench-harness.sh; rerun it rather than editing by hand. -->

Machine: $(nproc) CPUs, ${cpu:-unknown CPU}. Date: $(date -u +%Y-%m-%d). Build: \`$build\`.

Demo run (\`tgvc-bench run configs/demo.yaml\`: 3 sequences x 12 rate points of T-GVC, x265 and AV1,
48 frames at 512x320, PSNR, MS-SSIM and trajectory error, report.html), from an empty run directory:

| jobs | where the time went |
| --- | --- |
| 1 | ${demo1#time: } |
| 2 | ${demo2#time: } |

Times are thread-seconds summed over the workers (harness/run/run_accounting.h). "harness" is
measured, not inferred: the serial steps before and after the cells (plan, cache keys, results
files, per-set metrics, report.html) plus each cell's worker time outside source loading,
codecs (encode + decode) and metrics (stills, the cell's result file, cache reads and writes,
progress); its share is of all work done (serial steps + cells). Workers with no cell left
("idle workers") are not harness time. Source loading is listed apart because it is input
decoding, not harness machinery. Goal: harness under 1% of the work at any job count.

Whole-process \`tgvc-bench measure\` against FFmpeg's psnr filter: section "Measure vs FFmpeg"
(scripts/bench-measure-vs-ffmpeg.sh).

MD
)
touch "$doc"
awk -v section="$section" '
  /^## Harness[[:space:]]*$/ { print section; print ""; done = 1; skipping = 1; next }
  skipping && /^## / { skipping = 0 }
  !skipping { print }
  END { if (!done) { print ""; print section } }
' "$doc" > "$work/doc" && mv "$work/doc" "$doc"
echo "wrote the Harness section of $doc" >&2
