#!/usr/bin/env bash
# gantry sweep --slurm on a real Slurm (a one-node cluster started by scripts/slurm-cluster.sh):
#   1. submit a 6-run sweep as an array of 3 tasks plus the merge job;
#   2. once task 2 has finished one run, requeue it mid-run (Slurm sends SIGTERM: the task
#      publishes what it has and stops), and let it start again at once;
#   3. wait (bounded) for the merge job, then check that the merged database holds the same runs,
#      settings, metrics and summaries, bit for bit, as the same sweep run locally, that the
#      requeued task resumed rather than started over (its interrupted run continued from the
#      checkpoint it wrote on SIGTERM), and that every HDF5 path resolves.
# Usage: tests/slurm/test-slurm.sh BUILD_DIR
# Exit codes: 0 passed; 1 failed; 77 skipped because no Slurm cluster could be started here
# (ctest reports it as skipped, with the reason). GANTRY_KEEP_TMP=1 keeps the temporary directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-${GANTRY_BUILD_DIR:-$root/build}}" && pwd)"
gantry="$build/bin/gantry"
cluster="$root/scripts/slurm-cluster.sh"
timeout_s="${GANTRY_SLURM_TEST_TIMEOUT:-150}"

step() { echo "== test-slurm: $* ($SECONDS s)"; }
fail() {
  echo "test-slurm: FAILED: $*" >&2
  exit 1
}
skip() {
  echo "test-slurm: SKIPPED: $*"
  exit 77
}

[ -x "$gantry" ] || fail "no gantry at $gantry"
command -v sbatch > /dev/null || skip "Slurm is not installed (apt-get install slurm-wlm munge)"
[ "$(id -u)" -eq 0 ] || skip "the test cluster's daemons must run as root"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gantry-test-slurm.XXXXXX")"
started_cluster=0
cleanup() {
  local status=$?
  if [ -n "${array_job:-}" ]; then scancel "$array_job" "${merge_job:-}" 2> /dev/null || true; fi
  if [ "$started_cluster" = 1 ]; then "$cluster" stop > /dev/null 2>&1 || true; fi
  if [ "${GANTRY_KEEP_TMP:-0}" = 1 ]; then echo "test-slurm: keeping $tmp"; else rm -rf "$tmp"; fi
  exit "$status"
}
trap cleanup EXIT

eval "$("$cluster" env)"
if ! "$cluster" status > /dev/null 2>&1; then
  step "starting a one-node Slurm cluster"
  "$cluster" start > "$tmp/cluster.log" 2>&1 || {
    cat "$tmp/cluster.log"
    skip "scripts/slurm-cluster.sh could not start Slurm here"
  }
  started_cluster=1
fi

cd "$tmp"
# Runs of about two seconds each, so the requeue lands while task 2 is between its runs' steps.
cat > slow.ini << 'EOF'
[data]
plugin = x2
[trainer]
epochs = 40000
eval_every = 4000
log_every = 1000
[eval]
heldout_rows = 100
generated_rows = 100
final_rows = 50
EOF
sweep=(slow.ini --seeds 1-3 --grid trainer.k=1,2)

step "submitting 6 runs as an array of 3 tasks"
"$gantry" sweep "${sweep[@]}" --slurm --array 3 --scratch "$tmp/scratch" > submit.log 2>&1 \
  || { cat submit.log; fail "gantry sweep --slurm"; }
cat submit.log
array_job="$(sed -n 's/.* array tasks, job \([0-9]*\);.*/\1/p' submit.log)"
merge_job="$(sed -n 's/.*merge job \([0-9]*\) runs.*/\1/p' submit.log)"
[ -n "$array_job" ] && [ -n "$merge_job" ] || fail "no job ids in the output of gantry sweep --slurm"

scratch_db() { compgen -G "$tmp/scratch/gantry-*-shard-2-of-3/shard-2-of-3.sqlite" | head -n 1; }
finished_in() { sqlite3 "$1" "SELECT count(*) FROM runs WHERE status = 'finished'" 2> /dev/null || echo 0; }

