#!/usr/bin/env bash
# The harness's own time per external cell (writing {input}, starting the programs, reading and
# checking {output}) against running the same encoder and decoder by hand, on a 96-frame 512x320
# clip (T-GVC's protocol size), with the x265-cli preset (configs/codecs/x265-cli.yaml).
# Prints a Markdown table for docs/performance.md ("External codecs").
#
# Usage: scripts/bench-external-overhead.sh [BUILD_DIR]     (default build/release)
#   QP (37): the rate point; REPEATS (3): runs of each, interleaved, the median counts.
# Needs tgvc-bench built in BUILD_DIR, x265 and ffmpeg (scripts/install-deps.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
qp=${QP:-37}
repeats=${REPEATS:-3}
bench="$root/$build/tgvc-bench"
[[ -x "$bench" ]] || { echo "error: $bench not found; build the tgvc-bench target first" >&2; exit 1; }
for p in x265 ffmpeg; do command -v "$p" >/dev/null || { echo "error: $p not found" >&2; exit 1; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The clip: vtest.avi (opencv-doc), first 96 frames squashed to 512x320.
src=/usr/share/doc/opencv-doc/examples/data/vtest.avi
ffmpeg -hide_banner -nostdin -loglevel error -i "$src" -frames:v 96 -vf scale=512:320:flags=bicubic \
  -pix_fmt yuv420p "$work/clip.y4m"

cat > "$work/overhead.yaml" <<YAML
experiment: external-overhead
datasets:
  - file: {path: $work/clip.y4m, name: vtest}
codecs:
  - {preset: x265-cli, params: {qp: $qp}}
YAML

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

: > "$work/hand_enc"; : > "$work/hand_dec"; : > "$work/cell_enc"; : > "$work/cell_dec"
for i in $(seq "$repeats"); do
  # By hand: the preset's argv with the harness's paths filled in.
  mkdir -p "$work/hand$i"
  t0=$(now)
  (cd "$work/hand$i" && x265 --input "$work/clip.y4m" --output stream.hevc --preset medium --qp "$qp" \
     --keyint 250 --pools 1 --frame-threads 1 --no-info --log-level error)
  t1=$(now)
  (cd "$work/hand$i" && ffmpeg -nostdin -v error -threads 1 -i stream.hevc -f yuv4mpegpipe -strict -1 \
     -fps_mode passthrough output.y4m)
  t2=$(now)
  echo "$t1 - $t0" | bc -l >> "$work/hand_enc"
  echo "$t2 - $t1" | bc -l >> "$work/hand_dec"
  hand_bytes=$(stat -c %s "$work/hand$i/stream.hevc")
  # Through the harness: one cell, no metrics; its encode_s and decode_s.
  TGVC_CODEC_PRESETS="$root/configs/codecs" "$bench" run "$work/overhead.yaml" --out "$work/run$i" -q >/dev/null
  cell=$(ls "$work/run$i"/cells/*.json | head -1)
  /usr/bin/python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['timing']; print(t['encode_s']); print(t['decode_s'], file=sys.stderr)" \
    "$cell" >> "$work/cell_enc" 2>> "$work/cell_dec"
  cell_bits=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['bits'])" "$cell")
  [[ $((hand_bytes * 8)) -eq "$cell_bits" ]] || { echo "error: by hand $hand_bytes bytes, the cell $cell_bits bits" >&2; exit 1; }
done

he=$(median < "$work/hand_enc"); hd=$(median < "$work/hand_dec")
ce=$(median < "$work/cell_enc"); cd_=$(median < "$work/cell_dec")
hand=$(echo "$he + $hd" | bc -l); cell=$(echo "$ce + $cd_" | bc -l)
own=$(echo "$cell - $hand" | bc -l)
share=$(echo "100 * $own / $cell" | bc -l)

echo "Machine: $(nproc) CPUs shared with other work, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average at end $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Date: $(date +%F). $(x265 --version 2>&1 | head -1 | sed 's/.*: //'); $(ffmpeg -version | head -1 | cut -d' ' -f1-3). Median of $repeats interleaved runs, wall time."
echo
echo "| step | by hand (s) | in the cell (s) |"
echo "|---|---:|---:|"
printf '| encode (x265, qp %s) | %.3f | %.3f |\n' "$qp" "$he" "$ce"
printf '| decode (ffmpeg) | %.3f | %.3f |\n' "$hd" "$cd_"
printf '| total | %.3f | %.3f |\n' "$hand" "$cell"
printf '\nThe harness'"'"'s own time: %.3f s per cell, %.1f%% of the cell'"'"'s encode and decode.\n' "$own" "$share"
