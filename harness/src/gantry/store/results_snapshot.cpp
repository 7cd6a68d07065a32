#include "gantry/store/results_snapshot.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "gantry/base/errors.hpp"
#include "gantry/base/suggest.hpp"
#include "gantry/store/results_reader.hpp"
#include "gantry/store/search_log.hpp"

namespace gantry {
namespace {

std::vector<std::string> sweep_names(sqlite::Connection& connection) {
  sqlite::Statement select(connection, "SELECT name FROM sweeps ORDER BY id");
  std::vector<std::string> names;
  while (select.step()) names.push_back(select.column_text(0));
  return names;
}

std::string listing(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "'" : ", '") + name + "'";
  return text.empty() ? "none" : text;
}

}  // namespace

ResultsSnapshot::ResultsSnapshot(const std::string& path)
    : connection_(open_results_read_only(path)),
      // In WAL mode a read transaction sees the database as of its first read until it ends.
      transaction_(connection_),
      select_curve_(connection_,
                    "SELECT step, value FROM metrics WHERE run_id = ?1 AND key = ?2 "
                    "ORDER BY step") {}

std::vector<RunRecord> ResultsSnapshot::runs(const std::vector<std::string>& sweeps) {
  std::vector<std::string> known = sweep_names(connection_);
  for (const auto& sweep : sweeps) {
    if (std::find(known.begin(), known.end(), sweep) == known.end()) {
      throw ConfigError("no sweep named '" + sweep + "' in '" + path() + "'" +
                        did_you_mean(sweep, known) + "; its sweeps: " + listing(known));
    }
  }
  sqlite::Statement select(connection_,
                           "SELECT runs.id, sweeps.name, runs.seed, runs.status, runs.error, "
                           "runs.wall_seconds, runs.hdf5_path, runs.identity FROM runs "
                           "JOIN sweeps ON sweeps.id = runs.sweep_id ORDER BY runs.id");
  std::vector<RunRecord> runs;
  while (select.step()) {
    std::string sweep = select.column_text(1);
    if (!sweeps.empty() && std::find(sweeps.begin(), sweeps.end(), sweep) == sweeps.end()) {
      continue;
    }
    RunRecord run;
    run.id = select.column_int(0);
    run.sweep = std::move(sweep);
    run.seed = select.column_int(2);
    run.identity = select.column_text(7);
    std::optional<RecordedStatus> status = parse_status(select.column_text(3));
    // The schema's CHECK constraint admits no other text.
    if (!status)
      throw SchemaError("'" + path() + "': run " + std::to_string(run.id) +
                        " has an unknown status '" + select.column_text(3) + "'");
    run.status = *status;
    run.error = select.column_text(4);
    if (!select.column_is_null(5)) run.wall_seconds = select.column_double(5);
    // Stored relative to the database's directory, so a results folder can be moved whole.
    std::string hdf5 = select.column_text(6);
    if (!hdf5.empty()) {
      run.hdf5_path = (std::filesystem::path(path()).parent_path() / hdf5).lexically_normal();
    }
    runs.push_back(std::move(run));
  }

  sqlite::Statement params(connection_, "SELECT key, value FROM params WHERE run_id = ?1");
  sqlite::Statement summaries(connection_,
                              "SELECT key, value FROM summaries WHERE run_id = ?1 AND value "
                              "BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308");
  for (RunRecord& run : runs) {
    params.bind(1, run.id);
    while (params.step()) run.params[params.column_text(0)] = params.column_text(1);
    params.reset();
    summaries.bind(1, run.id);
    while (summaries.step()) run.summaries[summaries.column_text(0)] = summaries.column_double(1);
    summaries.reset();
  }
  return runs;
}

Curve ResultsSnapshot::curve(std::int64_t run_id, const std::string& key) {
  Curve points;
  read_curve(run_id, key, points);
  return points;
}

void ResultsSnapshot::read_curve(std::int64_t run_id, const std::string& key, Curve& points) {
  points.clear();
  select_curve_.bind(1, run_id).bind(2, key);
  while (select_curve_.step()) {
    // Finite numbers only, tested here rather than in SQL, where a BETWEEN cost two comparisons
    // on every row: NULL (a NaN), text and the infinities are left out.
    std::optional<double> value = select_curve_.column_number(1);
    if (value && std::isfinite(*value)) points.emplace_back(select_curve_.column_int(0), *value);
  }
  select_curve_.reset();
}

std::optional<std::string> ResultsSnapshot::run_config(std::int64_t run_id) {
  sqlite::Statement select(connection_, "SELECT config FROM runs WHERE id = ?1");
  select.bind(1, run_id);
  if (!select.step()) return std::nullopt;
  return select.column_text(0);
}

bool ResultsSnapshot::logged(std::int64_t run_id, const std::string& key) {
  sqlite::Statement select(connection_,
                           "SELECT 1 FROM metrics WHERE run_id = ?1 AND key = ?2 LIMIT 1");
  select.bind(1, run_id).bind(2, key);
  return select.step();
}

std::optional<SearchRecord> ResultsSnapshot::search(const std::string& sweep) {
  sqlite::Statement select(connection_, "SELECT id FROM sweeps WHERE name = ?1");
  select.bind(1, sweep);
  if (!select.step()) return std::nullopt;
  return read_search(connection_, select.column_int(0));
}

}  // namespace gantry
