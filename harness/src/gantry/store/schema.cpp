#include "gantry/store/schema.hpp"

#include <string>
#include <vector>

namespace gantry {
namespace {

// migrations[i] takes a database from version i to version i + 1.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> steps = {
      R"sql(
CREATE TABLE sweeps (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  experiment_file TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  command         TEXT NOT NULL
);
CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  sweep_id       INTEGER NOT NULL REFERENCES sweeps(id),
  seed           INTEGER NOT NULL,
  identity       TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
  config         TEXT NOT NULL,
  plugins        TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  ended_at       TEXT,
  wall_seconds   REAL,
  steps          INTEGER,
  error          TEXT,
  hdf5_path      TEXT,
  gantry_version TEXT NOT NULL,
  git_commit     TEXT NOT NULL,
  build_flags    TEXT NOT NULL,
  host           TEXT NOT NULL,
  pid            INTEGER NOT NULL,
  process_start  INTEGER NOT NULL,
  attempt        INTEGER NOT NULL DEFAULT 1,
  UNIQUE (sweep_id, identity)
);
CREATE INDEX runs_by_sweep_status ON runs (sweep_id, status);
CREATE TABLE params (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  value,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE INDEX params_by_key_value ON params (key, value);
CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  step   INTEGER NOT NULL,
  value  REAL,
  PRIMARY KEY (run_id, key, step)
) WITHOUT ROWID;
CREATE TABLE summaries (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  value  REAL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
)sql",
      // Version 2: which shares of a sharded sweep (`--shard`, Slurm arrays) a database holds.
      R"sql(
CREATE TABLE shards (
  sweep_id    INTEGER NOT NULL REFERENCES sweeps(id),
  plan        TEXT NOT NULL,
  shard_index INTEGER NOT NULL,
  shard_count INTEGER NOT NULL,
  runs        INTEGER NOT NULL,
  plan_runs   INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (plan, shard_count, shard_index)
) WITHOUT ROWID;
)sql",
      // Version 3: `gantry search`: what a sweep's search is, its configurations, its rounds and
      // each decision with its test. All of it follows from the recorded runs; it is kept so that
      // a report can show the search and a rerun can check it is the same search.
      R"sql(
CREATE TABLE searches (
  sweep_id   INTEGER PRIMARY KEY REFERENCES sweeps(id),
  strategy   TEXT NOT NULL CHECK (strategy IN ('race', 'halving', 'random', 'grid')),
  metric     TEXT NOT NULL,
  maximize   INTEGER NOT NULL CHECK (maximize IN (0, 1)),
  alpha      REAL NOT NULL,
  budget     INTEGER,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('searching', 'ended')),
  end_reason TEXT CHECK (end_reason IN ('one_left', 'seeds_spent', 'budget_spent', 'rungs_done',
                                        'all_run')),
  runs_spent INTEGER NOT NULL DEFAULT 0,
  grid_runs  INTEGER NOT NULL
);
CREATE TABLE search_configurations (
  sweep_id      INTEGER NOT NULL REFERENCES searches(sweep_id),
  configuration INTEGER NOT NULL,
  settings      TEXT NOT NULL,
  eliminated_in INTEGER,
  PRIMARY KEY (sweep_id, configuration)
) WITHOUT ROWID;
CREATE TABLE search_rounds (
  sweep_id  INTEGER NOT NULL REFERENCES searches(sweep_id),
  round     INTEGER NOT NULL,
  seeds     TEXT NOT NULL,
  length    TEXT,
  alive     INTEGER NOT NULL,
  runs      INTEGER NOT NULL,
  test      TEXT NOT NULL CHECK (test IN ('none', 'friedman', 'wilcoxon', 'median')),
  statistic REAL,
  p_value   REAL,
  PRIMARY KEY (sweep_id, round)
) WITHOUT ROWID;
CREATE TABLE search_decisions (
  sweep_id      INTEGER NOT NULL REFERENCES searches(sweep_id),
  round         INTEGER NOT NULL,
  configuration INTEGER NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('kept', 'eliminated')),
  against       INTEGER,
  test          TEXT NOT NULL CHECK (test IN ('conover', 'wilcoxon', 'median')),
  statistic     REAL,
  p_value       REAL,
  p_adjusted    REAL,
  median        REAL,
  PRIMARY KEY (sweep_id, round, configuration)
) WITHOUT ROWID;
)sql",
      // Version 4: a running run's lease. Its process renews heartbeat_at (Unix seconds) while
      // it runs; once heartbeat_at + lease_seconds has passed, any host may take the run over.
      // Runs left running before this version get a lease from now.
      R"sql(
