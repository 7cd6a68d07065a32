// Executes one run from start to its recorded end: creates the plugins, trains, evaluates and
// records. Whatever happens inside (a plugin throws, a loss diverges, the user interrupts), the
// run ends recorded: finished, failed with its error text, or left "running" to be resumed.
// The one exception is the machinery: when the results database or the HDF5 files cannot be
// written (a full disk, a lock held past every retry), the run is not blamed: it is left to be
// rerun and the StorageError goes to the caller, which stops the sweep.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "gantry/artifacts/layout.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/store/resume_policy.hpp"

namespace gantry {

class PluginCatalog;
class ResultsDb;

struct PlannedRun {
  std::int64_t sweep_id;
  std::string sweep_name;
  ResolvedExperiment experiment;
  std::int64_t seed;
  std::string identity;
};

// Where results go. HDF5 paths are recorded relative to the database's directory when the
// artifacts live below it, so the two can be moved together.
struct RunStore {
  ResultsDb& db;
  std::filesystem::path artifacts_dir;
  std::filesystem::path db_dir;
};

// What became of a run this process set out to execute. not_started: the sweep stopped before
// it came to the run; not_claimed: between planning and starting, the database changed (another
// gantry process took or finished the run), so this process left it alone.
enum class RunStatus { not_started, finished, failed, interrupted, not_claimed };

struct RunOutcome {
  std::int64_t run_id = 0;
  RunStatus status = RunStatus::not_started;
  std::string error;
  double wall_seconds = 0.0;
};

// Throws StorageError when the store fails (see above); never for the run's own failures.
// `on_claimed`, when given, hears the run's id as soon as it is claimed, before it trains: a
// worker process tells its parent, which must record the run if the worker dies.
RunOutcome execute_run(const PlannedRun& plan, RunStore& store, const PluginCatalog& catalog,
                       const ResumePolicy& policy, const std::atomic<bool>& stop_flag,
                       const std::function<void(std::int64_t)>& on_claimed = nullptr);

}  // namespace gantry
