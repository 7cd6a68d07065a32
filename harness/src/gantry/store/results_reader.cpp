#include "gantry/store/results_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "gantry/base/errors.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/suggest.hpp"
#include "gantry/store/schema.hpp"

namespace gantry {
namespace {

// Summary metrics shown by `gantry runs` when none are asked for, in this order.
const std::vector<std::string> kDefaultRunMetrics = {
    "eval.energy_distance", "eval.median_abs_residual", "eval.median_fit_rmse",
    "eval.d_acc_real",      "eval.d_acc_fake",          "g_loss"};

// How much of the database file a read-only connection maps into memory (SQLite's mmap_size; it
// maps no more than the file holds). A report reads the whole curves of hundreds of runs: through
// the mapping a page costs no read() call and no copy into SQLite's page cache, about a tenth of
// `gantry report`'s CPU time on bench/report.sh's database. Nothing is written through a
// read-only connection; 1 GiB of address space is free on a 64-bit host, and SQLite caps the
// mapping at its compile-time maximum and reads the rest of a larger file as before.
constexpr long long kReadOnlyMappingBytes = 1LL << 30;

// A connection for reading and the schema version it found.
struct OpenedForReading {
  sqlite::Connection connection;
  int version;
};

OpenedForReading checked(sqlite::Connection connection) {
  int version = check_schema(connection);
  return {std::move(connection), version};
}

// Reading a WAL database normally takes a lock in its -shm file; when that cannot be written
// (no write access, a full disk), the file is read as immutable instead: reading needs no space.
// The schema check is the first read, where a lock that cannot be taken shows.
OpenedForReading open_for_reading(const std::string& path) {
  try {
    return checked(sqlite::Connection(path, sqlite::Connection::Mode::read_only, 5000,
                                      sqlite::Connection::Threading::single_thread));
  } catch (const SchemaError&) {
    throw;
  } catch (const DatabaseBusyError&) {
    throw;
  } catch (const StorageError&) {
    return checked(sqlite::Connection(path, sqlite::Connection::Mode::read_only_immutable, 5000,
                                      sqlite::Connection::Threading::single_thread));
  }
}

}  // namespace

sqlite::Connection open_results_read_only(const std::string& path) {
  std::error_code error;  // a symlink loop is named by the connection below, not thrown here
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    throw StorageError("no results database at '" + path +
                       "' (run `gantry sweep` first, or point --db at one)");
  }
  if (std::filesystem::is_directory(status)) {
    throw StorageError("'" + path + "' is a directory, not a results database");
  }
  OpenedForReading opened = open_for_reading(path);
  if (opened.version == 0) {
    throw SchemaError("'" + path + "' is empty: it holds no Gantry results yet");
  }
  sqlite::Connection connection = std::move(opened.connection);
  connection.execute("PRAGMA query_only = ON");
  connection.guard_untrusted_sql();
  connection.execute("PRAGMA mmap_size = " + std::to_string(kReadOnlyMappingBytes));
  return connection;
}

ResultsReader::ResultsReader(const std::string& path) : connection_(open_results_read_only(path)) {}

