#!/usr/bin/env bash
# Times ffmpeg's psnr and ssim filters on a 1080p 4:2:0 clip pair and our metrics per frame
# (bench_metrics), then rewrites the "Metrics" section of docs/performance.md.
#
# Usage: scripts/bench-metrics-vs-ffmpeg.sh [BUILD_DIR]     (default build/release)
#   FRAMES (30): frames per clip; LOOPS (10): times ffmpeg reads each clip (-stream_loop), so that
#   CPU times lie well above the clock's resolution; REPEATS (3): runs per figure, the fastest counts.
# Needs ffmpeg and bench_metrics built in BUILD_DIR (cmake --build BUILD_DIR --target bench_metrics).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
frames=${FRAMES:-30}
loops=${LOOPS:-10}
repeats=${REPEATS:-3}
bench="$root/$build/tests/bench_metrics"
doc="$root/docs/performance.md"

[[ -x "$bench" ]] || { echo "error: $bench not found; build the bench_metrics target first" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "error: ffmpeg not found" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "generating $frames frames of 1920x1080 4:2:0 (testsrc2, and a copy with noise)" >&2
gen_ref=(ffmpeg -hide_banner -nostdin -loglevel error -f lavfi -i "testsrc2=size=1920x1080:rate=30"
         -frames:v "$frames" -pix_fmt yuv420p "$work/ref.y4m")
gen_dist=(ffmpeg -hide_banner -nostdin -loglevel error -i "$work/ref.y4m" -vf "noise=alls=12:allf=t+u"
          -pix_fmt yuv420p "$work/dist.y4m")
"${gen_ref[@]}"
"${gen_dist[@]}"

total_frames=$((frames * loops))
# ffmpeg on one thread, reading both clips LOOPS times; extra arguments pick the filter (or none).
ffmpeg_run=(ffmpeg -hide_banner -nostdin -benchmark -threads 1 -filter_threads 1
            -stream_loop $((loops - 1)) -i "$work/dist.y4m" -stream_loop $((loops - 1)) -i "$work/ref.y4m")

# Fastest user CPU seconds of REPEATS runs. The filters' work is user time; reading the clips is
# mostly system time and is measured separately (no filter) and subtracted.
ffmpeg_user_seconds() {
  local best="" t
  for ((i = 0; i < repeats; ++i)); do
    t=$("${ffmpeg_run[@]}" "$@" -f null - 2>&1 | sed -n 's/.*bench: utime=\([0-9.]*\)s.*/\1/p')
    [[ -n "$t" ]] || { echo "error: no -benchmark line from ffmpeg $*" >&2; exit 1; }
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

echo "timing ffmpeg ($repeats runs each)" >&2
read_only=$(ffmpeg_user_seconds -map 0:v -map 1:v)
psnr_s=$(ffmpeg_user_seconds -lavfi "[0:v][1:v]psnr")
ssim_s=$(ffmpeg_user_seconds -lavfi "[0:v][1:v]ssim")
per_frame_ms() { awk -v t="$1" -v r="$read_only" -v n="$total_frames" 'BEGIN { printf "%.3f", (t - r) * 1000 / n }'; }
ffmpeg_psnr_ms=$(per_frame_ms "$psnr_s")
ffmpeg_ssim_ms=$(per_frame_ms "$ssim_s")

echo "timing bench_metrics ($repeats repetitions)" >&2
bench_csv=$("$bench" --benchmark_filter='psnr|ssim' --benchmark_repetitions="$repeats" --benchmark_format=csv 2>/dev/null)
# Fastest CPU time (ms) of the repetitions of one benchmark.
ours_ms() {
  awk -F, -v name="\"$1\"" '$1 == name { t = $4 + 0; if (best == "" || t < best) best = t }
                            END { if (best == "") exit 1; printf "%.3f", best }' <<<"$bench_csv"
}

cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ffmpeg_version=$(ffmpeg -version | head -1 | awk '{ print $3 }')
load=$(cut -d' ' -f1-3 /proc/loadavg)
row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3"; }

section=$(cat <<MD
## Metrics

<!-- Written by scripts/bench-metrics-vs-ffmpeg.sh; rerun it rather than editing by hand. -->

Machine: $(nproc) CPUs, ${cpu_model:-unknown CPU}; load average at start ${load}.
Date: $(date -u +%Y-%m-%d). ffmpeg ${ffmpeg_version}. Build: \`$build\`.

Per-frame CPU time, one thread, 1920x1080 8-bit 4:2:0. ffmpeg: user time of \`psnr\` / \`ssim\` runs
over ${total_frames} frames (${frames}-frame clips read ${loops} times) minus the user time of the same run
without a filter, divided by the frame count; fastest of ${repeats}. Ours: CPU time per frame from
\`bench_metrics\` (synthetic frames of the same size; the cost does not depend on content), fastest
of ${repeats} repetitions.

| Measurement | ms per frame | Notes |
|---|---:|---|
$(row "ffmpeg \`psnr\` (Y, U, V)" "$ffmpeg_psnr_ms" "8-bit samples, SIMD assembly")
$(row "ours: \`psnr\` YUV kernel only" "$(ours_ms psnr_kernel/1920x1080_420)" "uint64 SSE of Y, U, V; frames in cache")
$(row "ours: \`psnr\` metric, \`rgb: false\`" "$(ours_ms psnr_yuv/1920x1080_420)" "all YUV values; frames in cache")
$(row "ours: \`psnr\` metric, \`rgb: false\`, uncached" "$(ours_ms psnr_yuv_uncached/1920x1080_420)" "frames read from memory (16-bit samples)")
$(row "ours: \`psnr\` metric, default" "$(ours_ms psnr_yuv_and_rgb/1920x1080_420)" "adds psnr_rgb: two YUV->RGB conversions")
$(row "ffmpeg \`ssim\` (Y, U, V)" "$ffmpeg_ssim_ms" "8x8 blocks on a 4-pixel grid, integer sums: not our SSIM")
$(row "ours: \`ssim\`, \`colour: y\`" "$(ours_ms ssim_y/1920x1080_420)" "Gaussian 11x11, double")
$(row "ours: \`msssim\`, \`colour: y\`" "$(ours_ms msssim_y/1920x1080_420)" "5 scales")
$(row "ours: \`msssim\`, default (RGB)" "$(ours_ms msssim_rgb/1920x1080_420)" "3 channels + YUV->RGB")
$(row "ours: \`msssim\` RGB at 512x320" "$(ours_ms msssim_rgb/512x320_420)" "the T-GVC protocol size")
$(row "ours: \`msssim\` RGB at 512x320, dcvc" "$(ours_ms msssim_rgb_dcvc/512x320_420)" "")

Reading the table: the PSNR rows compare like with like (sum of squared differences of Y, U and V
per frame); ours reads 16-bit samples (\`tgvc::Frame\`), twice ffmpeg's bytes, which shows when the
frames are not in cache. The default \`psnr\` row is dominated by \`tgvc::yuv_to_rgb\` (two
conversions per frame, into RGB frames a single \`compute()\` call allocates; \`measure\` reuses them), as is the difference between the RGB and luma MS-SSIM rows; \`rgb: false\` or
\`colour: y\` avoid it. ffmpeg's \`ssim\` is a different, much cheaper approximation (8x8 blocks,
integer sums), listed only for scale; ours filters every pixel with the 11x11 Gaussian in double.
Timings on a shared machine vary by tens of percent between runs (see the load average).

Commands:

\`\`\`
${gen_ref[*]/$work/\$WORK}
${gen_dist[*]//$work/\$WORK}
${ffmpeg_run[*]//$work/\$WORK} -lavfi "[0:v][1:v]psnr" -f null -     # and ssim; and -map 0:v -map 1:v
$build/tests/bench_metrics --benchmark_filter='psnr|ssim' --benchmark_repetitions=$repeats
\`\`\`
MD
)

# Replace the section (from "## Metrics" to the next "## " heading) or append it.
mkdir -p "$(dirname "$doc")"
[[ -f "$doc" ]] || printf '# Performance\n' >"$doc"
awk -v section="$section" '
  /^## / { if (skipping) skipping = 0 }
  /^## Metrics[[:space:]]*$/ { print section; print ""; done = 1; skipping = 1; next }
  !skipping { print }
  END { if (!done) { print ""; print section } }
' "$doc" >"$doc.tmp"
mv "$doc.tmp" "$doc"
echo "wrote the Metrics section of $doc" >&2
