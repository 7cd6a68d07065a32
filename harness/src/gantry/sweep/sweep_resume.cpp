#include "gantry/sweep/sweep_resume.hpp"

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
  decisions.to_run.reserve(plan.size());  // at most every run, without the growth's copies
  const double now = unix_seconds();
  for (std::size_t run = 0; run < plan.size(); ++run) {
    // Only a run whose seed something recorded can be recorded: a fresh sweep works out no
    // identity here.
    std::optional<ExistingRun> existing;
    if (recorded.has_seed(plan.seed(run))) existing = recorded.find(plan.identity(run));
    switch (decide(existing, policy, now)) {
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
