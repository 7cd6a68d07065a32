#include "gantry/store/recorded_runs.hpp"

namespace gantry {

void RecordedRuns::add(const std::string& identity, std::int64_t seed, const ExistingRun& run) {
  seeds_.insert(seed);
  if (run.status == RecordedStatus::running) {
    running_.insert_or_assign(identity, run);
  } else {
    settled_.insert_or_assign(identity, Settled{run.id, run.attempt, run.status});
  }
}

std::optional<ExistingRun> RecordedRuns::find(const std::string& identity) const {
  if (auto running = running_.find(identity); running != running_.end()) return running->second;
  auto settled = settled_.find(identity);
  if (settled == settled_.end()) return std::nullopt;
  const Settled& run = settled->second;
  return ExistingRun{run.id, run.status, "", 0, 0, run.attempt};
}

}  // namespace gantry
