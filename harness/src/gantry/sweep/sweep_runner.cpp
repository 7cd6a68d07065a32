#include "gantry/sweep/sweep_runner.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "gantry/base/number_format.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/sweep/sweep_resume.hpp"

namespace gantry {

std::vector<std::string> varying_keys(const SweepPlan& plan) {
  std::map<std::string, std::set<std::string>> values;
  for (const GridPoint& point : plan.grid_points()) {
    for (const Setting& setting : point.experiment.settings()) {
      values[setting.key].insert(setting.value);
    }
  }
  std::vector<std::string> keys;
  if (plan.grid_points().empty()) return keys;
  for (const Setting& setting : plan.grid_points().front().experiment.settings()) {
    if (values[setting.key].size() > 1) keys.push_back(setting.key);
  }
  return keys;
}

std::string describe_run(std::int64_t seed, const ResolvedExperiment& experiment,
                         const std::vector<std::string>& varying) {
  std::string text = "seed=" + std::to_string(seed);
  for (const std::string& key : varying) text += " " + key + "=" + experiment.value(key);
  return text;
}

namespace {

RunEnded ended(const PlannedRun& run, const RunOutcome& outcome,
               const std::vector<std::string>& varying) {
  std::string description = describe_run(run.seed, run.experiment, varying);
  if (outcome.status == RunStatus::not_claimed) {
    return {"(" + description + ")", false, "taken by another gantry process meanwhile"};
  }
  bool failed = outcome.status == RunStatus::failed;
  return {"run " + std::to_string(outcome.run_id) + " (" + description + ")", failed,
          failed ? outcome.error : format_duration(outcome.wall_seconds)};
}

// What became of the runs this invocation set out to execute, counted as they end: a big sweep
// keeps no outcome per run.
struct OutcomeTally {
  std::atomic<int> finished{0};
  std::atomic<int> failed{0};
  std::atomic<int> not_claimed{0};

  void count(RunStatus status) {
    if (status == RunStatus::finished) ++finished;
    if (status == RunStatus::failed) ++failed;
    if (status == RunStatus::not_claimed) ++not_claimed;
  }
  // Every run set out to execute that neither ended nor was left to another process was
  // interrupted, or never started because the sweep stopped first.
  void add_to(SweepResult& result, std::size_t set_out) const {
    result.finished = finished;
    result.failed = failed;
    result.busy += not_claimed;
    result.interrupted = static_cast<int>(set_out) - finished - failed - not_claimed;
  }
};

RunOutcome execute_or_fail(const PlannedRun& run, RunStore& store, const PluginCatalog& catalog,
                           const ResumePolicy& policy, const std::atomic<bool>& stop_flag) {
  try {
    return execute_run(run, store, catalog, policy, stop_flag);
  } catch (const std::exception& error) {
    // Only the results store itself can fail here (execute_run records everything else).
    RunOutcome outcome;
    outcome.status = RunStatus::failed;
    outcome.error = std::string("could not record the run: ") + error.what();
    return outcome;
  }
}

}  // namespace

SweepResult run_sweep(const SweepPlan& plan, const RecordedSweep& sweep, RunStore& store,
                      const PluginCatalog& catalog, const SweepSettings& settings,
                      const std::atomic<bool>& stop_flag, SweepObserver& observer) {
  SweepResult result;
  result.planned = static_cast<int>(plan.size());
  ResumeDecisions decisions =
      decide_resume(plan, store.db.recorded_runs(sweep.id), settings.policy);
  result.recorded_finished = decisions.counts.recorded_finished;
  result.recorded_failed = decisions.counts.recorded_failed;
  result.busy = decisions.counts.busy;
  observer.sweep_started(result.planned, result.recorded_finished + result.recorded_failed,
                         result.busy);
  const std::vector<std::size_t>& pending = decisions.to_run;
  const std::vector<std::string> varying = varying_keys(plan);
  OutcomeTally tally;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t index = next++; index < pending.size() && !stop_flag.load(); index = next++) {
      const PlannedRun run = plan.run(pending[index], sweep.id, sweep.name);
      RunOutcome outcome = execute_or_fail(run, store, catalog, settings.policy, stop_flag);
      tally.count(outcome.status);
      if (outcome.status != RunStatus::interrupted)
        observer.run_ended(ended(run, outcome, varying));
    }
  };
  int threads = std::max(1, std::min<int>(settings.jobs, static_cast<int>(pending.size())));
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back(worker);
  worker();
  for (auto& thread : workers) thread.join();
  observer.sweep_ended();
  tally.add_to(result, pending.size());
  return result;
}

}  // namespace gantry
