#!/usr/bin/env bash
# Runs every libFuzzer target of the fuzz preset for a bounded time, one process at a time, each
# on a fresh copy of its committed seed corpus (the repository stays clean). For each target it
# prints the executions it survived; it exits non-zero when any target found a crash, a
# sanitizer report, a hang or an out-of-memory input, which it keeps under
# BUILD_DIR/runs/<target>/ (crash-*, timeout-*, oom-*) with the log.
#
#   run_fuzzers.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]   (default: every target)
#
# With FUZZ_RUNS=N in the environment a target also stops after N executions.
#
# A kept input replays with: BUILD_DIR/tests/fuzz/<target>_fuzzer FILE
set -uo pipefail

build=${1:?usage: run_fuzzers.sh BUILD_DIR SECONDS_PER_TARGET}
seconds=${2:?usage: run_fuzzers.sh BUILD_DIR SECONDS_PER_TARGET}
source_dir=$(cd "$(dirname "$0")" && pwd)
only=" ${*:3} "

# target, corpus folder, -max_len, dictionary (or -). The container target cuts inputs at 1 MiB
# itself; valid sample streams are about 1 kB, the crafted regression file 6 kB. A TRAJ payload
# of a clip is rarely more than a few hundred bytes. The readers' inputs hold frames of at most
# 62x62 (raw) or whatever the header says (Y4M): 16 kB holds a few small frames. Configs are a
# few kilobytes. A rANS string of at most 4096 symbols is rarely above 16 kB.
targets=(
  "tgvc_container tgvc 65536 -"
  "trajectory_decoder trajectory 4096 -"
  "y4m_header y4m_header 4096 -"
  "y4m_reader y4m_reader 16384 -"
  "raw_yuv_reader raw_yuv_reader 16384 -"
  "image_sequence image_sequence 16384 -"
  "config config 8192 config.dict"
  "rans_decoder rans 16384 -"
  "learned_container learned_container 16384 -"
)
# The reader's limits keep any parse below about 270 MB (0.77 GB in this build, with the
# sanitizers' overhead); past 2 GB an input counts as an unbounded allocation.
rss_limit_mb=2048
# A single input that takes this long is a hang. The slowest valid input (2^20 tracks, 2^24
# track-frames) parses in 0.4 s in Release but in 5 to 11 s with the sanitizers and coverage
# tracing of this build (docs/reliability.md, section 4).
timeout_s=60

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

failed=()
for entry in "${targets[@]}"; do
  read -r name corpus max_len dict <<<"$entry"
  if [ "$only" != "  " ] && [[ "$only" != *" $name "* ]]; then continue; fi
  binary="$build/tests/fuzz/${name}_fuzzer"
  work="$build/runs/$name"
  if [ ! -x "$binary" ]; then
    echo "run_fuzzers: $binary is missing (build the fuzz preset with clang)" >&2
    exit 2
  fi
  rm -rf "$work"
  mkdir -p "$work"
  cp -r "$source_dir/corpus/$corpus" "$work/corpus"
  runs_option=()
  if [ -n "${FUZZ_RUNS:-}" ]; then runs_option=(-runs="$FUZZ_RUNS"); fi
  dict_option=()
  if [ "$dict" != "-" ]; then dict_option=(-dict="$source_dir/$dict"); fi
  echo "run_fuzzers: $name for ${seconds} s on a copy of tests/fuzz/corpus/$corpus ($work)"
  "$binary" "$work/corpus" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb="$rss_limit_mb" \
    -timeout="$timeout_s" "${dict_option[@]}" "${runs_option[@]}" -print_final_stats=1 -artifact_prefix="$work/" >"$work/fuzz.log" 2>&1
  status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -n 1)
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    echo "run_fuzzers: $name FAILED (exit $status) after ${executions:-?} executions; log and input:" >&2
    grep -E "^==[0-9]+==ERROR|runtime error|deadly signal|out-of-memory|ALARM|Test unit written" \
      "$work/fuzz.log" | head -n 20 >&2
    ls "$work"/crash-* "$work"/timeout-* "$work"/oom-* "$work"/leak-* 2>/dev/null >&2
  else
    echo "run_fuzzers: $name survived ${executions:-?} executions in ${seconds} s with no crash" \
      "(corpus $(ls "$work/corpus" | wc -l) inputs)"
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "run_fuzzers: failures in ${failed[*]}; inputs kept under $build/runs/" >&2
  exit 1
fi
