#include "gantry/sweep/sweep_runner.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "gantry/base/number_format.hpp"
#include "gantry/store/results_db.hpp"

namespace gantry {

std::vector<std::string> varying_keys(const std::vector<PlannedRun>& plan) {
  std::map<std::string, std::set<std::string>> values;
  for (const PlannedRun& run : plan) {
    for (const Setting& setting : run.experiment.settings()) {
      values[setting.key].insert(setting.value);
    }
  }
  std::vector<std::string> keys;
  if (plan.empty()) return keys;
  for (const Setting& setting : plan.front().experiment.settings()) {
    if (values[setting.key].size() > 1) keys.push_back(setting.key);
  }
  return keys;
}

std::string describe_run(const PlannedRun& run, const std::vector<std::string>& varying) {
  std::string text = "seed=" + std::to_string(run.seed);
  for (const std::string& key : varying) text += " " + key + "=" + run.experiment.value(key);
  return text;
}

namespace {

// The runs of the plan this invocation must execute; the others are counted in `result`.
std::vector<PlannedRun> runs_to_execute(const std::vector<PlannedRun>& plan, ResultsDb& db,
                                        const ResumePolicy& policy, SweepResult& result) {
  std::vector<PlannedRun> pending;
  for (const PlannedRun& run : plan) {
    switch (decide(db.find_run(run.sweep_id, run.identity), policy)) {
      case RunDecision::execute:
        pending.push_back(run);
        break;
      case RunDecision::skip_finished:
        ++result.recorded_finished;
        break;
      case RunDecision::skip_failed:
        ++result.recorded_failed;
        break;
      case RunDecision::skip_busy:
        ++result.busy;
        break;
    }
  }
  return pending;
}

RunEnded ended(const PlannedRun& run, const RunOutcome& outcome,
               const std::vector<std::string>& varying) {
  if (outcome.status == RunStatus::not_claimed) {
    return {"(" + describe_run(run, varying) + ")", false,
            "taken by another gantry process meanwhile"};
  }
  bool failed = outcome.status == RunStatus::failed;
  return {"run " + std::to_string(outcome.run_id) + " (" + describe_run(run, varying) + ")", failed,
          failed ? outcome.error : format_duration(outcome.wall_seconds)};
}

void tally(const std::vector<RunOutcome>& outcomes, SweepResult& result) {
  for (const RunOutcome& outcome : outcomes) {
    switch (outcome.status) {
      case RunStatus::finished:
        ++result.finished;
        break;
      case RunStatus::failed:
        ++result.failed;
        break;
      case RunStatus::not_started:  // the sweep stopped before it came to this run
      case RunStatus::interrupted:
        ++result.interrupted;
        break;
      case RunStatus::not_claimed:
        ++result.busy;
        break;
    }
  }
}

}  // namespace

SweepResult run_sweep(const std::vector<PlannedRun>& plan, RunStore& store,
                      const PluginCatalog& catalog, const SweepSettings& settings,
                      const std::atomic<bool>& stop_flag, SweepObserver& observer) {
  SweepResult result;
  result.planned = static_cast<int>(plan.size());
  std::vector<PlannedRun> pending = runs_to_execute(plan, store.db, settings.policy, result);
  observer.sweep_started(result.planned, result.recorded_finished + result.recorded_failed,
                         result.busy);
  const std::vector<std::string> varying = varying_keys(plan);
  result.outcomes.resize(pending.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t index = next++; index < pending.size() && !stop_flag.load(); index = next++) {
      const PlannedRun& run = pending[index];
      RunOutcome outcome;
      try {
        outcome = execute_run(run, store, catalog, settings.policy, stop_flag);
      } catch (const std::exception& error) {
        // Only the results store itself can fail here (execute_run records everything else).
        outcome.status = RunStatus::failed;
        outcome.error = std::string("could not record the run: ") + error.what();
      }
      result.outcomes[index] = outcome;
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
  tally(result.outcomes, result);
  return result;
}

}  // namespace gantry
