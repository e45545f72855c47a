#!/usr/bin/env bash
# The harness's own time per external cell (writing {input}, starting the programs, reading and
# checking {output}) against running the same encoder and decoder by hand, on a 96-frame 512x320
# clip (T-GVC's protocol size), with the x265-cli preset (configs/codecs/x265-cli.yaml). On a
# shared machine the tools' own times vary by more than the harness adds, so the harness's part is
# also measured alone: a cell whose "encoder" is `dd` (it reads the raw input the harness wrote
# and keeps 3000 bytes as the bitstream) and whose "decoder" is `cp` (it copies the clip's raw
# frames to {output}, which the harness reads and checks) costs the harness's work plus what two
# trivial programs take to start, read and write.
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
ffmpeg -hide_banner -nostdin -loglevel error -i "$work/clip.y4m" -f rawvideo "$work/clip.yuv"

cat > "$work/overhead.yaml" <<YAML
experiment: external-overhead
datasets:
  - file: {path: $work/clip.y4m, name: vtest}
codecs:
  - {preset: x265-cli, params: {qp: $qp}}
YAML
cat > "$work/copy.yaml" <<YAML
experiment: external-copy
datasets:
  - file: {path: $work/clip.y4m, name: vtest}
codecs:
  - name: copy
    type: external
    params: {encode: [dd, "if={input}", "of={bitstream}", bs=3000, count=1, status=none],
             decode: [cp, "$work/clip.yuv", "{output}"], bitstream: stream.bin, input-format: yuv,
             output-format: yuv}
YAML

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

: > "$work/hand_enc"; : > "$work/hand_dec"; : > "$work/cell_enc"; : > "$work/cell_dec"
: > "$work/copy_enc"; : > "$work/copy_dec"
# Prints a cell's encode_s to stdout and decode_s to stderr.
timing() {
  /usr/bin/python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['timing']; print(t['encode_s']); print(t['decode_s'], file=sys.stderr)" "$1"
}
for i in $(seq "$repeats"); do
  # By hand: the preset's argv with the harness's paths filled in.
  mkdir -p "$work/hand$i"
  t0=$(now)
  (cd "$work/hand$i" && x265 --input "$work/clip.y4m" --output stream.hevc --preset medium --qp "$qp" \
     --keyint 250 --pools 1 --frame-threads 1 --no-info --log-level error --no-progress)
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
  timing "$cell" >> "$work/cell_enc" 2>> "$work/cell_dec"
  cell_bits=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['bits'])" "$cell")
  [[ $((hand_bytes * 8)) -eq "$cell_bits" ]] || { echo "error: by hand $hand_bytes bytes, the cell $cell_bits bits" >&2; exit 1; }
  "$bench" run "$work/copy.yaml" --out "$work/copy$i" -q >/dev/null
  timing "$(ls "$work/copy$i"/cells/*.json | head -1)" >> "$work/copy_enc" 2>> "$work/copy_dec"
done

he=$(median < "$work/hand_enc"); hd=$(median < "$work/hand_dec")
ce=$(median < "$work/cell_enc"); cd_=$(median < "$work/cell_dec")
pe=$(median < "$work/copy_enc"); pd=$(median < "$work/copy_dec")
hand=$(echo "$he + $hd" | bc -l); cell=$(echo "$ce + $cd_" | bc -l); copy=$(echo "$pe + $pd" | bc -l)
share=$(echo "100 * $copy / $hand" | bc -l)

echo "Machine: $(nproc) CPUs shared with other work, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average at end $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Date: $(date +%F). $(x265 --version 2>&1 | head -1 | sed 's/.*: //'); $(ffmpeg -version | head -1 | cut -d' ' -f1-3). Median of $repeats interleaved runs, wall time."
echo
echo "| step | x265 and ffmpeg by hand (s) | x265-cli cell (s) | trivial cell: the harness's own work (s) |"
echo "|---|---:|---:|---:|"
printf '| encode (x265 qp %s; dd) | %.3f | %.3f | %.3f |\n' "$qp" "$he" "$ce" "$pe"
printf '| decode (ffmpeg; cp) | %.3f | %.3f | %.3f |\n' "$hd" "$cd_" "$pd"
printf '| total | %.3f | %.3f | %.3f |\n' "$hand" "$cell" "$copy"
printf '\nThe harness'"'"'s own work per cell (the trivial cell, its programs included): %.3f s, %.1f%% of running x265 and ffmpeg by hand.\n' "$copy" "$share"
