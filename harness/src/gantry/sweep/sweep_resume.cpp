#include "gantry/sweep/sweep_resume.hpp"

#include <numeric>

namespace gantry {

ResumeCounts& ResumeCounts::operator+=(const ResumeCounts& other) {
  to_run += other.to_run;
  to_run_again += other.to_run_again;
  recorded_finished += other.recorded_finished;
  recorded_failed += other.recorded_failed;
  busy += other.busy;
  return *this;
}

ResumeDecisions decide_resume(const SweepPlan& plan, const RecordedRuns& recorded,
                              const ResumePolicy& policy) {
  ResumeDecisions decisions;
  ResumeCounts& counts = decisions.counts;
  if (recorded.empty()) {
    // Nothing to look up: a fresh sweep need not work out a million identities here.
    decisions.to_run.resize(plan.size());
    std::iota(decisions.to_run.begin(), decisions.to_run.end(), std::size_t{0});
    counts.to_run = static_cast<int>(plan.size());
    return decisions;
  }
  for (std::size_t run = 0; run < plan.size(); ++run) {
    std::optional<ExistingRun> existing;
    if (recorded.has_seed(plan.seed(run))) existing = recorded.find(plan.identity(run));
    switch (decide(existing, policy)) {
      case RunDecision::execute:
        decisions.to_run.push_back(run);
        ++counts.to_run;
        if (existing) ++counts.to_run_again;
        break;
      case RunDecision::skip_finished:
        ++counts.recorded_finished;
        break;
      case RunDecision::skip_failed:
        ++counts.recorded_failed;
        break;
      case RunDecision::skip_busy:
        ++counts.busy;
        break;
    }
  }
  return decisions;
}

}  // namespace gantry
