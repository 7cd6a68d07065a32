// Runs a planned sweep on N worker threads, resuming from what the database already holds:
// finished runs are skipped, failed ones too unless asked to retry, and runs left "running" by
// a process that is gone (Ctrl-C, kill -9, a crash) are rerun in place.
#pragma once

#include <atomic>
#include <vector>

#include "gantry/run_executor.hpp"

namespace gantry {

class Progress;

struct SweepSettings {
  int jobs = 1;
  bool retry_failed = false;
  bool rerun_finished = false;  // `gantry run --rerun`: run again whatever is recorded
};

struct SweepResult {
  int planned = 0;
  int skipped = 0;  // finished (or failed, without retry) in an earlier invocation
  int busy = 0;     // being run right now by another live gantry process
  int finished = 0;
  int failed = 0;
  int interrupted = 0;
  std::vector<RunOutcome> outcomes;  // of the runs executed now, in plan order
};

// Which planned runs still need executing; the rest are counted in `result`.
std::vector<PlannedRun> runs_to_execute(const std::vector<PlannedRun>& plan, ResultsDb& db,
                                        const SweepSettings& settings, SweepResult& result);

SweepResult run_sweep(const std::vector<PlannedRun>& plan, RunStore& store,
                      const PluginCatalog& catalog, const SweepSettings& settings,
                      const std::atomic<bool>& stop_flag, std::ostream& progress_out,
                      bool terminal);

// "seed=3 trainer.k=2": the run's seed and the settings its sweep varies.
std::string describe_run(const PlannedRun& run, const std::vector<PlannedRun>& plan);

}  // namespace gantry
