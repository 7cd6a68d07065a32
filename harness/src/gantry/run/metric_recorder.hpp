// A run's metrics on their way to the results database and the HDF5 file: points are buffered
// and written in batches (one transaction each), every curve is kept for /metrics, and the last
// value of each metric becomes a summary. A transaction costs far more than a row (its pages go
// to the write-ahead log), so the points of a run that evaluates often wait until an evaluation
// finds the write interval has passed.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gantry/artifacts/run_artifacts.hpp"
#include "gantry/state_bytes.hpp"
#include "gantry/store/results_db.hpp"

namespace gantry {

class MetricRecorder {
 public:
  // Pending points are written once `batch_size` have accumulated, or at write_pending_if_due()
  // once `write_interval_seconds` have passed since the last write: both bound memory and what a
  // killed run can lose. `db` and `artifacts` must outlive the recorder.
  MetricRecorder(std::int64_t run_id, ResultsDb& db, RunArtifacts& artifacts,
                 double write_interval_seconds = 0.0, std::size_t batch_size = 4096);

  void record(long long step, const std::string& key, double value);
  // Writes the pending points to the database.
  void write_pending();
  // Writes them if the write interval has passed since the last write. While another process
  // holds the database lock, keeps them pending instead (record() does the same).
  void write_pending_if_due();
  // Writes the pending points (waiting out a held lock, retry_when_busy), then every curve to
  // the HDF5 file (also on failure).
  void flush();

  // Every point recorded so far, for a checkpoint. restore() takes them back into a fresh
  // recorder of a resumed run, pending again: the database lost them when the run restarted.
  void save(StateWriter& out) const;
  void restore(StateReader& in);

  // The last value of every metric, by key: the run's summaries.
  std::vector<std::pair<std::string, double>> summaries() const;

 private:
  void write_pending_unless_busy();

  std::int64_t run_id_;
  ResultsDb& db_;
  RunArtifacts& artifacts_;
  std::chrono::duration<double> write_interval_;
  std::chrono::steady_clock::time_point last_write_;
  std::size_t batch_size_;
  std::vector<MetricPoint> pending_;
  std::map<std::string, std::vector<std::pair<long long, double>>> curves_;
};

}  // namespace gantry
