// The whole job of `gantry sweep` and `gantry run`, as a library: validate the request, plan
// every run, record the sweep, run what is not recorded yet and report what became of it. The
// command line parses its arguments into a SweepRequest and prints the SweepReport; a sharded
// or Slurm sweep narrows the plan and moves the target between the two steps.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/run/run_executor.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/sweep/sweep_observer.hpp"
#include "gantry/sweep/sweep_plan.hpp"
#include "gantry/sweep/sweep_runner.hpp"

namespace gantry {

struct SweepRequest {
  std::string experiment;                // the experiment file
  std::string seeds = "1";               // "1-8", "1,2,5"
  std::vector<std::string> grid;         // axes: "trainer.k=1,2,3"
  std::vector<std::string> overrides;    // "section.key=value"
  std::string sweep_name;                // empty: experiment.name, else the file's stem
  int jobs = 0;                          // runs in parallel; 0: one per core
  int threads_per_run = 0;               // 0: the experiment's value, else shared cores
  ResumePolicy policy;                   // retry failed runs, rerun finished ones
  std::vector<std::string> plugin_dirs;  // searched before GANTRY_PLUGIN_PATH
};

// A request validated and planned; nothing is recorded yet.
struct PlannedSweep {
  PluginCatalog catalog;
  SweepPlan plan;
  std::string name;
  std::string experiment_file;  // as given, recorded with the sweep
  int jobs = 1;
  ResumePolicy policy;  // the request's
  // The experiment or an override chose resources.threads_per_run (a Slurm task keeps it).
  bool experiment_sets_threads = false;
};

// Where the sweep is recorded.
struct SweepTarget {
  std::string db = "gantry.sqlite";
  std::string artifacts = "gantry-artifacts";
  std::string command_line;          // recorded with the sweep
  std::optional<ShardRecord> shard;  // this database holds one share of a sharded sweep
  bool sole_owner = false;           // a shard's own database: "running" rows are stale
  // The gantry executable: each run then executes in a worker process it starts (`gantry
  // worker`), so a crash in plugin code fails one run. Without it, runs are threads here.
  std::optional<std::filesystem::path> worker_executable;
};

struct SweepReport {
  std::string name;
  SweepResult result;
  // The plan's first run as recorded after the sweep (the run of `gantry run`), if it is.
  std::optional<std::int64_t> first_run_id;
};

// A request's experiment read, overridden and checked, before any grid point is resolved: what
// a sweep and a search both start from.
struct PreparedExperiment {
  PluginCatalog catalog;
  RawSettings base;  // the file with --set applied and resources.threads_per_run decided
  std::vector<std::int64_t> seeds;
  int jobs = 1;
  bool experiment_sets_threads = false;
};

// Checks the request's own numbers and directories, reads the experiment and applies the
// overrides; `points` (the configurations to be run) sizes the default threads per run. Throws
// ConfigError.
PreparedExperiment prepare_experiment(const SweepRequest& request, std::size_t points);

// The request's sweep name, else the default one of `any_run`; checked (artifacts/layout.hpp).
std::string sweep_name_of(const SweepRequest& request, const ResolvedExperiment& any_run);

// The results store opened for a sweep, with the artifacts directory checked writable.
struct OpenedStore {
  std::unique_ptr<ResultsDb> db;
  std::filesystem::path artifacts_dir;
  std::filesystem::path db_dir;
  RunStore run_store() const { return RunStore{*db, artifacts_dir, db_dir}; }
};
// Opens (creating or migrating) the database and checks the artifacts directory; throws
// StorageError before anything is recorded when either cannot be used.
OpenedStore open_store(const SweepTarget& target);

// Validates everything (plugin directories, experiment, overrides, grid, seeds, the plugins'
// own option checks, sweep name) and plans the runs. Throws ConfigError or PluginError.
PlannedSweep plan_sweep_request(const SweepRequest& request);

// Opens the database (creating or migrating it), checks the artifacts directory can be written,
// records the sweep and runs what the database does not hold yet. Throws StorageError when the
// store cannot be used, before any run starts.
SweepReport execute_sweep(const PlannedSweep& sweep, const SweepTarget& target,
                          SweepObserver& observer, const std::atomic<bool>& stop_flag);

// `experiment.name`, else the file's stem.
std::string default_sweep_name(const ResolvedExperiment& any_run, const std::string& file);

}  // namespace gantry
