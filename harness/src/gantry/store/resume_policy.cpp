#include "gantry/store/resume_policy.hpp"

#include <unistd.h>

#include <chrono>

#include "gantry/base/system.hpp"

namespace gantry {
namespace {

// A "running" row is live if the very process that claimed it still runs on this host: same pid
// and same start time, so neither a zombie nor a later process that reuses the pid counts. On
// another host the process cannot be seen: the run is live while its lease holds (its process
// renews the heartbeat). A row without a lease from another host is left alone: never two
// writers on one run.
bool owned_by_live_process(const ExistingRun& run, double now) {
  if (run.host != host_name()) {
    bool leased = run.lease_seconds > 0;
    return !leased || now <= run.heartbeat_at + run.lease_seconds;
  }
  if (run.pid == getpid()) return false;
  std::optional<std::int64_t> started = process_start_time(run.pid);
  return started && *started == run.process_start;
}

}  // namespace

double unix_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

RunDecision decide(const std::optional<ExistingRun>& existing, const ResumePolicy& policy,
                   double now) {
  if (!existing) return RunDecision::execute;
  if (existing->status == RecordedStatus::running) {
    bool live = !policy.sole_owner && owned_by_live_process(*existing, now);
    return live ? RunDecision::skip_busy : RunDecision::execute;
  }
  if (policy.rerun_finished) return RunDecision::execute;
  if (existing->status == RecordedStatus::finished) return RunDecision::skip_finished;
  return policy.retry_failed ? RunDecision::execute : RunDecision::skip_failed;
}

}  // namespace gantry
