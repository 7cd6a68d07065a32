#include "gantry/sweep_runner.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <set>
#include <thread>

#include "gantry/progress.hpp"
#include "gantry/results_db.hpp"

namespace gantry {
namespace {

bool process_alive(std::int64_t pid) {
  if (pid <= 0) return false;
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// A "running" row is live only if its process still exists on this host. (On another host we
// cannot tell; treating it as live is the safe choice, never two writers on one run.)
bool owned_by_live_process(const ExistingRun& run) {
  if (run.host != host_name()) return true;
  return run.pid != getpid() && process_alive(run.pid);
}

}  // namespace

std::string describe_run(const PlannedRun& run, const std::vector<PlannedRun>& plan) {
  std::map<std::string, std::set<std::string>> values;
  for (const PlannedRun& other : plan) {
    for (const Setting& setting : other.experiment.settings()) {
      values[setting.key].insert(setting.value);
    }
  }
  std::string text = "seed=" + std::to_string(run.seed);
  for (const Setting& setting : run.experiment.settings()) {
    if (values[setting.key].size() > 1) text += " " + setting.key + "=" + setting.value;
  }
  return text;
}

std::vector<PlannedRun> runs_to_execute(const std::vector<PlannedRun>& plan, ResultsDb& db,
                                        const SweepSettings& settings, SweepResult& result) {
  std::vector<PlannedRun> pending;
  result.planned = static_cast<int>(plan.size());
  for (const PlannedRun& run : plan) {
    std::optional<ExistingRun> existing = db.find_run(run.sweep_id, run.identity);
    if (existing && !settings.rerun_finished) {
      if (existing->status == "finished" ||
          (existing->status == "failed" && !settings.retry_failed)) {
        ++result.skipped;
        continue;
      }
      if (existing->status == "running" && owned_by_live_process(*existing)) {
        ++result.busy;
        continue;
      }
    }
    pending.push_back(run);
  }
  return pending;
}

SweepResult run_sweep(const std::vector<PlannedRun>& plan, RunStore& store,
                      const PluginCatalog& catalog, const SweepSettings& settings,
                      const std::atomic<bool>& stop_flag, std::ostream& progress_out,
                      bool terminal) {
  SweepResult result;
  std::vector<PlannedRun> pending = runs_to_execute(plan, store.db, settings, result);
  Progress progress(progress_out, terminal, result.planned, result.skipped + result.busy);
  if (result.busy > 0) {
    progress.message(std::to_string(result.busy) +
                     " runs are being run by another gantry process; leaving them to it");
  }
  result.outcomes.resize(pending.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t index = next++; index < pending.size() && !stop_flag.load(); index = next++) {
      const PlannedRun& run = pending[index];
      RunOutcome outcome;
      try {
        outcome = execute_run(run, store, catalog, stop_flag);
      } catch (const std::exception& error) {
        // Only the results store itself can fail here (execute_run records everything else).
        outcome.status = RunStatus::failed;
        outcome.error = std::string("could not record the run: ") + error.what();
      }
      result.outcomes[index] = outcome;
      if (outcome.status == RunStatus::interrupted) continue;
      bool failed = outcome.status == RunStatus::failed;
      progress.run_ended(
          "run " + std::to_string(outcome.run_id) + " (" + describe_run(run, plan) + ")", failed,
          failed ? outcome.error : format_duration(outcome.wall_seconds));
    }
  };
  int threads = std::max(1, std::min<int>(settings.jobs, static_cast<int>(pending.size())));
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back(worker);
  worker();
  for (auto& thread : workers) thread.join();
  progress.finish();
  for (const RunOutcome& outcome : result.outcomes) {
    if (outcome.run_id == 0 && outcome.error.empty()) {
      ++result.interrupted;  // never started: the sweep stopped first
    } else if (outcome.status == RunStatus::finished) {
      ++result.finished;
    } else if (outcome.status == RunStatus::failed) {
      ++result.failed;
    } else {
      ++result.interrupted;
    }
  }
  return result;
}

}  // namespace gantry
