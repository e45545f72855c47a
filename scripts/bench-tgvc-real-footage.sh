#!/usr/bin/env bash
# The T-GVC encoder on real footage that Debian packages ship (opencv-doc's vtest, Megamind,
# tree, cup and box clips; visp-images-data's grey mire-2 and mbt/cube sequences where that
# package is installed): each clip's first 96 frames squashed to 512x320, encoded with the
# default parameters by `tgvc-bench encode`, one process at a time. Prints per clip the encoder's
# frames per second, its stage times, CPU time (user + system) and the file size, best wall time
# of REPEATS; with a second binary (e.g. an older build) both run in turn within every repetition.
# With CELLS=2, two encoders of the same clip run at once (one cell per core on a 2-core machine)
# and the slower one's wall time and CPU time count (stage times: the first one's): frames per
# second per cell with every core busy.
#
# The anchor: x265 (the CLI, preset medium, CRF 28, one worker thread and one frame thread, as the
# harness's x265 codec runs by default) encodes the same clip the same way (CELLS at once) within
# every repetition, and each line gives the encoder's wall time as a multiple of the anchor's. The
# ratio is what compares across machines and moments whose speed differs (the 30 fps goal was set
# beside x265 medium at 0.55 s for 96 frames of a clip and rate of its own: 3.2 s is 5.8 times that).
#
# Usage: scripts/bench-tgvc-real-footage.sh [TGVC_BENCH [OTHER_TGVC_BENCH]]   (default build/release/tgvc-bench)
#   REPEATS (3): runs per clip and binary, the fastest wall time counts.
#   CELLS (1): encoders run at once.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bins=("${1:-$root/build/release/tgvc-bench}")
[[ $# -ge 2 ]] && bins+=("$2")
repeats=${REPEATS:-3}
cells=${CELLS:-1}
data=/usr/share/doc/opencv-doc/examples/data
html=/usr/share/doc/opencv-doc/opencv4/html
for bin in "${bins[@]}"; do
  [[ -x "$bin" ]] || { echo "error: $bin not found; build the tgvc-bench target first" >&2; exit 1; }
done
[[ -d "$data" ]] || { echo "error: $data not found (Debian package opencv-doc)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time not found (Debian package time)" >&2; exit 1; }
command -v x265 >/dev/null || { echo "error: x265 not found (Debian package x265)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

squash() {  # squash SOURCE NAME: 96 frames at 512x320, 8-bit 4:2:0
  ffmpeg -hide_banner -nostdin -loglevel error -i "$1" -frames:v 96 -vf scale=512:320 -pix_fmt yuv420p \
    "$work/$2.y4m"
}
for clip in vtest Megamind tree; do squash "$data/$clip.avi" "$clip"; done
for clip in cup box; do
  gzip -dc "$html/$clip.mp4.gz" >"$work/$clip.mp4"
  squash "$work/$clip.mp4" "$clip"
done
clips=(vtest Megamind tree cup box)
visp=/usr/share/visp-images-data/ViSP-images
if [[ -d "$visp" ]]; then
  squash_images() {  # squash_images PATTERN FIRST NAME
    ffmpeg -hide_banner -nostdin -loglevel error -start_number "$2" -i "$1" -frames:v 96 -vf scale=512:320 \
      -pix_fmt yuv420p "$work/$3.y4m"
  }
  squash_images "$visp/mire-2/image.%04d.pgm" 1 mire-2
  squash_images "$visp/mbt/cube/image%04d.pgm" 0 cube
  clips+=(mire-2 cube)
fi

# The slowest of the cells' wall times in the "TIME wall user sys" lines of their logs.
slowest() { for ((c = 0; c < cells; ++c)); do grep '^TIME' "$work/log$c"; done | sort -k2 -g | tail -1; }

echo "clip | binary | fps | wall s | cpu s | bytes | x265 medium s | wall / x265 | stages"
for clip in "${clips[@]}"; do
  declare -A best=()
  anchor=""
  # Repetitions outermost, binaries and the anchor in turn within each: a change of load hits all alike.
  for ((i = 0; i < repeats; ++i)); do
    for ((c = 0; c < cells; ++c)); do
      /usr/bin/time -f "TIME %e %U %S" x265 --input "$work/$clip.y4m" --preset medium --crf 28 --pools 1 \
        --frame-threads 1 --no-progress -o "$work/anchor$c.hevc" >"$work/log$c" 2>&1 &
    done
    wait
    wall=$(slowest | cut -d' ' -f2)
    if [[ -z "$anchor" ]] || awk "BEGIN{exit !($wall < $anchor)}"; then anchor=$wall; fi
    for b in "${!bins[@]}"; do
      for ((c = 0; c < cells; ++c)); do
        /usr/bin/time -f "TIME %e %U %S" "${bins[$b]}" encode "$work/$clip.y4m" -o "$work/out$c.tgvc" \
          >"$work/log$c" 2>&1 &
      done
      wait
      # The slowest cell's wall time, and its CPU time.
      read -r wall user sys <<<"$(slowest | cut -d' ' -f2-)"
      out=$(cat "$work/log0")
      if [[ -z "${best[$b]:-}" ]] || awk "BEGIN{exit !($wall < ${best[$b]%% *})}"; then
        stages=$(grep '^stages:' <<<"$out" | sed 's/^stages: //' || true)
        best[$b]="$wall $(awk "BEGIN{print $user + $sys}") $(stat -c %s "$work/out0.tgvc") ${stages:-n/a}"
      fi
    done
  done
  for b in "${!bins[@]}"; do
    read -r wall cpu bytes stages <<<"${best[$b]}"
    echo "$clip | ${bins[$b]} | $(awk "BEGIN{printf \"%.1f\", 96 / $wall}") | $wall | $cpu | $bytes | $anchor |" \
      "$(awk "BEGIN{printf \"%.2f\", $wall / $anchor}") | $stages"
  done
  unset best
done
