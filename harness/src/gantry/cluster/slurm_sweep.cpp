#include "gantry/cluster/slurm_sweep.hpp"

#include <filesystem>

#include "gantry/base/system.hpp"
#include "gantry/sweep/sweep_shard.hpp"

namespace gantry {
namespace fs = std::filesystem;

std::vector<std::string> slurm_task_arguments(const SweepRequest& request,
                                              const std::string& sweep_name,
                                              bool experiment_sets_threads) {
  std::vector<std::string> task{"--seeds", request.seeds};
  if (request.threads_per_run > 0) {
    task.insert(task.end(), {"--threads-per-run", std::to_string(request.threads_per_run)});
  } else if (!experiment_sets_threads) {
    task.insert(task.end(), {"--threads-per-run", "1"});
  }
  for (const auto& axis : request.grid) task.insert(task.end(), {"--grid", axis});
  for (const auto& assignment : request.overrides) task.insert(task.end(), {"--set", assignment});
  task.insert(task.end(), {"--sweep", sweep_name});
  for (const auto& dir : request.plugin_dirs) {
    task.insert(task.end(), {"--plugin-dir", fs::absolute(dir).string()});
  }
  if (request.policy.retry_failed) task.push_back("--retry-failed");
  return task;
}

SlurmSweep slurm_sweep_for(const SlurmRequest& request, const SweepRequest& sweep_request,
                           const PlannedSweep& sweep, const SweepTarget& target) {
  SlurmSweep slurm;
  slurm.sweep_name = sweep.name;
  slurm.gantry = executable_path();
  slurm.experiment = fs::absolute(sweep_request.experiment).lexically_normal();
  slurm.sweep_arguments =
      slurm_task_arguments(sweep_request, sweep.name, sweep.experiment_sets_threads);
  slurm.array = parse_array(request.array);
  slurm.resources = request.resources;
  slurm.scratch = request.scratch.empty() ? "" : fs::absolute(request.scratch).string();
  slurm.merged_db = fs::absolute(target.db).lexically_normal();
  slurm.merged_artifacts = fs::absolute(target.artifacts).lexically_normal();
  slurm.shard_dir = request.shard_dir.empty()
                        ? slurm.merged_db.parent_path() / "gantry-shards" / sweep.name
                        : fs::absolute(request.shard_dir).lexically_normal();
  slurm.planned_runs = static_cast<int>(sweep.plan.size());
  if (slurm.array.size > slurm.planned_runs) slurm.array.size = slurm.planned_runs;
  return slurm;
}

SweepPreview preview_slurm_sweep(const SlurmSweep& slurm, const PlannedSweep& sweep,
                                 std::size_t shown) {
  SweepPreview preview;
  preview.planned = static_cast<int>(sweep.plan.size());
  preview.first_runs = describe_first_runs(sweep.plan, shown);
  ResumePolicy policy = sweep.policy;
  policy.sole_owner = true;  // as each task's --shard-dir makes it
  for (int index = 1; index <= slurm.array.size; ++index) {
    SweepPlan share = select_shard(sweep.plan, ShardSpec{index, slurm.array.size});
    preview.counts +=
        preview_plan(share, sweep.name, slurm.shard_db(index).string(), policy, 0).counts;
  }
  return preview;
}

}  // namespace gantry
