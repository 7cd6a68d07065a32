#include "gantry/store/results_db.hpp"

#include <unistd.h>

#include <filesystem>

#include "gantry/base/build_info.hpp"
#include "gantry/base/system.hpp"
#include "gantry/store/directory_lock.hpp"
#include "gantry/store/schema.hpp"

namespace gantry {
namespace {

std::int64_t this_process_start() {
  static const std::int64_t start = process_start_time(getpid()).value_or(0);
  return start;
}

// The columns existing_run reads, in its order.
constexpr const char* kExistingRunColumns =
    "id, status, host, pid, process_start, attempt, coalesce(heartbeat_at, 0), "
    "coalesce(lease_seconds, 0)";

// The run of a row whose columns from `first` are kExistingRunColumns.
ExistingRun existing_run(const sqlite::Statement& row, int first) {
  // The schema's CHECK constraint admits no other status text.
  RecordedStatus status =
      parse_status(row.column_text(first + 1)).value_or(RecordedStatus::running);
  return ExistingRun{row.column_int(first),        status,
                     row.column_text(first + 2),   row.column_int(first + 3),
                     row.column_int(first + 4),    row.column_int(first + 5),
                     row.column_double(first + 6), row.column_double(first + 7)};
}

RecordedRuns select_sweep_runs(sqlite::Connection& connection, std::int64_t sweep_id) {
  sqlite::Statement select(connection, std::string("SELECT identity, seed, ") +
                                           kExistingRunColumns + " FROM runs WHERE sweep_id = ?1");
  select.bind(1, sweep_id);
  RecordedRuns runs;
  while (select.step()) {
    runs.add(select.column_text(0), select.column_int(1), existing_run(select, 2));
  }
  return runs;
}

}  // namespace

sqlite::Connection open_for_writing(const std::string& path, int busy_timeout_ms) {
  DirectoryLock setting_up(std::filesystem::absolute(path).parent_path());
  sqlite::Connection connection(path, sqlite::Connection::Mode::read_write_create, busy_timeout_ms);
  check_schema(connection);
  connection.execute("PRAGMA journal_mode = WAL");
  connection.execute("PRAGMA foreign_keys = ON");
  // NORMAL is durable across application crashes in WAL mode; only power loss can drop the
  // last commits, never corrupt the file.
  connection.execute("PRAGMA synchronous = NORMAL");
  migrate(connection);
  return connection;
}

ResultsDb::ResultsDb(const std::string& path, int busy_timeout_ms)
    : connection_(open_for_writing(path, busy_timeout_ms)) {}

std::int64_t ResultsDb::ensure_sweep(const std::string& name, const std::string& experiment_file,
                                     const std::string& command) {
  std::lock_guard lock(mutex_);
  sqlite::Transaction transaction(connection_);
  sqlite::Statement upsert(
      connection_,
      "INSERT INTO sweeps (name, experiment_file, created_at, command) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET "
      "experiment_file = excluded.experiment_file, command = excluded.command");
  upsert.bind(1, name).bind(2, experiment_file).bind(3, utc_timestamp()).bind(4, command).run();
  sqlite::Statement select(connection_, "SELECT id FROM sweeps WHERE name = ?1");
  select.bind(1, name);
  select.step();
  std::int64_t id = select.column_int(0);
  transaction.commit();
  return id;
}

void ResultsDb::record_shard(std::int64_t sweep_id, const ShardRecord& record, bool only) {
  std::lock_guard lock(mutex_);
  sqlite::Transaction transaction(connection_);
  if (only) {
    sqlite::Statement forget(connection_,
                             "DELETE FROM shards WHERE NOT (plan = ?1 AND shard_index = ?2 AND "
                             "shard_count = ?3)");
    forget.bind(1, record.plan).bind(2, record.index).bind(3, record.count).run();
  }
  sqlite::Statement upsert(
      connection_,
      "INSERT INTO shards (sweep_id, plan, shard_index, shard_count, runs, plan_runs, "
      "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO UPDATE SET "
      "recorded_at = excluded.recorded_at");
  upsert.bind(1, sweep_id).bind(2, record.plan).bind(3, record.index).bind(4, record.count);
  upsert.bind(5, record.runs).bind(6, record.plan_runs).bind(7, utc_timestamp()).run();
  transaction.commit();
}

std::optional<ExistingRun> ResultsDb::select_run(std::int64_t sweep_id,
                                                 const std::string& identity) {
  sqlite::Statement select(connection_, std::string("SELECT ") + kExistingRunColumns +
                                            " FROM runs WHERE sweep_id = ?1 AND identity = ?2");
  select.bind(1, sweep_id).bind(2, identity);
  if (!select.step()) return std::nullopt;
  return existing_run(select, 0);
}

std::optional<ExistingRun> ResultsDb::find_run(std::int64_t sweep_id, const std::string& identity) {
  std::lock_guard lock(mutex_);
  return select_run(sweep_id, identity);
}

RecordedRuns ResultsDb::recorded_runs(std::int64_t sweep_id) {
  std::lock_guard lock(mutex_);
  return select_sweep_runs(connection_, sweep_id);
}

namespace {

// What claiming a run records of this process, the same whether the row is new or reset.
void bind_claim(sqlite::Statement& statement, const RunStart& start) {
  statement.bind_named(":config", start.config).bind_named(":plugins", start.plugins);
  statement.bind_named(":started_at", utc_timestamp());
  statement.bind_named(":gantry_version", gantry_version());
  statement.bind_named(":git_commit", gantry_git_commit()).bind_named(":host", host_name());
  statement.bind_named(":pid", std::int64_t{getpid()});
  statement.bind_named(":build_flags", gantry_build_flags());
  statement.bind_named(":process_start", this_process_start());
  statement.bind_named(":heartbeat_at", unix_seconds());
  statement.bind_named(":lease_seconds", start.lease_seconds);
}

}  // namespace

std::int64_t ResultsDb::insert_run_row(const RunStart& start) {
  sqlite::Statement insert(
      connection_,
      "INSERT INTO runs (sweep_id, seed, identity, status, config, plugins, started_at, "
      "gantry_version, git_commit, host, pid, build_flags, process_start, heartbeat_at, "
      "lease_seconds) "
      "VALUES (:sweep_id, :seed, :identity, 'running', :config, :plugins, :started_at, "
      ":gantry_version, :git_commit, :host, :pid, :build_flags, :process_start, :heartbeat_at, "
      ":lease_seconds)");
  insert.bind_named(":sweep_id", start.sweep_id).bind_named(":seed", start.seed);
  insert.bind_named(":identity", start.identity);
  bind_claim(insert, start);
  insert.run();
  return connection_.last_insert_id();
}

void ResultsDb::reset_run_row(std::int64_t run_id, const RunStart& start) {
  for (const char* table : {"metrics", "summaries", "params"}) {
    sqlite::Statement clear(connection_,
                            std::string("DELETE FROM ") + table + " WHERE run_id = ?1");
    clear.bind(1, run_id).run();
  }
  sqlite::Statement reset(
      connection_,
      "UPDATE runs SET status = 'running', config = :config, plugins = :plugins, "
      "started_at = :started_at, ended_at = NULL, wall_seconds = NULL, steps = NULL, "
      "error = NULL, gantry_version = :gantry_version, git_commit = :git_commit, host = :host, "
      "pid = :pid, build_flags = :build_flags, process_start = :process_start, "
      "heartbeat_at = :heartbeat_at, lease_seconds = :lease_seconds, resumed_from_step = 0, "
      "attempt = attempt + 1 WHERE id = :id");
  reset.bind_named(":id", run_id);
  bind_claim(reset, start);
  reset.run();
}

std::optional<std::int64_t> ResultsDb::begin_run(const RunStart& start,
                                                 const ResumePolicy& policy) {
  std::lock_guard lock(mutex_);
  sqlite::Transaction transaction(connection_);
  std::optional<ExistingRun> existing = select_run(start.sweep_id, start.identity);
  if (decide(existing, policy, unix_seconds()) != RunDecision::execute) return std::nullopt;
  std::int64_t run_id = existing ? existing->id : insert_run_row(start);
  if (existing) reset_run_row(run_id, start);
  sqlite::Statement param(connection_,
                          "INSERT INTO params (run_id, key, value) VALUES (?1, ?2, ?3)");
  for (const ParamValue& value : start.params) {
    param.bind(1, run_id).bind(2, value.key).bind(3, value.value).run();
  }
  transaction.commit();
  return run_id;
}

void ResultsDb::set_hdf5_path(std::int64_t run_id, const std::string& path) {
  std::lock_guard lock(mutex_);
  sqlite::Statement update(connection_, "UPDATE runs SET hdf5_path = ?2 WHERE id = ?1");
  update.bind(1, run_id).bind(2, path).run();
}

void ResultsDb::set_resumed_from(std::int64_t run_id, long long step) {
  std::lock_guard lock(mutex_);
  sqlite::Statement update(connection_, "UPDATE runs SET resumed_from_step = ?2 WHERE id = ?1");
  update.bind(1, run_id).bind(2, static_cast<std::int64_t>(step)).run();
}

void ResultsDb::append_metrics(std::int64_t run_id, const std::vector<MetricPoint>& points) {
  if (points.empty()) return;
  std::lock_guard lock(mutex_);
  sqlite::Transaction transaction(connection_);
  // REPLACE: a step logged twice (e.g. a trainer re-logging at its final step) keeps one value.
  sqlite::Statement insert(
      connection_,
      "INSERT OR REPLACE INTO metrics (run_id, key, step, value) VALUES (?1, ?2, ?3, ?4)");
  for (const MetricPoint& point : points) {
    insert.bind(1, run_id).bind(2, point.key).bind(3, std::int64_t{point.step});
    insert.bind(4, point.value).run();
  }
  transaction.commit();
}

void ResultsDb::end_run(std::int64_t run_id, const RunEnd& end) {
  std::lock_guard lock(mutex_);
  sqlite::Transaction transaction(connection_);
  sqlite::Statement insert(
      connection_, "INSERT OR REPLACE INTO summaries (run_id, key, value) VALUES (?1, ?2, ?3)");
  for (const auto& [key, value] : end.summaries) {
    insert.bind(1, run_id).bind(2, key).bind(3, value).run();
  }
  sqlite::Statement update(connection_,
                           "UPDATE runs SET status = ?2, ended_at = ?3, wall_seconds = ?4, "
                           "steps = ?5, error = ?6 WHERE id = ?1");
  update.bind(1, run_id)
      .bind(2, status_text(end.status))
      .bind(3, utc_timestamp())
      .bind(4, end.wall_seconds);
  update.bind(5, std::int64_t{end.steps});
  if (end.error.empty()) {
    update.bind_null(6);
  } else {
    update.bind(6, end.error);
  }
  update.run();
  transaction.commit();
}

void ResultsDb::check_run_tables() {
  std::lock_guard lock(mutex_);
  for (const char* table : {"sweeps", "runs"}) {
    if (std::optional<std::string> problem = quick_check(connection_, table)) {
      throw SchemaError("'" + path() + "' is damaged (SQLite's quick_check of its " + table +
                        " table: " + *problem +
                        "); nothing was written to it. Restore it from a copy, or save what is "
                        "readable with `sqlite3 " +
                        path() + " .recover`");
    }
  }
}

void ResultsDb::renew_lease(std::int64_t run_id) {
  std::lock_guard lock(mutex_);
  sqlite::Statement renew(connection_,
                          "UPDATE runs SET heartbeat_at = ?2 WHERE id = ?1 AND status = 'running'");
  renew.bind(1, run_id).bind(2, unix_seconds()).run();
}

std::optional<long long> ResultsDb::last_metric_step(std::int64_t run_id) {
  std::lock_guard lock(mutex_);
  sqlite::Statement select(connection_, "SELECT max(step) FROM metrics WHERE run_id = ?1");
  select.bind(1, run_id);
  if (!select.step() || select.column_is_null(0)) return std::nullopt;
  return select.column_int(0);
}

void ResultsDb::mark_interrupted(std::int64_t run_id, const std::string& reason) {
  std::lock_guard lock(mutex_);
  sqlite::Statement update(connection_, "UPDATE runs SET ended_at = ?2, error = ?3 WHERE id = ?1");
  update.bind(1, run_id).bind(2, utc_timestamp()).bind(3, reason).run();
}

namespace {

// A connection that leaves the database's directory as it found it. A read-only connection to a
// WAL database creates its -wal and -shm files when they are missing and leaves them behind; a
// read-write one (that never writes) removes them as the last connection to close, after a
// checkpoint that has nothing to copy. When they exist, another connection uses them or a
// crashed one left them, and only a read-only connection is sure to change nothing.
sqlite::Connection connect_leaving_no_trace(const std::string& path) {
  namespace fs = std::filesystem;
  bool side_files = fs::exists(path + "-wal") || fs::exists(path + "-shm");
  sqlite::Connection connection(
      path, side_files ? sqlite::Connection::Mode::read_only : sqlite::Connection::Mode::read_write,
      10000);
  connection.execute("PRAGMA query_only = ON");
  return connection;
}

}  // namespace

RecordedRuns read_recorded_runs(const std::string& path, const std::string& sweep_name) {
  std::error_code error;
  if (std::filesystem::status(path, error).type() == std::filesystem::file_type::not_found) {
    return {};
  }
  sqlite::Connection connection = connect_leaving_no_trace(path);
  if (check_schema(connection) == 0) return {};
  sqlite::ReadTransaction snapshot(connection);
  sqlite::Statement sweep(connection, "SELECT id FROM sweeps WHERE name = ?1");
  sweep.bind(1, sweep_name);
  if (!sweep.step()) return {};
  return select_sweep_runs(connection, sweep.column_int(0));
}

}  // namespace gantry
