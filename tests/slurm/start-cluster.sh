#!/usr/bin/env bash
# Starts a single-node Slurm cluster (munged, slurmctld, slurmd) on 127.0.0.1 in DIR, as
# /work/shared/notes/slurm-single-node.md measured it: no cgroup plugin (proctrack/linuxproc,
# task/none), munge's socket directory 755, no accounting, batch_sched_delay=0. Runs as root.
# Prints `SLURM_CONF=DIR/slurm.conf` once the node is idle; stop it with stop-cluster.sh DIR.
# With WATCH_PID, a watchdog stops the cluster once that process is gone (a test that crashed
# before its teardown); with MAX_ARRAY_SIZE, the cluster's MaxArraySize.
#   [WATCH_PID=PID] [MAX_ARRAY_SIZE=N] start-cluster.sh DIR
set -euo pipefail
dir=$(realpath "$1")
mkdir -p "$dir"/{munge,state,spool,log,jobs}
chmod 755 "$dir" "$dir/munge"
host=$(hostname -s)

mungekey -c -k "$dir/munge/munge.key" -b 1024 >/dev/null 2>&1 || mungekey -c -k "$dir/munge/munge.key" -f
chmod 600 "$dir/munge/munge.key"
/usr/sbin/munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.sock" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munge.seed" \
  --force </dev/null >/dev/null 2>&1

# The node line from slurmd -C, with RealMemory at 90% (a value above the detected memory drains it).
node=$(/usr/sbin/slurmd -C | head -1)
memory=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$node")
node=$(sed "s/RealMemory=[0-9]*/RealMemory=$((memory * 9 / 10))/" <<<"$node")

cat >"$dir/slurm.conf" <<CONF
ClusterName=tgvc
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.sock
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=$((20000 + RANDOM % 20000))
SlurmdPort=$((40000 + RANDOM % 20000))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0
MailProg=/bin/true
${MAX_ARRAY_SIZE:+MaxArraySize=$MAX_ARRAY_SIZE}
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF" </dev/null >"$dir/log/slurmctld.out" 2>&1
/usr/sbin/slurmd -f "$SLURM_CONF" -N "$host" </dev/null >"$dir/log/slurmd.out" 2>&1

if [ -n "${WATCH_PID:-}" ]; then
  stop=$(dirname "$(realpath "$0")")/stop-cluster.sh
  setsid bash -c "while kill -0 $WATCH_PID 2>/dev/null; do sleep 1; done; bash '$stop' '$dir'" \
    </dev/null >/dev/null 2>&1 &
fi

for _ in $(seq 100); do
  if sinfo -h -o %t 2>/dev/null | grep -qx idle; then
    echo "SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.1
done
echo "start-cluster: the node did not become idle in 10 s; logs in $dir/log" >&2
sinfo >&2 || true
exit 1
