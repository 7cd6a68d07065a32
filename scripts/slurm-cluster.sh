#!/usr/bin/env bash
# A throw-away one-node Slurm cluster on this machine, for gantry's Slurm integration test (and
# for trying `gantry sweep --slurm` by hand): a private munged, slurmctld and slurmd, all run as
# root from one state directory with a minimal slurm.conf (cons_tres, proctrack/linuxproc, no
# accounting, this node's real CPUs and memory from `slurmd -C`).
#
# Nothing outside the state directory is touched: the daemons use their own munge key and socket,
# their own ports and spool directories, and clients find the cluster through SLURM_CONF.
#
#   scripts/slurm-cluster.sh start    # idempotent: does nothing when our cluster already answers
#   scripts/slurm-cluster.sh stop     # stops only the daemons this script started (pid files)
#   scripts/slurm-cluster.sh status
#   scripts/slurm-cluster.sh env      # prints `export SLURM_CONF=...` for clients
#
# State directory: $GANTRY_SLURM_DIR, default /tmp/gantry-slurm. Ports: $GANTRY_SLURM_PORT
# (slurmctld, default 16817) and the next one (slurmd).
# Exit codes: 0 ok; 1 the cluster could not be started (the reason is printed).
set -euo pipefail

state="${GANTRY_SLURM_DIR:-/tmp/gantry-slurm}"
port="${GANTRY_SLURM_PORT:-16817}"
conf="$state/slurm.conf"
export SLURM_CONF="$conf"

fail() { echo "slurm-cluster: $*" >&2; exit 1; }

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2> /dev/null; }

responding() {
  [ -f "$conf" ] && timeout 5 scontrol ping 2> /dev/null | grep -q "is UP"
}

write_config() {
  local node
  # `slurmd -C` prints this machine's real layout: NodeName=... CPUs=... RealMemory=...
  node="$(slurmd -C | head -n 1)"
  [[ "$node" == NodeName=* ]] || fail "slurmd -C did not describe this node: $node"
  local name="${node%% *}"
  name="${name#NodeName=}"
  cat > "$conf" << EOF
# Written by gantry's scripts/slurm-cluster.sh: a one-node test cluster.
ClusterName=gantry-test
SlurmctldHost=$name(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$state/munge/munge.socket
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool/%n
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
# Requeued jobs may start again at once (the default holds them for a while).
SchedulerParameters=bf_interval=1
MinJobAge=600
KillWait=10
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

start_munge() {
  pid_alive "$state/munge/munged.pid" && return 0
  mkdir -p "$state/munge"
  chmod 700 "$state/munge"
  if [ ! -s "$state/munge/munge.key" ]; then
    dd if=/dev/urandom of="$state/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$state/munge/munge.key"
  fi
  munged --force --socket="$state/munge/munge.socket" --key-file="$state/munge/munge.key" \
    --pid-file="$state/munge/munged.pid" --log-file="$state/munge/munged.log" \
    --seed-file="$state/munge/munged.seed" \
    || fail "munged did not start (see $state/munge/munged.log)"
}

start() {
  command -v slurmctld > /dev/null && command -v slurmd > /dev/null && command -v munged > /dev/null \
    || fail "slurmctld, slurmd or munged is not installed (apt-get install slurm-wlm munge)"
  [ "$(id -u)" -eq 0 ] || fail "must run as root (the test cluster's daemons run as root)"
  if responding; then
    echo "slurm-cluster: already up ($conf)"
    return 0
  fi
  mkdir -p "$state/ctld" "$state/spool"
  write_config
  start_munge
  pid_alive "$state/slurmctld.pid" || slurmctld -c -f "$conf" || fail "slurmctld did not start (see $state/slurmctld.log)"
  pid_alive "$state/slurmd.pid" || slurmd -f "$conf" || fail "slurmd did not start (see $state/slurmd.log)"
  local node
  node="$(sed -n 's/^NodeName=\([^ ]*\).*/\1/p' "$conf")"
  for _ in $(seq 1 60); do
    if responding; then
      local node_state
      node_state="$(sinfo -h -n "$node" -o %T 2> /dev/null || true)"
      case "$node_state" in
        idle* | mixed* | allocated*)
          echo "slurm-cluster: up, node $node $node_state ($conf)"
          return 0
          ;;
        down* | drain*) scontrol update NodeName="$node" State=RESUME 2> /dev/null || true ;;
      esac
    fi
    sleep 0.5
  done
  tail -n 5 "$state/slurmctld.log" "$state/slurmd.log" >&2 || true
  fail "the cluster did not come up within 30 s"
}

stop_daemon() {
  local pid_file="$1"
  pid_alive "$pid_file" || return 0
  local pid
  pid="$(cat "$pid_file")"
  kill "$pid" 2> /dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2> /dev/null || return 0
    sleep 0.25
  done
  kill -9 "$pid" 2> /dev/null || true
}

stop() {
  stop_daemon "$state/slurmd.pid"
  stop_daemon "$state/slurmctld.pid"
  stop_daemon "$state/munge/munged.pid"
  echo "slurm-cluster: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if responding; then
      sinfo
    else
      echo "slurm-cluster: not running"
      exit 1
    fi
    ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
