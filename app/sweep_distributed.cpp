#include "sweep_distributed.hpp"

#include <unistd.h>

#include <climits>
#include <iostream>

#include "gantry/base/errors.hpp"
#include "gantry/cluster/slurm_submit.hpp"
#include "gantry/sweep/sweep_shard.hpp"

namespace gantry::cli {
namespace fs = std::filesystem;

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
                                                            "with --slurm: memory per task (4G)")(
      "dry-run", po::bool_switch(&args.dry_run),
      "with --slurm: print the scripts and sbatch commands, submit nothing");
  options.add(shard);
}

void check_distributed(const DistributedArguments& args) {
  auto needs = [](bool given, const char* option, const char* requirement) {
    if (given) throw ConfigError(std::string(option) + " goes with " + requirement);
  };
  needs(!args.slurm && !args.array.empty(), "--array", "--slurm");
  needs(!args.slurm && args.dry_run, "--dry-run", "--slurm");
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

ShardedSweep::ShardedSweep(const DistributedArguments& args, std::vector<PlannedRun>& plan,
                           const std::string& sweep_name, StoreOptions& store) {
  if (args.shard.empty()) return;
  ShardSpec shard =
      args.shard == "slurm" ? shard_from_slurm_environment() : parse_shard(args.shard);
  std::string fingerprint = plan_fingerprint(sweep_name, plan);
  int plan_runs = static_cast<int>(plan.size());
  plan = select_shard(plan, shard);
  record_ =
      ShardRecord{fingerprint, shard.index, shard.count, static_cast<int>(plan.size()), plan_runs};
  if (args.shard_dir.empty()) return;
  workspace_.emplace(fs::absolute(args.shard_dir), scratch_root(args.scratch), shard, fingerprint);
  if (workspace_->prepare()) {
    std::cerr << "resuming " << shard.name() << " from " << workspace_->shared_db().string()
              << "\n";
  }
  store.db = workspace_->scratch_db().string();
  store.artifacts = workspace_->scratch_artifacts().string();
}

void ShardedSweep::record(ResultsDb& db, std::int64_t sweep_id) const {
  if (record_) db.record_shard(sweep_id, *record_, workspace_.has_value());
}

void ShardedSweep::publish(std::ostream& out) const {
  if (!workspace_) return;
  workspace_->publish();
  workspace_->remove_scratch();
  out << "published to " << workspace_->shared_db().string() << "\n";
}

namespace {

fs::path executable_path() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) throw GantryError("cannot find the gantry executable's path: " + error.message());
  return self;
}

}  // namespace

int submit_to_slurm(const DistributedArguments& args, const std::vector<PlannedRun>& plan,
                    const std::string& sweep_name, const std::string& experiment,
                    std::vector<std::string> task_arguments, const StoreOptions& store) {
  SlurmSweep sweep;
  sweep.sweep_name = sweep_name;
  sweep.gantry = executable_path();
  sweep.experiment = fs::absolute(experiment).lexically_normal();
  sweep.sweep_arguments = std::move(task_arguments);
  sweep.array = parse_array(args.array);
  sweep.resources = args.resources;
  sweep.scratch = args.scratch.empty() ? "" : fs::absolute(args.scratch).string();
  sweep.merged_db = fs::absolute(store.db).lexically_normal();
  sweep.merged_artifacts = fs::absolute(store.artifacts).lexically_normal();
  sweep.shard_dir = args.shard_dir.empty()
                        ? sweep.merged_db.parent_path() / "gantry-shards" / sweep_name
                        : fs::absolute(args.shard_dir).lexically_normal();
  sweep.planned_runs = static_cast<int>(plan.size());
  if (sweep.array.size > sweep.planned_runs) {
    std::cerr << "--array " << sweep.array.size << ": the sweep has only " << sweep.planned_runs
              << " runs; submitting " << sweep.planned_runs << " tasks\n";
    sweep.array.size = sweep.planned_runs;
  }
  if (args.dry_run) {
    std::cout << "# " << sweep.array_script_path().string() << "\n"
              << array_script(sweep) << "\n# " << sweep.merge_script_path().string() << "\n"
              << merge_script(sweep) << "\n# dry run: nothing written or submitted; would run\n"
              << array_submit_command(sweep) << "\n"
              << merge_submit_command(sweep, "<array job id>") << "\n";
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
