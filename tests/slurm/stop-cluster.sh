#!/usr/bin/env bash
# Stops the cluster start-cluster.sh started in DIR: cancels its jobs, then SIGTERMs the three
# daemons together and waits for them (about 2 s). Safe to call on a half-started cluster.
#   stop-cluster.sh DIR
set -uo pipefail
dir=$(realpath "$1")
export SLURM_CONF="$dir/slurm.conf"
[ -f "$SLURM_CONF" ] && scancel --full --quiet --user=root 2>/dev/null
pids=()
for f in "$dir/slurmctld.pid" "$dir/slurmd.pid" "$dir/munge/munged.pid"; do
  [ -f "$f" ] && pids+=("$(cat "$f")")
done
[ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null
alive=0
for _ in $(seq 100); do
  alive=0
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ "$alive" -eq 0 ] && break
  sleep 0.1
done
[ "$alive" -eq 1 ] && kill -KILL "${pids[@]}" 2>/dev/null
# A second stop (the start script's watchdog) must not signal whatever reuses these pids.
rm -f "$dir/slurmctld.pid" "$dir/slurmd.pid" "$dir/munge/munged.pid"
exit 0
