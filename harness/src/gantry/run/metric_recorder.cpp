#include "gantry/run/metric_recorder.hpp"

#include "gantry/store/busy_retry.hpp"

namespace gantry {

MetricRecorder::MetricRecorder(std::int64_t run_id, ResultsDb& db, RunArtifacts& artifacts,
                               double write_interval_seconds, std::size_t batch_size)
    : run_id_(run_id),
      db_(db),
      artifacts_(artifacts),
      write_interval_(write_interval_seconds),
      last_write_(std::chrono::steady_clock::now()),
      batch_size_(batch_size) {}

void MetricRecorder::record(long long step, const std::string& key, double value) {
  pending_.push_back(MetricPoint{key, step, value});
  curves_[key].emplace_back(step, value);
  if (pending_.size() >= batch_size_) write_pending_unless_busy();
}

void MetricRecorder::write_pending_unless_busy() {
  try {
    write_pending();
  } catch (const DatabaseBusyError&) {
    // Another process holds the lock: the points stay pending and go with the next write, and
    // flush() waits for the lock.
    last_write_ = std::chrono::steady_clock::now();
  }
}

void MetricRecorder::write_pending() {
  db_.append_metrics(run_id_, pending_);
  pending_.clear();
  last_write_ = std::chrono::steady_clock::now();
}

void MetricRecorder::write_pending_if_due() {
  if (std::chrono::steady_clock::now() - last_write_ >= write_interval_) {
    write_pending_unless_busy();
  }
}

void MetricRecorder::flush() {
  retry_when_busy([this] { write_pending(); });
  artifacts_.write_curves(curves_);
}

std::vector<std::pair<std::string, double>> MetricRecorder::summaries() const {
  std::vector<std::pair<std::string, double>> last_values;
  for (const auto& [key, points] : curves_) {
    if (!points.empty()) last_values.emplace_back(key, points.back().second);
  }
  return last_values;
}

void MetricRecorder::save(StateWriter& out) const {
  out.number<std::uint64_t>(curves_.size());
  for (const auto& [key, points] : curves_) {
    out.text(key);
    out.number<std::uint64_t>(points.size());
    for (const auto& [step, value] : points) {
      out.number<std::int64_t>(step);
      out.number(value);
    }
  }
}

void MetricRecorder::restore(StateReader& in) {
  const auto keys = in.number<std::uint64_t>();
  for (std::uint64_t k = 0; k < keys; ++k) {
    const std::string key = in.text();
    const auto points = in.number<std::uint64_t>();
    for (std::uint64_t i = 0; i < points; ++i) {
      const auto step = in.number<std::int64_t>();
      record(step, key, in.number<double>());
    }
  }
}

}  // namespace gantry
