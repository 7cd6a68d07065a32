// The results store's write side: sweeps, runs, params, metrics and summaries in one SQLite
// file (WAL, busy timeout, batched inserts). Thread-safe: the sweep's workers share one
// connection per process, as SQLite's POSIX locks require, behind a mutex.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "gantry/store/recorded_runs.hpp"
#include "gantry/store/resume_policy.hpp"
#include "gantry/store/sqlite.hpp"

namespace gantry {

struct MetricPoint {
  std::string key;
  long long step;
  double value;
};

struct ParamValue {
  std::string key;
  sqlite::Value value;  // integers and reals are stored as numbers, so they compare as numbers
};

// Everything recorded when a run starts.
struct RunStart {
  std::int64_t sweep_id;
  std::int64_t seed;
  std::string identity;
  std::string config;   // resolved experiment, INI text: rerunnable as it is
  std::string plugins;  // kind=name@version of each plugin used
  std::vector<ParamValue> params;
  // How long after its last heartbeat the run may be taken over by another host
  // (resources.lease_seconds); its process renews the heartbeat (renew_lease).
  double lease_seconds = 300;
};

struct RunEnd {
  RecordedStatus status = RecordedStatus::failed;  // finished or failed
  double wall_seconds;
  long long steps;
  std::string error;  // empty when finished
  std::vector<std::pair<std::string, double>> summaries;
};

// One share of a sharded sweep (`gantry sweep --shard K/N`), as the shards table records it.
struct ShardRecord {
  std::string plan;  // plan_fingerprint of the whole sweep
  int index;
  int count;
  int runs;       // runs in this share
  int plan_runs;  // runs in the whole sweep
};

// Opens a results database for writing, creating it if need be, in WAL mode and migrated to
// the current schema; one gantry process at a time sets a database up (DirectoryLock). Throws
// SchemaError for a file that is not a Gantry database or is newer, StorageError otherwise.
sqlite::Connection open_for_writing(const std::string& path, int busy_timeout_ms);

class ResultsDb {
 public:
  // Opens or creates the database and migrates it to the current schema.
  explicit ResultsDb(const std::string& path, int busy_timeout_ms = 10000);

  const std::string& path() const { return connection_.path(); }

  // Finds or creates the sweep named `name`, recording the command that (re)ran it.
  std::int64_t ensure_sweep(const std::string& name, const std::string& experiment_file,
                            const std::string& command);

  // Notes that this database holds (or is filling) share record.index of a sharded sweep. With
  // `only`, the database is that share's own (--shard-dir) and forgets any other share it
  // recorded: a sweep resubmitted with more seeds reuses the share's file under a new plan.
  void record_shard(std::int64_t sweep_id, const ShardRecord& record, bool only = false);

  std::optional<ExistingRun> find_run(std::int64_t sweep_id, const std::string& identity);
  // Every run recorded in the sweep, in one query.
  RecordedRuns recorded_runs(std::int64_t sweep_id);

  // Claims the run in one write transaction: inserts it as "running", or, when a row with its
  // identity exists and `policy` says to run it again, resets that row in place (old metrics,
  // params and summaries removed, attempt + 1) so nothing is duplicated. Returns the run id, or
  // nothing when the row must be left as it is (finished, failed, or another process runs it).
  std::optional<std::int64_t> begin_run(const RunStart& start, const ResumePolicy& policy);
  void set_hdf5_path(std::int64_t run_id, const std::string& path);
  // The attempt continues from its checkpoint of `step` (runs.resumed_from_step; 0 otherwise).
  void set_resumed_from(std::int64_t run_id, long long step);

  void append_metrics(std::int64_t run_id, const std::vector<MetricPoint>& points);
  void end_run(std::int64_t run_id, const RunEnd& end);
  // Leaves the run "running" for a later resume, noting why it stopped.
  void mark_interrupted(std::int64_t run_id, const std::string& reason);
  // Throws SchemaError naming the damage when SQLite's quick_check finds the sweeps or runs
  // table damaged: what a sweep reads before it writes (the whole file would cost a scan of
  // every metric).
  void check_run_tables();
  // Renews a running run's heartbeat: another host leaves the run alone for its lease more.
  void renew_lease(std::int64_t run_id);
  // The last step at which the run recorded a metric, or nothing: how far a run got whose
  // process died.
  std::optional<long long> last_metric_step(std::int64_t run_id);

 private:
  std::optional<ExistingRun> select_run(std::int64_t sweep_id, const std::string& identity);
  std::int64_t insert_run_row(const RunStart& start);
  // An earlier attempt's row, with its metrics, params and summaries removed, claimed anew.
  void reset_run_row(std::int64_t run_id, const RunStart& start);

  // The search tables are written on the same connection, under the same lock.
  friend class SearchLog;
  std::mutex mutex_;
  sqlite::Connection connection_;
};

// The runs recorded in the sweep named `sweep_name` of the database at `path`, read without
// creating, migrating or writing anything: none when there is no such file or sweep yet. Throws
// SchemaError when the file is not a Gantry results database this gantry can read.
RecordedRuns read_recorded_runs(const std::string& path, const std::string& sweep_name);

}  // namespace gantry
