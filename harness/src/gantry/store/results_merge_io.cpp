#include "gantry/store/results_merge_io.hpp"

#include "gantry/artifacts/layout.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/store/schema.hpp"

namespace gantry::merge_detail {
namespace fs = std::filesystem;

std::string describe(const ShardRow& row) {
  return "sweep '" + row.sweep + "', plan " + row.plan.substr(0, 8) + ", shard " +
         std::to_string(row.index) + "/" + std::to_string(row.count);
}

namespace {

std::vector<ShardRow> read_shards(sqlite::Connection& connection, int version) {
  std::vector<ShardRow> rows;
  if (version < 2) return rows;  // before shards were recorded
  sqlite::Statement select(connection,
                           "SELECT sweeps.name, plan, shard_index, shard_count, runs, plan_runs, "
                           "recorded_at FROM shards JOIN sweeps ON sweeps.id = shards.sweep_id "
                           "ORDER BY shard_count, shard_index");
  while (select.step()) {
    rows.push_back(ShardRow{select.column_text(0), select.column_text(1), select.column_int(2),
                            select.column_int(3), select.column_int(4), select.column_int(5),
                            select.column_text(6)});
  }
  return rows;
}

// A sweep name becomes a directory under --artifacts: one read from a file is checked as
// strictly as one typed on the command line.
void check_sweep_names(sqlite::Connection& connection) {
  sqlite::Statement select(connection, "SELECT name FROM sweeps");
  while (select.step()) check_sweep_name(select.column_text(0));
}

}  // namespace

Input open_input(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(path, error)) throw StorageError("no such file");
  if (!fs::is_regular_file(path, error)) throw StorageError("not a regular file");
  sqlite::Connection connection(path.string(), sqlite::Connection::Mode::read_only, 10000);
  int version = check_schema(connection);
  if (version == 0) throw SchemaError("an empty database, not Gantry results");
  if (std::optional<std::string> problem = quick_check(connection)) {
    throw SchemaError("damaged (SQLite quick_check: " + *problem + ")");
  }
  check_sweep_names(connection);
  std::vector<ShardRow> shards = read_shards(connection, version);
  return Input{std::move(connection), version, std::move(shards)};
}

sqlite::Connection open_output(const fs::path& path) {
  std::error_code error;
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path(), error);
  return open_for_writing(path.string(), 10000);
}

}  // namespace gantry::merge_detail
