#!/usr/bin/env bash
# The T-GVC encoder on real footage that Debian packages ship (opencv-doc's vtest, Megamind,
# tree, cup and box clips): each clip's first 96 frames squashed to 512x320, encoded with the
# default parameters by `tgvc-bench encode`, one process at a time. Prints per clip the encoder's
# frames per second, its stage times, CPU time (user + system) and the file size, best wall time
# of REPEATS; with a second binary (e.g. an older build) both run in turn within every repetition.
#
# Usage: scripts/bench-tgvc-real-footage.sh [TGVC_BENCH [OTHER_TGVC_BENCH]]   (default build/release/tgvc-bench)
#   REPEATS (3): runs per clip and binary, the fastest wall time counts.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bins=("${1:-$root/build/release/tgvc-bench}")
[[ $# -ge 2 ]] && bins+=("$2")
repeats=${REPEATS:-3}
data=/usr/share/doc/opencv-doc/examples/data
html=/usr/share/doc/opencv-doc/opencv4/html
for bin in "${bins[@]}"; do
  [[ -x "$bin" ]] || { echo "error: $bin not found; build the tgvc-bench target first" >&2; exit 1; }
done
[[ -d "$data" ]] || { echo "error: $data not found (Debian package opencv-doc)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time not found (Debian package time)" >&2; exit 1; }

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

echo "clip | binary | fps | wall s | cpu s | bytes | stages"
for clip in vtest Megamind tree cup box; do
  declare -A best=()
  # Repetitions outermost, binaries in turn within each: a change of load hits both alike.
  for ((i = 0; i < repeats; ++i)); do
    for b in "${!bins[@]}"; do
      out=$(/usr/bin/time -f "TIME %e %U %S" "${bins[$b]}" encode "$work/$clip.y4m" -o "$work/out.tgvc" 2>&1)
      read -r wall user sys <<<"$(grep '^TIME' <<<"$out" | cut -d' ' -f2-)"
      if [[ -z "${best[$b]:-}" ]] || awk "BEGIN{exit !($wall < ${best[$b]%% *})}"; then
        stages=$(grep '^stages:' <<<"$out" | sed 's/^stages: //' || true)
        best[$b]="$wall $(awk "BEGIN{print $user + $sys}") $(stat -c %s "$work/out.tgvc") ${stages:-n/a}"
      fi
    done
  done
  for b in "${!bins[@]}"; do
    read -r wall cpu bytes stages <<<"${best[$b]}"
    echo "$clip | ${bins[$b]} | $(awk "BEGIN{printf \"%.1f\", 96 / $wall}") | $wall | $cpu | $bytes | $stages"
  done
  unset best
done
