// The report's view of a results database (`gantry report` and its figures): read-only, and inside
// one read transaction, so a sweep that is writing meanwhile cannot make one report mix two states
// of the database.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gantry/store/recorded_status.hpp"
#include "gantry/store/search_record.hpp"
#include "gantry/store/sqlite.hpp"

namespace gantry {

// One run as the report sees it: identity, outcome, every resolved setting (as text) and its
// summaries (final values; a NULL, i.e. non-finite, summary is absent).
struct RunRecord {
  std::int64_t id = 0;
  std::string sweep;
  std::int64_t seed = 0;
  std::string identity;  // equal identity: the same config and seed, whichever sweep ran it
  RecordedStatus status = RecordedStatus::running;
  std::string error;
  std::optional<double> wall_seconds;
  std::string hdf5_path;  // resolved against the database's directory; empty if none
  std::map<std::string, std::string> params;
  std::map<std::string, double> summaries;  // finite values only
};

// A metric's logged values of one run, in step order; non-finite values (NULL or infinite) are
// left out.
using Curve = std::vector<std::pair<long long, double>>;

// Not shared between threads (its connection skips SQLite's per-call locking).
class ResultsSnapshot {
 public:
  // Throws StorageError / SchemaError as gantry::open_results_read_only does.
  explicit ResultsSnapshot(const std::string& path);
  ResultsSnapshot(const ResultsSnapshot&) = delete;
  ResultsSnapshot& operator=(const ResultsSnapshot&) = delete;

  const std::string& path() const { return connection_.path(); }

  // Runs of the named sweeps (of every sweep when `sweeps` is empty), in id order. An unknown
  // sweep name is a ConfigError naming the sweeps there are.
  std::vector<RunRecord> runs(const std::vector<std::string>& sweeps);

  // The resolved settings (INI text) run `run_id` was recorded with; nothing when there is no
  // such run.
  std::optional<std::string> run_config(std::int64_t run_id);

  // The search (`gantry search`) recorded for the sweep named `sweep`, if any.
  std::optional<SearchRecord> search(const std::string& sweep);

  Curve curve(std::int64_t run_id, const std::string& key);
  // Whether the run logged `key` at any step (an index lookup, not a read of the curve).
  bool logged(std::int64_t run_id, const std::string& key);
  // curve() into `points`, replacing what it held but keeping its memory: reading thousands of
  // curves into a few reused buffers spares an allocation and its page faults per curve.
  void read_curve(std::int64_t run_id, const std::string& key, Curve& points);

 private:
  sqlite::Connection connection_;
  sqlite::ReadTransaction transaction_;
  sqlite::Statement select_curve_;  // prepared once: a report reads thousands of curves
};

}  // namespace gantry
