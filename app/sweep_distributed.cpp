#include "sweep_distributed.hpp"

#include <iostream>

#include "gantry/base/errors.hpp"
#include "gantry/cluster/slurm_submit.hpp"
#include "gantry/cluster/slurm_sweep.hpp"
#include "sweep_dry_run.hpp"

namespace gantry::cli {

void add_distributed_options(po::options_description& options, DistributedArguments& args) {
  po::options_description shard("sharding and Slurm (docs/slurm.md)");
  shard.add_options()("shard", po::value(&args.shard),
                      "run only share K of N of the sweep: K/N (1 <= K <= N), or 'slurm' for "
                      "this array task's")(
      "shard-dir", po::value(&args.shard_dir),
      "with --shard: run in scratch and publish the share's database and HDF5 files to this "
      "shared directory (resuming from it)")(
      "scratch", po::value(&args.scratch),
      "node-local scratch directory (default: $TMPDIR, else /tmp)")(
      "slurm", po::bool_switch(&args.slurm),
      "submit the sweep to Slurm as a job array plus a merge job, instead of running it here")(
      "array", po::value(&args.array),
      "with --slurm: number of array tasks, optionally %N to run at most N at once (8 or 8%2)")(
      "partition", po::value(&args.resources.partition), "with --slurm: partition")(
      "time", po::value(&args.resources.time), "with --slurm: time limit per task (02:00:00)")(
      "cpus-per-task", po::value(&args.resources.cpus_per_task)->default_value(1),
      "with --slurm: CPUs per task (its runs in parallel)")("mem", po::value(&args.resources.mem),
                                                            "with --slurm: memory per task (4G)");
  options.add(shard);
}

void check_distributed(const DistributedArguments& args) {
  auto needs = [](bool given, const char* option, const char* requirement) {
    if (given) throw ConfigError(std::string(option) + " goes with " + requirement);
  };
  needs(!args.slurm && !args.array.empty(), "--array", "--slurm");
  needs(!args.slurm && !args.resources.partition.empty(), "--partition", "--slurm");
  needs(!args.slurm && !args.resources.time.empty(), "--time", "--slurm");
  needs(!args.slurm && !args.resources.mem.empty(), "--mem", "--slurm");
  needs(args.shard.empty() && !args.shard_dir.empty() && !args.slurm, "--shard-dir",
        "--shard or --slurm");
  needs(args.shard.empty() && !args.scratch.empty() && !args.slurm, "--scratch",
        "--shard or --slurm");
  if (args.slurm && !args.shard.empty()) {
    throw ConfigError("--shard and --slurm exclude each other: --slurm gives each task its share");
  }
  if (args.slurm && args.array.empty()) throw ConfigError("--slurm needs --array N (tasks)");
  if (args.resources.cpus_per_task < 1) throw ConfigError("--cpus-per-task must be at least 1");
}

ShardRequest shard_request(const DistributedArguments& args) {
  return ShardRequest{args.shard, args.shard_dir, args.scratch};
}

int submit_to_slurm(const DistributedArguments& args, const SweepRequest& request,
                    const PlannedSweep& planned, const SweepTarget& target) {
  SlurmSweep sweep =
      slurm_sweep_for(SlurmRequest{args.array, args.resources, args.shard_dir, args.scratch},
                      request, planned, target);
  const std::string& sweep_name = sweep.sweep_name;
  int requested_tasks = parse_array(args.array).size;
  if (requested_tasks > sweep.array.size) {
    std::cerr << "--array " << requested_tasks << ": the sweep has only " << sweep.planned_runs
              << " runs; submitting " << sweep.planned_runs << " tasks\n";
  }
  if (args.dry_run) {
    std::cout << "# " << sweep.array_script_path().string() << "\n"
              << array_script(sweep) << "\n# " << sweep.merge_script_path().string() << "\n"
              << merge_script(sweep) << "\n# dry run: nothing written or submitted; would run\n"
              << array_submit_command(sweep) << "\n"
              << merge_submit_command(sweep, "<array job id>") << "\n";
    print_preview(
        std::cout,
        "sweep '" + sweep_name + "' in " + std::to_string(sweep.array.size) + " array tasks",
        "the shard databases in " + sweep.shard_dir.string(),
        preview_slurm_sweep(sweep, planned, kDryRunRunsShown));
    return kSuccess;
  }
  SlurmJobs jobs = submit_slurm_sweep(sweep);
  std::cout << "sweep '" << sweep_name << "': " << sweep.planned_runs << " runs in "
            << sweep.array.size << " array tasks, job " << jobs.array_job << "; merge job "
            << jobs.merge_job << " runs when they end\n"
            << "follow:  squeue -j " << jobs.array_job << "," << jobs.merge_job
            << "   (logs: " << sweep.log_dir().string() << "/)\n"
            << "results: " << sweep.merged_db.string() << " once job " << jobs.merge_job
            << " has run (gantry report --db " << sweep.merged_db.string() << " --sweep "
            << sweep_name << ")\n";
  return kSuccess;
}

}  // namespace gantry::cli