step "waiting for task 2 to finish its first run"
deadline=$((SECONDS + timeout_s))
until db="$(scratch_db)" && [ -n "$db" ] && [ "$(finished_in "$db")" -ge 1 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "task 2 finished no run within ${timeout_s} s"
  sleep 0.2
done
state="$(squeue -h -j "${array_job}_2" -o %T)"
[ "$state" = RUNNING ] || fail "task 2 is $state, not running, after its first run"

step "requeueing task 2 mid-run"
scontrol requeue "${array_job}_2"
# A requeued job waits two minutes (its begin time) before it may start again; not here. The
# begin time is set once the killed task has finished completing.
until [ "$(squeue -h -j "${array_job}_2" -o '%T %r')" = "PENDING BeginTime" ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "requeued task 2 never became pending"
  sleep 0.2
done
# slurmd refuses to launch a job again within the second its credential was revoked ("Job
# credential revoked"), and the requeue revoked it: let that second pass first.
sleep 2
scontrol update JobId="${array_job}_2" StartTime=now

step "waiting for the array and the merge job (at most ${timeout_s} s)"
while [ -n "$(squeue -h -j "$array_job,$merge_job" -o %i 2> /dev/null)" ]; do
  [ "$SECONDS" -lt "$deadline" ] || {
    squeue
    fail "the jobs did not end within ${timeout_s} s"
  }
  sleep 1
done
logs="$tmp/gantry-shards/slow/logs"
merge_state="$(scontrol show job "$merge_job" | grep -o 'JobState=[A-Z]*' || true)"
cat "$logs/merge.out"
[ "$merge_state" = JobState=COMPLETED ] || fail "merge job $merge_job ended $merge_state"
grep -q "CANCELLED AT .* DUE TO JOB REQUEUE" "$logs/shard-2-of-3.out" \
  || { cat "$logs/shard-2-of-3.out"; fail "task 2 was not requeued"; }
grep -q "resuming shard-2-of-3 from" "$logs/shard-2-of-3.out" \
  || { cat "$logs/shard-2-of-3.out"; fail "requeued task 2 did not resume from its published share"; }
# On SIGTERM the task checkpointed its running run before publishing: the requeued task went on
# from that checkpoint instead of starting the run again from step 0.
share_db="$tmp/gantry-shards/slow/shard-2-of-3.sqlite"
continued="$(sqlite3 "$share_db" 'SELECT count(*) FROM runs WHERE attempt = 2 AND resumed_from_step > 0')"
[ "$continued" -ge 1 ] \
  || { sqlite3 "$share_db" 'SELECT id, status, attempt, resumed_from_step FROM runs';
       fail "the requeued task restarted its interrupted run instead of continuing it"; }

step "running the same sweep locally"
"$gantry" sweep "${sweep[@]}" --jobs 2 --db local.sqlite --artifacts local > local.log 2>&1 \
  || { cat local.log; fail "the local sweep"; }

step "comparing the merged database with the local one"
merged="$tmp/gantry.sqlite"
[ "$(sqlite3 "$merged" 'PRAGMA integrity_check')" = ok ] || fail "merged database fails integrity_check"
[ "$(finished_in "$merged")" = 6 ] || fail "merged database has $(finished_in "$merged") finished runs, not 6"
# Every row of one side, keyed by run identity, minus the other side: empty both ways, and
# EXCEPT compares the stored doubles exactly.
compare() {
  local table="$1" columns="$2"
  local select="SELECT r.identity, $columns FROM %s.$table t JOIN %s.runs r ON r.id = t.run_id"
  # shellcheck disable=SC2059
  local a b
  a="$(printf "$select" main main)"
  b="$(printf "$select" l l)"
  local rows differ
  rows="$(sqlite3 "$merged" "SELECT count(*) FROM $table")"
  differ="$(sqlite3 "$merged" "ATTACH 'local.sqlite' AS l;
    SELECT count(*) FROM ($a EXCEPT $b); SELECT count(*) FROM ($b EXCEPT $a);
    SELECT count(*) FROM l.$table;" | tr '\n' ' ')"
  [ "$differ" = "0 0 $rows " ] || fail "$table: merged and local differ (rows only in merged, only in local, local count: $differ; merged count $rows)"
  echo "   $table: $rows rows identical"
}
compare metrics "t.key, t.step, t.value"
compare summaries "t.key, t.value"
compare params "t.key, t.value"
runs_differ="$(sqlite3 "$merged" "ATTACH 'local.sqlite' AS l;
  SELECT count(*) FROM (SELECT identity, seed, status, config, plugins, steps, git_commit
    FROM main.runs EXCEPT SELECT identity, seed, status, config, plugins, steps, git_commit
    FROM l.runs)")"
[ "$runs_differ" = 0 ] || fail "runs: $runs_differ merged runs differ from the local ones"
[ "$(sqlite3 "$merged" 'SELECT count(*) FROM runs WHERE attempt = 2')" -ge 1 ] \
  || fail "no run of the requeued task was run a second time"
while read -r path; do
  [ -f "$tmp/$path" ] || fail "hdf5_path '$path' does not resolve next to the merged database"
done < <(sqlite3 "$merged" 'SELECT hdf5_path FROM runs')

step "passed"
