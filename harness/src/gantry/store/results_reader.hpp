// The results store's read side, for `gantry query` and `gantry runs`: a read-only connection
// (SQLite refuses writes through it, and statements are checked before they run) to a
// database whose schema this gantry understands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gantry/base/table_output.hpp"
#include "gantry/store/recorded_status.hpp"
#include "gantry/store/sqlite.hpp"

namespace gantry {

struct RunsFilter {
  std::string sweep;                     // empty: every sweep
  std::optional<RecordedStatus> status;  // none: every status
  std::vector<std::string> metrics;      // summary keys to show; empty: a standard selection
};

// Opens an existing results database read-only, for use by one thread at a time. Throws
// StorageError when the file does not exist, SchemaError when it is empty, not a Gantry database,
// or newer than this gantry.
sqlite::Connection open_results_read_only(const std::string& path);

// Not shared between threads: its connection skips SQLite's per-call locking.
class ResultsReader {
 public:
  // Throws StorageError when the file does not exist, SchemaError when it is not a Gantry
  // database or is newer than this gantry.
  explicit ResultsReader(const std::string& path);

  // Runs one read-only SQL statement; anything that would write is refused before it runs.
  Table query(const std::string& sql);

  // One row per run: id, sweep, the params its sweep varies, seed, status, duration, final
  // metrics, error.
  Table runs(const RunsFilter& filter);

  // One run's status and summaries, one row per summary key.
  Table run_summary(std::int64_t run_id);

 private:
  struct RunRow {
    std::int64_t id;
    std::string sweep;
    std::int64_t seed;
    std::string status;
    Value seconds;
    std::string error;
  };
  std::vector<RunRow> run_rows(const RunsFilter& filter);
  std::vector<std::string> varying_params(const std::string& sweep);
  std::vector<std::string> shown_metrics(const std::vector<std::string>& asked);

  sqlite::Connection connection_;
};

}  // namespace gantry