Table ResultsReader::query(const std::string& sql) {
  if (!connection_.is_single_statement(sql)) {
    throw ConfigError("gantry query runs one SQL statement; found more after the first");
  }
  sqlite::Statement statement(connection_, sql);
  if (!statement.read_only()) {
    throw ConfigError("gantry query is read-only; this statement would modify the database");
  }
  Table table;
  for (int i = 0; i < statement.column_count(); ++i) {
    table.columns.push_back(statement.column_name(i));
  }
  while (statement.step()) {
    std::vector<sqlite::Value> row;
    for (int i = 0; i < statement.column_count(); ++i) row.push_back(statement.column(i));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<ResultsReader::RunRow> ResultsReader::run_rows(const RunsFilter& filter) {
  sqlite::Statement select(connection_,
                           "SELECT runs.id, sweeps.name, runs.seed, runs.status, "
                           "runs.wall_seconds, runs.error FROM runs "
                           "JOIN sweeps ON sweeps.id = runs.sweep_id "
                           "WHERE (?1 = '' OR sweeps.name = ?1) AND (?2 = '' OR runs.status = ?2) "
                           "ORDER BY runs.id");
  select.bind(1, filter.sweep).bind(2, filter.status ? status_text(*filter.status) : "");
  std::vector<RunRow> rows;
  while (select.step()) {
    rows.push_back(RunRow{select.column_int(0), select.column_text(1), select.column_int(2),
                          select.column_text(3), select.column(4), select.column_text(5)});
  }
  if (!filter.sweep.empty() && rows.empty()) {
    sqlite::Statement exists(connection_, "SELECT 1 FROM sweeps WHERE name = ?1");
    exists.bind(1, filter.sweep);
    if (!exists.step()) throw ConfigError("no sweep named '" + filter.sweep + "' in the database");
  }
  return rows;
}

// Params that take more than one value within a run's sweep are the ones worth a column.
std::vector<std::string> ResultsReader::varying_params(const std::string& sweep) {
  std::vector<std::string> varying;
  sqlite::Statement keys(
      connection_,
      "SELECT params.key FROM params JOIN runs ON runs.id = params.run_id "
      "JOIN sweeps ON sweeps.id = runs.sweep_id WHERE (?1 = '' OR sweeps.name = ?1) "
      "GROUP BY runs.sweep_id, params.key HAVING count(DISTINCT params.value) > 1 "
      "ORDER BY params.key");
  keys.bind(1, sweep);
  while (keys.step()) {
    std::string key = keys.column_text(0);
    if (std::find(varying.begin(), varying.end(), key) == varying.end()) varying.push_back(key);
  }
  return varying;
}

// The summaries to show: those asked for, else the standard selection of those present.
std::vector<std::string> ResultsReader::shown_metrics(const std::vector<std::string>& asked) {
  sqlite::Statement present(connection_, "SELECT DISTINCT key FROM summaries");
  std::set<std::string> available;
  while (present.step()) available.insert(present.column_text(0));
  for (const auto& key : asked) {
    if (!available.count(key)) {
      throw ConfigError("--metrics: no run has a summary '" + key + "'" +
                        did_you_mean(key, {available.begin(), available.end()}) +
                        "; `gantry query \"SELECT DISTINCT key FROM summaries\"` lists them");
    }
  }
  if (!asked.empty()) return asked;
  std::vector<std::string> metrics;
  for (const auto& key : kDefaultRunMetrics) {
    if (available.count(key)) metrics.push_back(key);
  }
  return metrics;
}

Table ResultsReader::runs(const RunsFilter& filter) {
  std::vector<RunRow> rows = run_rows(filter);
  std::vector<std::string> varying = varying_params(filter.sweep);
  std::vector<std::string> metrics = shown_metrics(filter.metrics);
  Table table;
  table.columns = {"id", "sweep"};
  table.columns.insert(table.columns.end(), varying.begin(), varying.end());
  table.columns.insert(table.columns.end(), {"seed", "status", "duration"});
  table.columns.insert(table.columns.end(), metrics.begin(), metrics.end());
  table.columns.push_back("error");
  sqlite::Statement param(connection_, "SELECT value FROM params WHERE run_id = ?1 AND key = ?2");
  sqlite::Statement summary(connection_,
                            "SELECT value FROM summaries WHERE run_id = ?1 AND key = ?2");
  auto lookup = [](sqlite::Statement& statement, std::int64_t run, const std::string& key) {
    statement.bind(1, run).bind(2, key);
    Value value = statement.step() ? statement.column(0) : Value{};
    statement.reset();
    return value;
  };
  for (const RunRow& row : rows) {
    std::vector<Value> cells = {row.id, row.sweep};
    for (const auto& key : varying) cells.push_back(lookup(param, row.id, key));
    cells.push_back(row.seed);
    cells.push_back(row.status);
    const auto* seconds = std::get_if<double>(&row.seconds);
    cells.push_back(seconds ? Value{format_duration(*seconds)} : Value{});
    for (const auto& key : metrics) cells.push_back(lookup(summary, row.id, key));
    cells.push_back(row.error);
    table.rows.push_back(std::move(cells));
  }
  return table;
}

Table ResultsReader::run_summary(std::int64_t run_id) {
  sqlite::Statement select(connection_,
                           "SELECT runs.id, runs.status, summaries.key, summaries.value "
                           "FROM runs LEFT JOIN summaries ON summaries.run_id = runs.id "
                           "WHERE runs.id = ?1 ORDER BY summaries.key");
  select.bind(1, run_id);
  Table table{{"run", "status", "summary", "value"}, {}};
  while (select.step()) {
    table.rows.push_back({select.column(0), select.column(1), select.column(2), select.column(3)});
  }
  return table;
}

}  // namespace gantry
