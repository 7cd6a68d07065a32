#include "gantry/sweep/sweep_job.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "gantry/artifacts/layout.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/sweep/sweep_plan.hpp"

namespace gantry {
namespace {

void check_request(const SweepRequest& request) {
  if (request.jobs < 0) throw ConfigError("--jobs must be at least 1");
  if (request.threads_per_run < 0 || request.threads_per_run > 1024) {
    throw ConfigError("--threads-per-run must be between 1 and 1024 (or 0: automatic)");
  }
}

// Threads per run: the request's, else the experiment's, else the cores shared by the runs
// that go in parallel.
void decide_threads(RawSettings& base, const SweepRequest& request, std::size_t runs, int cores,
                    int jobs) {
  if (request.threads_per_run > 0) {
    base.apply_override("resources.threads_per_run=" + std::to_string(request.threads_per_run));
  } else if (!base.has("resources.threads_per_run")) {
    base.set("resources.threads_per_run",
             std::to_string(default_threads_per_run(cores, jobs, runs)));
  }
}

// Fails before anything is recorded when the artifacts directory cannot be written.
void check_artifacts_dir(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  std::filesystem::path probe = dir / (".gantry-write-test-" + std::to_string(getpid()));
  bool writable = !error && std::ofstream(probe).good();
  std::filesystem::remove(probe, error);
  if (!writable) {
    throw StorageError("cannot write to the artifacts directory '" + dir.string() +
                       "' (--artifacts)");
  }
}

}  // namespace

std::string default_sweep_name(const ResolvedExperiment& any_run, const std::string& file) {
  const std::string& name = any_run.value("experiment.name");
  return name.empty() ? std::filesystem::path(file).stem().string() : name;
}

PreparedExperiment prepare_experiment(const SweepRequest& request, std::size_t points) {
  check_request(request);
  PluginCatalog catalog(PluginCatalog::search_path(request.plugin_dirs));
  RawSettings base = read_experiment_file(request.experiment);
  for (const auto& assignment : request.overrides) base.apply_override(assignment);
  std::vector<std::int64_t> seeds = parse_seeds(request.seeds);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int jobs = request.jobs > 0 ? request.jobs : cores;
  const bool sets_threads = base.has("resources.threads_per_run");
  decide_threads(base, request, points * seeds.size(), cores, jobs);
  return PreparedExperiment{std::move(catalog), std::move(base), std::move(seeds), jobs,
                            sets_threads};
}

std::string sweep_name_of(const SweepRequest& request, const ResolvedExperiment& any_run) {
  std::string name = request.sweep_name.empty() ? default_sweep_name(any_run, request.experiment)
                                                : request.sweep_name;
  check_sweep_name(name);
  return name;
}

PlannedSweep plan_sweep_request(const SweepRequest& request) {
  std::vector<GridAxis> grid;
  for (const auto& axis : request.grid) grid.push_back(parse_grid_axis(axis));
  std::size_t points = 1;
  for (const auto& axis : grid) points *= axis.values.size();
  PreparedExperiment prepared = prepare_experiment(request, points);
  SweepPlan plan = plan_sweep(prepared.base, grid, std::move(prepared.seeds), prepared.catalog);
  std::string name = sweep_name_of(request, plan.grid_points().front().experiment);
  return PlannedSweep{std::move(prepared.catalog),
                      std::move(plan),
                      std::move(name),
                      request.experiment,
                      prepared.jobs,
                      request.policy,
                      prepared.experiment_sets_threads};
}

OpenedStore open_store(const SweepTarget& target) {
  auto db = std::make_unique<ResultsDb>(target.db);
  db->check_run_tables();
  check_artifacts_dir(target.artifacts);
  std::filesystem::path db_dir = std::filesystem::path(target.db).parent_path();
  return OpenedStore{std::move(db), target.artifacts, db_dir.empty() ? "." : db_dir};
}

SweepReport execute_sweep(const PlannedSweep& sweep, const SweepTarget& target,
                          SweepObserver& observer, const std::atomic<bool>& stop_flag) {
  OpenedStore opened = open_store(target);
  ResultsDb& db = *opened.db;
  std::int64_t sweep_id = db.ensure_sweep(sweep.name, sweep.experiment_file, target.command_line);
  if (target.shard) db.record_shard(sweep_id, *target.shard, target.sole_owner);
  SweepSettings settings{sweep.jobs, sweep.policy, std::nullopt};
  settings.policy.sole_owner = target.sole_owner;
  if (target.worker_executable) {
    settings.workers = WorkerCommand{*target.worker_executable, target.db, target.artifacts,
                                     sweep.catalog.search_dirs()};
  }
  RunStore store = opened.run_store();
  SweepReport report{sweep.name,
                     run_sweep(sweep.plan, RecordedSweep{sweep_id, sweep.name}, store,
                               sweep.catalog, settings, stop_flag, observer),
                     std::nullopt};
  if (!sweep.plan.empty()) {
    if (auto run = db.find_run(sweep_id, sweep.plan.identity(0))) report.first_run_id = run->id;
  }
  return report;
}

}  // namespace gantry
