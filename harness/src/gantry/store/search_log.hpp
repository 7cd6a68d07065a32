// The search tables' one owner: `gantry search` writes its definition, rounds and decisions
// through a SearchLog on the sweep's ResultsDb, and reads each round's metric values back;
// read_search gives the report the whole search of a sweep.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "gantry/store/recorded_status.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/store/search_record.hpp"
#include "gantry/store/sqlite.hpp"

namespace gantry {

// A recorded run's status and its value of one summary (none when it recorded none).
struct RecordedValue {
  RecordedStatus status = RecordedStatus::running;
  std::optional<double> value;
};

class SearchLog {
 public:
  explicit SearchLog(ResultsDb& db) : db_(db) {}

  // Records the search of `sweep_id` unless one is recorded already (another process may have
  // just done it). Returns the definition recorded, which the caller compares with its own.
  std::string ensure(std::int64_t sweep_id, const SearchHeader& header,
                     const std::vector<std::string>& configurations);
  // The definition of the search recorded for the sweep, if any.
  std::optional<std::string> definition(std::int64_t sweep_id);
  // Whether the sweep holds any run.
  bool has_runs(std::int64_t sweep_id);

  // Replaces what is recorded of round.round (a resumed search records each round again, with
  // the same content) and notes the runs the search has spent so far.
  void record_round(std::int64_t sweep_id, const SearchRound& round, std::int64_t runs_spent);
  void record_end(std::int64_t sweep_id, SearchEnd end, std::int64_t runs_spent);

  // Every run of the sweep by identity, with its value of `metric`.
  std::unordered_map<std::string, RecordedValue> metric_values(std::int64_t sweep_id,
                                                               const std::string& metric);
  // The summary keys the sweep's finished runs recorded, sorted.
  std::vector<std::string> summary_keys(std::int64_t sweep_id);

 private:
  ResultsDb& db_;
};

// The search recorded for `sweep_id`, if any.
std::optional<SearchRecord> read_search(sqlite::Connection& connection, std::int64_t sweep_id);

}  // namespace gantry
