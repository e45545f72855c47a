#!/bin/sh
# A stand-in encoder that takes its time, so that a test can kill the task running it mid-run:
# copies IN to OUT after SECONDS of sleep. With TGVC_SLOW_MARKERS=DIR it first writes
# DIR/started-<Slurm array task id> (started- outside Slurm), which tells the test the cell is in
# its encode.
#   slow_copy.sh SECONDS IN OUT
set -eu
if [ -n "${TGVC_SLOW_MARKERS:-}" ]; then
  echo $$ >"$TGVC_SLOW_MARKERS/started-${SLURM_ARRAY_TASK_ID:-}"
fi
sleep "$1"
cp "$2" "$3"
