// Runs a planned sweep on N worker threads, resuming from what the database already holds:
// finished runs are skipped, failed ones too unless asked to retry, runs another live gantry
// process is running are left to it, and runs left "running" by a process that is gone (Ctrl-C,
// kill -9, a crash) are rerun in place.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "gantry/run/run_executor.hpp"
#include "gantry/store/resume_policy.hpp"
#include "gantry/sweep/sweep_observer.hpp"
#include "gantry/sweep/sweep_plan.hpp"
#include "gantry/sweep/worker_process.hpp"

namespace gantry {

struct SweepSettings {
  int jobs = 1;
  ResumePolicy policy;
  // Each run in a worker process (`gantry worker`), so that a crash in plugin code fails its
  // run, not the sweep; without one, runs execute as threads of this process (tests, library
  // use).
  std::optional<WorkerCommand> workers;
};

// The sweep the runs are recorded in.
struct RecordedSweep {
  std::int64_t id = 0;
  std::string name;
};

struct SweepResult {
  int planned = 0;
  int recorded_finished = 0;  // finished in an earlier invocation
  int recorded_failed = 0;    // failed in an earlier invocation, not retried
  int busy = 0;               // being run by another live gantry process
  int finished = 0;
  int failed = 0;
  int interrupted = 0;  // started, then stopped before they ended
  int not_started = 0;  // the sweep stopped before it came to them

  // Every planned run is now recorded as finished.
  bool complete() const { return finished + recorded_finished == planned; }
  // Some planned run is recorded as failed, now or earlier.
  bool any_failed() const { return failed + recorded_failed > 0; }
};

SweepResult run_sweep(const SweepPlan& plan, const RecordedSweep& sweep, RunStore& store,
                      const PluginCatalog& catalog, const SweepSettings& settings,
                      const std::atomic<bool>& stop_flag, SweepObserver& observer);

// The settings that take more than one value across the plan's grid points, in settings order.
std::vector<std::string> varying_keys(const SweepPlan& plan);

// "seed=3 trainer.k=2": the run's seed and its values of the varying settings.
std::string describe_run(std::int64_t seed, const ResolvedExperiment& experiment,
                         const std::vector<std::string>& varying);

}  // namespace gantry
