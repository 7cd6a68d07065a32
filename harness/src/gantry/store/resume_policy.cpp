#include "gantry/store/resume_policy.hpp"

#include <unistd.h>

#include "gantry/base/system.hpp"

namespace gantry {
namespace {

// A "running" row is live if the very process that claimed it still runs on this host: same pid
// and same start time, so neither a zombie nor a later process that reuses the pid counts. On
// another host we cannot tell, and treating it as live is the safe choice: never two writers on
// one run.
bool owned_by_live_process(const ExistingRun& run) {
  if (run.host != host_name()) return true;
  if (run.pid == getpid()) return false;
  std::optional<std::int64_t> started = process_start_time(run.pid);
  return started && *started == run.process_start;
}

}  // namespace

RunDecision decide(const std::optional<ExistingRun>& existing, const ResumePolicy& policy) {
  if (!existing) return RunDecision::execute;
  if (existing->status == RecordedStatus::running) {
    bool live = !policy.sole_owner && owned_by_live_process(*existing);
    return live ? RunDecision::skip_busy : RunDecision::execute;
  }
  if (policy.rerun_finished) return RunDecision::execute;
  if (existing->status == RecordedStatus::finished) return RunDecision::skip_finished;
  return policy.retry_failed ? RunDecision::execute : RunDecision::skip_failed;
}

}  // namespace gantry