ALTER TABLE runs ADD COLUMN heartbeat_at REAL;
ALTER TABLE runs ADD COLUMN lease_seconds REAL;
UPDATE runs SET heartbeat_at = CAST(strftime('%s', 'now') AS REAL), lease_seconds = 300
WHERE status = 'running';
)sql",
      // Version 5: where the run's last attempt started: 0, or the step of the checkpoint it
      // continued from. Runs recorded before started from 0.
      R"sql(
ALTER TABLE runs ADD COLUMN resumed_from_step INTEGER NOT NULL DEFAULT 0;
)sql",
  };
  return steps;
}

int read_pragma(sqlite::Connection& connection, const std::string& pragma) {
  sqlite::Statement statement(connection, "PRAGMA " + pragma);
  return statement.step() ? static_cast<int>(statement.column_int(0)) : 0;
}

bool has_tables(sqlite::Connection& connection) {
  sqlite::Statement statement(connection, "SELECT count(*) FROM sqlite_schema");
  return statement.step() && statement.column_int(0) > 0;
}

}  // namespace

int check_schema(sqlite::Connection& connection) {
  int application_id = read_pragma(connection, "application_id");
  int version = read_pragma(connection, "user_version");
  if (application_id == 0 && version == 0) {
    if (has_tables(connection)) {
      throw SchemaError("'" + connection.path() +
                        "' is an SQLite database but not a Gantry results database");
    }
    return 0;
  }
  if (application_id != kResultsApplicationId) {
    throw SchemaError("'" + connection.path() + "' is not a Gantry results database");
  }
  // A Gantry database whose version was overwritten: version 0 would read as empty and be
  // created again over its tables, a negative one would index the migrations out of range.
  if (version < 1) {
    throw SchemaError("'" + connection.path() +
                      "' is a Gantry results database with schema "
                      "version " +
                      std::to_string(version) +
                      " (PRAGMA user_version), which no "
                      "gantry writes: it was changed by hand; gantry will not touch it");
  }
  if (version > kResultsSchemaVersion) {
    throw SchemaError("'" + connection.path() + "' has schema version " + std::to_string(version) +
                      ", newer than this gantry understands (" +
                      std::to_string(kResultsSchemaVersion) +
                      "); use a newer gantry to read it, this one will not touch it");
  }
  return version;
}

std::optional<std::string> quick_check(sqlite::Connection& connection, const std::string& table) {
  sqlite::Statement check(connection,
                          "PRAGMA quick_check" + (table.empty() ? "" : "(" + table + ")"));
  while (check.step()) {
    std::string problem = check.column_text(0);
    if (problem == "ok") continue;
    const std::string banner = "*** in database main ***\n";
    if (problem.rfind(banner, 0) == 0) problem.erase(0, banner.size());
    return problem;
  }
  return std::nullopt;
}

void migrate(sqlite::Connection& connection) {
  int version = check_schema(connection);
  const auto& steps = migrations();
  for (int next = version; next < kResultsSchemaVersion; ++next) {
    sqlite::Transaction transaction(connection);
    // Re-read inside the write lock: another process may have migrated meanwhile.
    if (read_pragma(connection, "user_version") > next) continue;
    connection.execute(steps.at(static_cast<std::size_t>(next)));
    connection.execute("PRAGMA application_id = " + std::to_string(kResultsApplicationId));
    connection.execute("PRAGMA user_version = " + std::to_string(next + 1));
    transaction.commit();
  }
}

const std::vector<std::string>& copied_run_columns() {
  static const std::vector<std::string> columns = {
      "seed",        "identity",     "status", "config",        "plugins",        "started_at",
      "ended_at",    "wall_seconds", "steps",  "error",         "gantry_version", "git_commit",
      "build_flags", "host",         "pid",    "process_start", "attempt"};
  return columns;
}

}  // namespace gantry
