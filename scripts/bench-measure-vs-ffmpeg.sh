#!/usr/bin/env bash
# Whole processes side by side: `tgvc-bench measure` and FFmpeg's psnr filter on the same two
# 60-frame 1080p 8-bit 4:2:0 Y4M clips (testsrc2 and a noisy copy), in the same run. Wall time,
# CPU time (user + system) and peak memory (max RSS, /usr/bin/time), best of REPEATS; then rewrites
# the "Measure vs FFmpeg" section of docs/performance.md.
#
# Usage: scripts/bench-measure-vs-ffmpeg.sh [BUILD_DIR]     (default build/release)
#   FRAMES (60): frames per clip; REPEATS (5): runs per command, the fastest wall time counts.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
frames=${FRAMES:-60}
repeats=${REPEATS:-5}
bin="$root/$build/tgvc-bench"
doc="$root/docs/performance.md"
[[ -x "$bin" ]] || { echo "error: $bin not found; build the tgvc-bench target first" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "error: ffmpeg not found" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time not found (Debian package time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "generating $frames frames of 1920x1080 4:2:0 (testsrc2, and a copy with noise)" >&2
gen_ref=(ffmpeg -hide_banner -nostdin -loglevel error -f lavfi -i "testsrc2=size=1920x1080:rate=30"
         -frames:v "$frames" -pix_fmt yuv420p "$work/ref.y4m")
gen_dist=(ffmpeg -hide_banner -nostdin -loglevel error -i "$work/ref.y4m" -vf "noise=alls=12:allf=t+u"
          -pix_fmt yuv420p "$work/dist.y4m")
"${gen_ref[@]}"
"${gen_dist[@]}"

cores=$(nproc)
ffmpeg_cmd=(ffmpeg -hide_banner -nostdin -threads 1 -filter_threads 1 -i "$work/dist.y4m" -i "$work/ref.y4m"
            -lavfi psnr -f null -)
measure_cmd=("$bin" measure "$work/ref.y4m" "$work/dist.y4m" --metrics psnr)

# "wall cpu rss_mib" of the run with the fastest wall time among REPEATS.
best_of() {
  local best="" line
  for ((i = 0; i < repeats; ++i)); do
    line=$(/usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -1 |
           awk '{ printf "%.3f %.3f %.0f", $1, $2 + $3, $4 / 1024 }')
    if [[ -z "$best" ]] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$best"
}

echo "timing ($repeats runs each)" >&2
# Interleaved so that a change of machine load hits every command alike.
ff=$(best_of "${ffmpeg_cmd[@]}")
yuv1=$(best_of "${measure_cmd[@]}" --option psnr.rgb=false --threads 1)
yuvn=$(best_of "${measure_cmd[@]}" --option psnr.rgb=false)
rgb1=$(best_of "${measure_cmd[@]}" --threads 1)
rgbn=$(best_of "${measure_cmd[@]}")
ff2=$(best_of "${ffmpeg_cmd[@]}")
# FFmpeg's figure: the faster of its two series.
if awk -v a="${ff2%% *}" -v b="${ff%% *}" 'BEGIN { exit !(a < b) }'; then ff=$ff2; fi

field() { echo "$1" | cut -d' ' -f"$2"; }
speed() { awk -v f="$(field "$ff" 1)" -v o="$(field "$1" 1)" 'BEGIN { printf "%.2fx", f / o }'; }
memory() { awk -v f="$(field "$ff" 3)" -v o="$(field "$1" 3)" 'BEGIN { printf "%.2fx", o / f }'; }
row() {
  printf '| %s | %s s | %s s | %s MiB | %s | %s |\n' "$1" "$(field "$2" 1)" "$(field "$2" 2)" "$(field "$2" 3)" \
    "$3" "$4"
}

cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ffmpeg_version=$(ffmpeg -version | head -1 | awk '{ print $3 }')
load=$(cut -d' ' -f1-3 /proc/loadavg)
section=$(cat <<MD
## Measure vs FFmpeg

<!-- Written by scripts/bench-measure-vs-ffmpeg.sh; rerun it rather than editing by hand. -->

Machine: ${cores} CPUs, ${cpu_model:-unknown CPU}; load average at the end ${load}.
Date: $(date -u +%Y-%m-%d). ffmpeg ${ffmpeg_version}. Build: \`$build\`.

Whole processes on the same ${frames} frames of 1920x1080 8-bit 4:2:0 (testsrc2 and a noisy copy, Y4M),
each reading both files and computing PSNR; the run with the fastest wall time of ${repeats}, commands
interleaved. CPU is user + system time. Speed is FFmpeg's wall time over ours (goal: at least 1.0x
without RGB, 0.5x with it); memory is our peak RSS over FFmpeg's (goal: at most 2x). \`measure\`
reads both files frame by frame and feeds each pair to the per-frame metrics; \`--threads\` (default:
the machine's ${cores} cores) runs that many workers, each reading the next pair in turn and measuring
it while the others read. Before frames streamed, \`measure\` held both clips as 16-bit samples:
755 MiB peak and 2.1x FFmpeg's time without RGB, 9x with it (issue 11).

| command | wall | CPU | peak RSS | speed vs FFmpeg | memory vs FFmpeg |
|---|---:|---:|---:|---:|---:|
$(row "FFmpeg \`psnr\` filter, one thread" "$ff" "1.00x" "1.00x")
$(row "\`measure --metrics psnr --option psnr.rgb=false --threads 1\`" "$yuv1" "$(speed "$yuv1")" "$(memory "$yuv1")")
$(row "\`measure --metrics psnr --option psnr.rgb=false\`" "$yuvn" "$(speed "$yuvn")" "$(memory "$yuvn")")
$(row "\`measure --metrics psnr --threads 1\` (default: with psnr_rgb)" "$rgb1" "$(speed "$rgb1")" "$(memory "$rgb1")")
$(row "\`measure --metrics psnr\` (default: with psnr_rgb)" "$rgbn" "$(speed "$rgbn")" "$(memory "$rgbn")")

Timings on a shared machine vary by tens of percent between runs (see the load average); CPU time
varies less than wall time. While the load average exceeds the cores, a second worker mostly waits
for a CPU, so the default thread count gains little or loses; compare the CPU column there.

Commands:

\`\`\`
${gen_ref[*]/$work/\$WORK}
${gen_dist[*]//$work/\$WORK}
${ffmpeg_cmd[*]//$work/\$WORK}
tgvc-bench measure \$WORK/ref.y4m \$WORK/dist.y4m --metrics psnr [--option psnr.rgb=false] [--threads 1]
/usr/bin/time -f '%e %U %S %M' COMMAND     # wall, user, system, max RSS (KiB)
\`\`\`
MD
)

touch "$doc"
awk -v section="$section" '
  /^## / { if (skipping) skipping = 0 }
  /^## Measure vs FFmpeg[[:space:]]*$/ { print section; print ""; done = 1; skipping = 1; next }
  !skipping { print }
  END { if (!done) { print ""; print section } }
' "$doc" >"$work/doc" && mv "$work/doc" "$doc"
echo "wrote the Measure vs FFmpeg section of $doc" >&2
