#!/usr/bin/env bash
# Times the trajectory-error metric per cell on a real clip and in the demo run, for this build and
# optionally a baseline binary (e.g. one built from an earlier commit), then rewrites the
# "Trajectory error" section of docs/performance.md.
#
# Real clip: OpenCV's vtest.avi, 96 frames squashed to 512x320, x265 preset medium at QP 32, 37 and
# 42, trajectory_error only, one job: the cells' metric time (timing.metrics_s). Demo:
# configs/demo.yaml with 2 jobs. Two rounds, the builds taking turns; each table keeps the run
# with the least metric time (real clip) or wall time (demo).
#
# Usage: scripts/bench-trajectory.sh [BUILD_DIR] [BASELINE_BINARY [BASELINE_LABEL]]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
bin="$root/$build/tgvc-bench"
baseline=${2:-}
baseline_label=${3:-$baseline}
doc="$root/docs/performance.md"
[[ -x "$bin" ]] || { echo "error: $bin not found; run make build first" >&2; exit 1; }
[[ -z "$baseline" || -x "$baseline" ]] || { echo "error: $baseline is not executable" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/vtest96.yaml" <<YAML
experiment: vtest96
frames: {count: 96}
resize: {width: 512, height: 320, mode: squash}
datasets:
  - file: {path: /usr/share/doc/opencv-doc/examples/data/vtest.avi, name: vtest}
codecs:
  - {name: x265, type: x265, params: {preset: medium, keyint: 96}, sweep: {qp: [32, 37, 42]}}
metrics: [trajectory_error]
YAML

# Metric seconds of the cell at QP $2 in run directory $1.
cell_metrics_s() { jq -r '.timing.metrics_s' "$1"/cells/*qp=$2.json; }
# "user+sys" CPU seconds that /usr/bin/time wrote to $1.
cpu_s() { awk '{ printf "%.1f", $1 + $2 }' "$1"; }

# One run of the real clip: "metric seconds of the 3 cells|table row" on stdout.
real_clip_run() {  # binary, label
  rm -rf "$work/real"
  "$1" run "$work/vtest96.yaml" --jobs 1 --out "$work/real" >/dev/null 2>&1
  local a b c
  a=$(cell_metrics_s "$work/real" 32)
  b=$(cell_metrics_s "$work/real" 37)
  c=$(cell_metrics_s "$work/real" 42)
  printf '%s|| %s | %.2f | %.2f | %.2f | %.2f |\n' "$(echo "$a + $b + $c" | bc -l)" "$2" "$a" "$b" "$c" \
    "$(echo "$a + $b + $c" | bc -l)"
}

# One demo run: "wall seconds|table row" on stdout.
demo_run() {  # binary, label
  rm -rf "$work/demo"
  local summary vtest synthetic
  summary=$(cd "$root" && /usr/bin/time -f "%U %S" -o "$work/time" "$1" run configs/demo.yaml --jobs 2 \
    --out "$work/demo" 2>/dev/null | grep '^time:')
  vtest=$(jq -s '[.[] | select(.sequence == "vtest") | .timing.metrics_s] | add' "$work"/demo/cells/*.json)
  synthetic=$(jq -s '[.[] | select(.sequence != "vtest") | .timing.metrics_s] | add' "$work"/demo/cells/*.json)
  local wall=${summary#time: wall }
  printf '%s|| %s | %s | %.1f | %.1f | %s |\n' "${wall%% s;*}" "$2" "${summary#time: }" "$vtest" "$synthetic" \
    "$(cpu_s "$work/time")"
}

# The row of the run with the least time (the least disturbed by other load).
best_row() { sort -t'|' -k1,1n "$1" | head -1 | cut -d'|' -f2-; }

# Two rounds, the builds taking turns, so that both see the same kind of load.
binaries=() labels=()
if [[ -n "$baseline" ]]; then
  binaries+=("$baseline")
  labels+=("baseline: $baseline_label")
fi
binaries+=("$bin")
labels+=("$build")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for round in 1 2; do
  for i in "${!binaries[@]}"; do
    echo "round $round: real clip and demo, ${labels[$i]}" >&2
    real_clip_run "${binaries[$i]}" "${labels[$i]}" >> "$work/real.$i"
    demo_run "${binaries[$i]}" "${labels[$i]}" >> "$work/demo.$i"
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
real_rows="" demo_rows=""
for i in "${!binaries[@]}"; do
  real_rows+=$(best_row "$work/real.$i")$'\n'
  demo_rows+=$(best_row "$work/demo.$i")$'\n'
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
section=$(cat <<MD
## Trajectory error

<!-- Written by scripts/bench-trajectory.sh; rerun it rather than editing by hand. -->

Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, shared with other builds (load average $load_start at the
start, $load_end at the end: wall and metric times are upper bounds). Date: $(date -u +%Y-%m-%d).
Build: \`$build\`.

A run prepares the metric's source side (scene cuts, query lattice, source tracks) once per
sequence and metric options and shares it between the sequence's cells: the first cell to reach
its metrics pays for both sides, the others track only their decoded video (a cell that arrives
while the source side is being prepared waits for it). Synthetic sources use the generator's
ground truth as their source side, which was always cheap.

Real clip: \`vtest.avi\`, 96 frames squashed to 512x320, x265 preset medium, trajectory_error only,
one job; seconds of metric time per cell (\`timing.metrics_s\`, the whole cell's metric step). Of
two runs per build, taking turns, the one with the least metric time in all:

| build | QP 32 (first cell) | QP 37 | QP 42 | all 3 cells |
| --- | ---: | ---: | ---: | ---: |
${real_rows}
Demo run (\`tgvc-bench run configs/demo.yaml --jobs 2\`: 3 sequences x 12 rate points, 48 frames
at 512x320, PSNR, MS-SSIM and trajectory error), the run with the least wall time of two per build;
metric seconds summed over the cells, and the CPU time (user + sys) of the process, which also
counts OpenCV's worker threads spinning while they wait:

| build | run summary | metrics, 12 vtest cells | metrics, 24 synthetic cells | CPU time |
| --- | --- | ---: | ---: | ---: |
${demo_rows}
Commands:

\`\`\`
scripts/bench-trajectory.sh $build${baseline:+ BASELINE_BINARY}
\`\`\`

MD
)
touch "$doc"
awk -v section="$section" '
  /^## Trajectory error[[:space:]]*$/ { print section; print ""; done = 1; skipping = 1; next }
  skipping && /^## / { skipping = 0 }
  !skipping { print }
  END { if (!done) { print ""; print section } }
' "$doc" > "$work/doc" && mv "$work/doc" "$doc"
echo "wrote the Trajectory error section of $doc" >&2
