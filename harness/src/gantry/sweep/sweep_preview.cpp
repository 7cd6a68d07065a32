#include "gantry/sweep/sweep_preview.hpp"

#include <algorithm>

#include "gantry/store/results_db.hpp"
#include "gantry/sweep/sweep_runner.hpp"

namespace gantry {

std::vector<std::string> describe_first_runs(const SweepPlan& plan, std::size_t shown) {
  const std::vector<std::string> varying = varying_keys(plan);
  std::vector<std::string> runs;
  for (std::size_t run = 0; run < std::min(shown, plan.size()); ++run) {
    runs.push_back(describe_run(plan.seed(run), plan.experiment(run), varying));
  }
  return runs;
}

SweepPreview preview_plan(const SweepPlan& plan, const std::string& sweep_name,
                          const std::string& db, const ResumePolicy& policy, std::size_t shown) {
  SweepPreview preview;
  preview.planned = static_cast<int>(plan.size());
  preview.counts = decide_resume(plan, read_recorded_runs(db, sweep_name), policy).counts;
  preview.first_runs = describe_first_runs(plan, shown);
  return preview;
}

SweepPreview preview_sweep(const PlannedSweep& sweep, const SweepTarget& target,
                           std::size_t shown) {
  ResumePolicy policy = sweep.policy;
  policy.sole_owner = target.sole_owner;  // as execute_sweep sets it
  return preview_plan(sweep.plan, sweep.name, target.db, policy, shown);
}

}  // namespace gantry
