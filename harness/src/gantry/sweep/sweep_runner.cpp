#include "gantry/sweep/sweep_runner.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "gantry/base/errors.hpp"
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
  std::atomic<int> interrupted{0};

  void count(RunStatus status) {
    if (status == RunStatus::finished) ++finished;
    if (status == RunStatus::failed) ++failed;
    if (status == RunStatus::not_claimed) ++not_claimed;
    if (status == RunStatus::interrupted) ++interrupted;
  }
  // Every run set out to execute that did not come to an end here never started: the sweep
  // stopped first.
  void add_to(SweepResult& result, std::size_t set_out) const {
    result.finished = finished;
    result.failed = failed;
    result.busy += not_claimed;
    result.interrupted = interrupted;
    result.not_started = static_cast<int>(set_out) - finished - failed - not_claimed - interrupted;
  }
};

// The first failure of the results store, which stops every worker: the machinery, not a run.
class StoreFailure {
 public:
  void record(const std::string& message) {
    std::lock_guard lock(mutex_);
    if (message_.empty()) message_ = message;
    failed_ = true;
  }
  bool failed() const { return failed_.load(); }
  // Throws it, if there was one, naming what to do.
  void rethrow() const {
    if (!failed_.load()) return;
    throw StorageError("the sweep stopped: " + message_ +
                       ". No run was recorded as failed for it; once that is fixed (room on the "
                       "disk, a lock released), the same command continues the sweep");
  }

 private:
  std::mutex mutex_;
  std::atomic<bool> failed_{false};
  std::string message_;
};

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
  StoreFailure store_failure;
  auto worker = [&] {
    std::optional<WorkerProcess> process;
    if (settings.workers) process.emplace(*settings.workers);
    for (std::size_t index = next++;
         index < pending.size() && !stop_flag.load() && !store_failure.failed(); index = next++) {
      const PlannedRun run = plan.run(pending[index], sweep.id, sweep.name);
      try {
        RunOutcome outcome = process ? process->execute(run, settings.policy, store, stop_flag)
                                     : execute_run(run, store, catalog, settings.policy, stop_flag);
        tally.count(outcome.status);
        if (outcome.status != RunStatus::interrupted)
          observer.run_ended(ended(run, outcome, varying));
      } catch (const std::exception& error) {
        // Only the machinery escapes a run's execution (a store that cannot be written, a
        // worker that cannot be started, memory for the bookkeeping): stop, and blame no run.
        store_failure.record(error.what());
      }
    }
  };
  int threads = std::max(1, std::min<int>(settings.jobs, static_cast<int>(pending.size())));
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back(worker);
  worker();
  for (auto& thread : workers) thread.join();
  observer.sweep_ended();
  store_failure.rethrow();
  tally.add_to(result, pending.size());
  return result;
}

}  // namespace gantry
