#include "gantry/resume_policy.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "gantry/results_db.hpp"

namespace gantry {
namespace {

bool process_alive(std::int64_t pid) {
  if (pid <= 0) return false;
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// A "running" row is live if its process still exists on this host. On another host we cannot
// tell, and treating it as live is the safe choice: never two writers on one run.
bool owned_by_live_process(const ExistingRun& run) {
  if (run.host != host_name()) return true;
  return run.pid != getpid() && process_alive(run.pid);
}

}  // namespace

RunDecision decide(const std::optional<ExistingRun>& existing, const ResumePolicy& policy) {
  if (!existing) return RunDecision::execute;
  if (existing->status == "running") {
    return owned_by_live_process(*existing) ? RunDecision::skip_busy : RunDecision::execute;
  }
  if (policy.rerun_finished) return RunDecision::execute;
  if (existing->status == "finished") return RunDecision::skip_finished;
  return policy.retry_failed ? RunDecision::execute : RunDecision::skip_failed;
}

}  // namespace gantry
