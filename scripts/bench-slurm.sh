#!/usr/bin/env bash
# Per-cell dispatch overhead of `--executor slurm` against the local executor (docs/performance.md,
# "Slurm executor"): the same config of N cheap cells (raw codec on small synthetic clips, so the
# cells' own work is a few milliseconds) runs locally with 2 jobs and as a job array on a
# single-node cluster with 2 CPUs (tests/slurm/start-cluster.sh); the difference over N is what
# Slurm adds per cell. Runs as root.
#   scripts/bench-slurm.sh [BUILD_DIR] [CELLS_PER_SEQUENCE] [CELLS_PER_TASK]
set -euo pipefail
build=${1:-build/release}
levels=${2:-30}
per_task=${3:-1}
bench=$(realpath "$build/harness/cli/tgvc-bench" 2>/dev/null || realpath "$build/tgvc-bench")
work=$(mktemp -d /tmp/tgvc_bench_slurm_XXXXXX)
trap 'bash tests/slurm/stop-cluster.sh "$work/cluster" >/dev/null 2>&1; rm -rf "$work"' EXIT
sweep=$(seq -s, 0 $((levels - 1)))
cat >"$work/c.yaml" <<CONF
experiment: slurmbench
frames: {count: 12}
datasets:
  - synthetic: {name: a, width: 128, height: 96, seed: 1}
  - synthetic: {name: b, width: 128, height: 96, seed: 2, scene: crossing}
codecs:
  - {name: raw, type: raw, sweep: {level: [$sweep]}}
metrics: [psnr, ssim]
jobs: 2
executor: {kind: slurm, cpus_per_task: 1, cells_per_task: $per_task}
CONF
cells=$((2 * levels))
eval "$(bash tests/slurm/start-cluster.sh "$work/cluster")"
export SLURM_CONF
now() { date +%s.%N; }
t0=$(now); "$bench" run -q "$work/c.yaml" --executor local --out "$work/local" >/dev/null; t1=$(now)
"$bench" run -q "$work/c.yaml" --executor slurm --wait --out "$work/slurm" >/dev/null || true; t2=$(now)
local_s=$(echo "$t1 - $t0" | bc -l)
slurm_s=$(echo "$t2 - $t1" | bc -l)
cell_s=$(python3 -c "import json;c=json.load(open('$work/local/results.json'))['cells'];print(sum(x['timing']['total_s'] for x in c)/len(c))")
printf 'cells %d, %d per task; local (2 jobs) %.2f s; slurm (2 CPUs, --wait) %.2f s; per cell: work %.4f s, slurm dispatch overhead %.3f s\n' \
  "$cells" "$per_task" "$local_s" "$slurm_s" "$cell_s" "$(echo "($slurm_s - $local_s) * 2 / $cells" | bc -l)"
