// `gantry run` and `gantry sweep`: parse the arguments into a SweepRequest, let the sweep
// library plan and run it (or a shard of it, or submit it to Slurm), and print what became of it.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/table_output.hpp"
#include "gantry/base/text.hpp"
#include "gantry/store/results_reader.hpp"
#include "gantry/sweep/sweep_job.hpp"
#include "progress.hpp"
#include "sweep_distributed.hpp"
#include "sweep_dry_run.hpp"

namespace gantry::cli {
namespace {

struct SweepArguments {
  SweepRequest request;
  bool retry_failed = false;
  bool rerun = false;
  StoreOptions store;
  DistributedArguments distributed;
};

std::string command_line(const std::string& command, const std::vector<std::string>& args) {
  std::string text = "gantry " + command;
  for (const auto& arg : args) text += " " + arg;
  return text;
}

void print_summary(const SweepReport& report, const SweepTarget& target, bool published) {
  const SweepResult& result = report.result;
  std::cout << "sweep '" << report.name << "': " << counted(result.planned, "run")
            << " planned; now " << result.finished << " finished, " << result.failed
            << " failed; recorded earlier " << result.recorded_finished << " finished, "
            << result.recorded_failed << " failed";
  if (result.busy) std::cout << "; " << result.busy << " running in another gantry process";
  if (result.interrupted) std::cout << "; " << result.interrupted << " interrupted";
  if (result.not_started) std::cout << "; " << result.not_started << " not started";
  std::cout << "\n";
  // A published share's results are in --shard-dir; its scratch copy is gone.
  if (!published) {
    std::cout << "results: " << target.db << " (gantry runs --sweep " << report.name
              << "), HDF5 under "
              << (std::filesystem::path(target.artifacts) / report.name).string() << "/\n";
  }
  if (result.recorded_failed > 0) {
    std::cout << "failed runs recorded earlier were kept; --retry-failed runs them again\n";
  }
}

// `gantry run` ends with the run's summaries.
void print_run(const SweepReport& report, const SweepTarget& target) {
  if (report.result.recorded_finished > 0) {
    std::cout << "this config and seed were already recorded; --rerun runs them again\n";
  }
  if (report.first_run_id) {
    ResultsReader reader(target.db);
    write_table(std::cout, reader.run_summary(*report.first_run_id), TableFormat::table);
  }
}

// Everything is validated (experiment, plugins, grid, seeds, sweep name, database, artifacts
// directory) before the first run is recorded.
int execute(const std::string& command, const std::vector<std::string>& raw_args,
            SweepArguments& args, const std::atomic<bool>& stop_flag) {
  check_distributed(args.distributed);
  if (args.distributed.slurm && args.request.jobs > 0) {
    throw ConfigError(
        "--jobs does not apply with --slurm: each array task runs as many runs at once as it "
        "has CPUs; set them with --cpus-per-task");
  }
  args.request.policy.retry_failed = args.retry_failed || args.rerun;
  args.request.policy.rerun_finished = args.rerun;
  PlannedSweep sweep = plan_sweep_request(args.request);
  SweepTarget target;
  target.db = args.store.db;
  target.artifacts = args.store.artifacts;
  target.command_line = command_line(command, raw_args);
  target.worker_executable = worker_executable();  // a crashing plugin fails only its run
  if (args.distributed.slurm) return submit_to_slurm(args.distributed, args.request, sweep, target);
  if (args.distributed.dry_run) return dry_run_here(args.distributed, sweep, target);

  ShardedSweep shard(shard_request(args.distributed), sweep, target);
  if (shard.resumed()) {
    std::cerr << "resuming " << shard.workspace()->shard().name() << " from "
              << shard.workspace()->shared_db().string() << "\n";
  }
  Progress progress(std::cerr, isatty(STDERR_FILENO) != 0);
  SweepReport report = execute_sweep(sweep, target, progress, stop_flag);
  if (auto published = shard.publish()) std::cout << "published to " << published->string() << "\n";
  print_summary(report, target, shard.workspace().has_value());
  if (command == "run") print_run(report, target);
  if (report.result.interrupted > 0 || report.result.not_started > 0 || stop_flag.load()) {
    std::cerr << "interrupted: rerun the same command to resume\n";
    return kInterrupted;
  }
  return report.result.any_failed() ? kRunsFailed : kSuccess;
}

void add_common(po::options_description& options, SweepArguments& args) {
  options.add_options()("set", po::value(&args.request.overrides)->composing(),
                        "override a setting: section.key=value (repeatable)")(
      "threads-per-run", po::value(&args.request.threads_per_run),
      "threads each run's model backend may use (default: the cores divided by the runs in "
      "parallel; sets resources.threads_per_run)")(
      "sweep", po::value(&args.request.sweep_name),
      "sweep name (default: experiment.name, else the file's stem)");
  add_store_options(options, args.store, true);
  add_plugin_dir_option(options, args.request.plugin_dirs);
}

}  // namespace

int command_run(const std::vector<std::string>& raw_args, const std::atomic<bool>& stop_flag) {
  SweepArguments args;
  po::options_description options("run options");
  options.add_options()("experiment", po::value(&args.request.experiment)->required(),
                        "experiment file (INI)")(
      "seed", po::value(&args.request.seeds)->default_value("1"), "random seed")(
      "rerun", po::bool_switch(&args.rerun),
      "run again even if this config and seed are already recorded");
  add_common(options, args);
  po::positional_options_description positional;
  positional.add("experiment", 1);
  auto values = parse_command("gantry run EXPERIMENT.ini [options]", options, positional, raw_args);
  if (!values) return kSuccess;
  const std::string& seed = args.request.seeds;
  if (seed.find(',') != std::string::npos || seed.find('-', 1) != std::string::npos) {
    throw ConfigError("--seed takes one seed; use `gantry sweep --seeds` for several");
  }
  args.request.jobs = 1;
  return execute("run", raw_args, args, stop_flag);
}

int command_sweep(const std::vector<std::string>& raw_args, const std::atomic<bool>& stop_flag) {
  SweepArguments args;
  po::options_description options("sweep options");
  options.add_options()("experiment", po::value(&args.request.experiment)->required(),
                        "experiment file (INI)")(
      "seeds", po::value(&args.request.seeds)->required(), "seeds: 1-8, 1,2,5 or 1-4,10-12")(
      "grid", po::value(&args.request.grid)->composing(),
      "a grid axis: section.key=v1,v2,... (repeatable; cartesian product)")(
      "jobs,j", po::value(&args.request.jobs)->default_value(0),
      "runs in parallel (0: one per core)")(
      "retry-failed", po::bool_switch(&args.retry_failed),
      "rerun runs recorded as failed (finished runs are always kept)")(
      "dry-run", po::bool_switch(&args.distributed.dry_run),
      "validate the whole plan, print how many runs it holds, what --db already holds of them "
      "and the first runs, and write nothing of the sweep (with --slurm: also the scripts and "
      "sbatch commands; nothing is submitted)");
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
