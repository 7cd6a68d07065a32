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
  if (version > kResultsSchemaVersion) {
    throw SchemaError("'" + connection.path() + "' has schema version " + std::to_string(version) +
                      ", newer than this gantry understands (" +
                      std::to_string(kResultsSchemaVersion) +
                      "); use a newer gantry to read it, this one will not touch it");
  }
  return version;
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
