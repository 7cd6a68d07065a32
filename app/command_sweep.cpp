// `gantry run` and `gantry sweep`: plan, validate everything, then execute and record.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/store/results_reader.hpp"
#include "gantry/sweep/sweep_plan.hpp"
#include "gantry/sweep/sweep_runner.hpp"
#include "sweep_distributed.hpp"

namespace gantry::cli {
namespace {

struct SweepArguments {
  std::string experiment;
  std::string seeds = "1";
  std::vector<std::string> grid;
  std::vector<std::string> overrides;
  std::string sweep_name;
  int jobs = 0;
  int threads_per_run = 0;  // 0: the experiment's value, else the default
  bool retry_failed = false;
  bool rerun = false;
  StoreOptions store;
  std::vector<std::string> plugin_dirs;
  DistributedArguments distributed;
};

std::string command_line(const std::string& command, const std::vector<std::string>& args) {
  std::string text = "gantry " + command;
  for (const auto& arg : args) text += " " + arg;
  return text;
}

std::string default_sweep_name(const ResolvedExperiment& any_run, const std::string& file) {
  const std::string& name = any_run.value("experiment.name");
  return name.empty() ? std::filesystem::path(file).stem().string() : name;
}

// Sweep names become directory names under the artifacts directory.
void check_sweep_name(const std::string& name) {
  bool valid = !name.empty() && name.front() != '.' &&
               name.find_first_not_of(
                   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                   "0123456789._-") == std::string::npos;
  if (!valid) {
    throw ConfigError("sweep name '" + name +
                      "': use letters, digits, '.', '_' and '-', not starting with '.'");
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

// What each Slurm array task passes to `gantry sweep` after the experiment file: this sweep's
// own arguments, with paths made absolute because the task runs elsewhere. A task runs as many
// runs at once as it has CPUs, so unless the user or the experiment chose the threads per run,
// each run gets one (this machine's cores say nothing about the task's).
std::vector<std::string> task_arguments(const SweepArguments& args, const std::string& sweep,
                                        bool experiment_sets_threads) {
  std::vector<std::string> task{"--seeds", args.seeds};
  if (args.threads_per_run > 0) {
    task.insert(task.end(), {"--threads-per-run", std::to_string(args.threads_per_run)});
  } else if (!experiment_sets_threads) {
    task.insert(task.end(), {"--threads-per-run", "1"});
  }
  for (const auto& axis : args.grid) task.insert(task.end(), {"--grid", axis});
  for (const auto& assignment : args.overrides) task.insert(task.end(), {"--set", assignment});
  task.insert(task.end(), {"--sweep", sweep});
  for (const auto& dir : args.plugin_dirs) {
    task.insert(task.end(), {"--plugin-dir", std::filesystem::absolute(dir).string()});
  }
  if (args.retry_failed) task.push_back("--retry-failed");
  return task;
}

bool is_set(const RawSettings& settings, const std::string& key) {
  for (const auto& entry : settings.entries) {
    if (entry.first == key) return true;
  }
  return false;
}

void check_plugin_dirs(const std::vector<std::string>& dirs) {
  for (const auto& dir : dirs) {
    if (!std::filesystem::is_directory(dir)) {
      throw ConfigError("--plugin-dir '" + dir + "' is not a directory");
    }
  }
}

// Everything is validated (experiment, plugins, grid, seeds, sweep name, database, artifacts
// directory) before the first run is recorded.
int execute(const std::string& command, const std::vector<std::string>& raw_args,
            const SweepArguments& args, const std::atomic<bool>& stop_flag) {
  if (args.jobs < 0) throw ConfigError("--jobs must be at least 1");
  check_distributed(args.distributed);
  if (args.distributed.slurm && args.jobs > 0) {
    throw ConfigError(
        "--jobs does not apply with --slurm: each array task runs as many runs at once as it "
        "has CPUs; set them with --cpus-per-task");
  }
  if (args.threads_per_run < 0 || args.threads_per_run > 1024) {
    throw ConfigError("--threads-per-run must be between 1 and 1024 (or 0: automatic)");
  }
  check_plugin_dirs(args.plugin_dirs);
  PluginCatalog catalog(PluginCatalog::search_path(args.plugin_dirs));
  RawSettings base = read_experiment_file(args.experiment);
  for (const auto& assignment : args.overrides) base.apply_override(assignment);
  std::vector<GridAxis> grid;
  for (const auto& axis : args.grid) grid.push_back(parse_grid_axis(axis));
  std::vector<std::int64_t> seeds = parse_seeds(args.seeds);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int jobs = args.jobs > 0 ? args.jobs : cores;
  const bool experiment_sets_threads = is_set(base, "resources.threads_per_run");
  if (args.threads_per_run > 0) {
    base.apply_override("resources.threads_per_run=" + std::to_string(args.threads_per_run));
  } else if (!is_set(base, "resources.threads_per_run")) {
    std::size_t runs = seeds.size();
    for (const auto& axis : grid) runs *= axis.values.size();
    base.set("resources.threads_per_run",
             std::to_string(default_threads_per_run(cores, jobs, runs)));
  }

  std::vector<PlannedRun> plan = plan_sweep(base, grid, seeds, catalog, "");
  std::string sweep_name = args.sweep_name.empty()
                               ? default_sweep_name(plan.front().experiment, args.experiment)
                               : args.sweep_name;
  check_sweep_name(sweep_name);
  if (args.distributed.slurm) {
    return submit_to_slurm(args.distributed, plan, sweep_name, args.experiment,
                           task_arguments(args, sweep_name, experiment_sets_threads), args.store);
  }
  StoreOptions store_options = args.store;
  ShardedSweep shard(args.distributed, plan, sweep_name, store_options);
  ResultsDb db(store_options.db);
  check_artifacts_dir(store_options.artifacts);
  std::int64_t sweep_id =
      db.ensure_sweep(sweep_name, args.experiment, command_line(command, raw_args));
  shard.record(db, sweep_id);
  for (auto& run : plan) {
    run.sweep_id = sweep_id;
    run.sweep_name = sweep_name;
  }

  SweepSettings settings;
  settings.jobs = jobs;
  settings.policy.retry_failed = args.retry_failed || args.rerun;
  settings.policy.rerun_finished = args.rerun;
  settings.policy.sole_owner = shard.sole_owner();
  std::filesystem::path db_dir = std::filesystem::path(store_options.db).parent_path();
  RunStore store{db, store_options.artifacts, db_dir.empty() ? "." : db_dir};
  SweepResult result =
      run_sweep(plan, store, catalog, settings, stop_flag, std::cerr, isatty(STDERR_FILENO) != 0);
  shard.publish(std::cout);

  std::cout << "sweep '" << sweep_name << "': " << result.planned << " runs planned; now "
            << result.finished << " finished, " << result.failed << " failed; recorded earlier "
            << result.recorded_finished << " finished, " << result.recorded_failed << " failed";
  if (result.busy) std::cout << "; " << result.busy << " running in another gantry process";
  if (result.interrupted) std::cout << "; " << result.interrupted << " interrupted";
  std::cout << "\n";
  // A published share's results are in --shard-dir; its scratch copy is gone.
  if (!shard.sole_owner()) {
    std::cout << "results: " << store_options.db << " (gantry runs --sweep " << sweep_name
              << "), HDF5 under "
              << (std::filesystem::path(store_options.artifacts) / sweep_name).string() << "/\n";
  }
  if (result.recorded_failed > 0) {
    std::cout << "failed runs recorded earlier were kept; --retry-failed runs them again\n";
  }
  if (command == "run") {
    if (result.recorded_finished > 0) {
      std::cout << "this config and seed were already recorded; --rerun runs them again\n";
    }
    if (auto run = db.find_run(sweep_id, plan.front().identity)) {
      ResultsReader reader(args.store.db);
      write_table(std::cout, reader.run_summary(run->id), TableFormat::table);
    }
  }
  if (result.interrupted > 0 || stop_flag.load()) {
    std::cerr << "interrupted: rerun the same command to resume\n";
    return kInterrupted;
  }
  return result.any_failed() ? kRunsFailed : kSuccess;
}

void add_common(po::options_description& options, SweepArguments& args) {
  options.add_options()("set", po::value(&args.overrides)->composing(),
                        "override a setting: section.key=value (repeatable)")(
      "threads-per-run", po::value(&args.threads_per_run),
      "threads each run's model backend may use (default: the cores divided by the runs in "
      "parallel; sets resources.threads_per_run)")(
      "sweep", po::value(&args.sweep_name),
      "sweep name (default: experiment.name, else the file's stem)");
  add_store_options(options, args.store, true);
  add_plugin_dir_option(options, args.plugin_dirs);
}

}  // namespace

int command_run(const std::vector<std::string>& raw_args, const std::atomic<bool>& stop_flag) {
  SweepArguments args;
  po::options_description options("run options");
  options.add_options()("experiment", po::value(&args.experiment)->required(),
                        "experiment file (INI)")("seed", po::value(&args.seeds)->default_value("1"),
                                                 "random seed")(
      "rerun", po::bool_switch(&args.rerun),
      "run again even if this config and seed are already recorded");
  add_common(options, args);
  po::positional_options_description positional;
  positional.add("experiment", 1);
  auto values = parse_command("gantry run EXPERIMENT.ini [options]", options, positional, raw_args);
  if (!values) return kSuccess;
  if (args.seeds.find(',') != std::string::npos || args.seeds.find('-', 1) != std::string::npos) {
    throw ConfigError("--seed takes one seed; use `gantry sweep --seeds` for several");
  }
  args.jobs = 1;
  return execute("run", raw_args, args, stop_flag);
}

int command_sweep(const std::vector<std::string>& raw_args, const std::atomic<bool>& stop_flag) {
  SweepArguments args;
  po::options_description options("sweep options");
  options.add_options()("experiment", po::value(&args.experiment)->required(),
                        "experiment file (INI)")("seeds", po::value(&args.seeds)->required(),
                                                 "seeds: 1-8, 1,2,5 or 1-4,10-12")(
      "grid", po::value(&args.grid)->composing(),
      "a grid axis: section.key=v1,v2,... (repeatable; cartesian product)")(
      "jobs,j", po::value(&args.jobs)->default_value(0), "runs in parallel (0: one per core)")(
      "retry-failed", po::bool_switch(&args.retry_failed),
      "rerun runs recorded as failed (finished runs are always kept)");
  add_common(options, args);
  add_distributed_options(options, args.distributed);
  po::positional_options_description positional;
  positional.add("experiment", 1);
  auto values =
      parse_command("gantry sweep EXPERIMENT.ini --seeds 1-8 [--grid k=v1,v2]... [options]",
                    options, positional, raw_args);
  if (!values) return kSuccess;
  return execute("sweep", raw_args, args, stop_flag);
}

}  // namespace gantry::cli
