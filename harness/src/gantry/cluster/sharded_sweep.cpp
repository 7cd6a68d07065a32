#include "gantry/cluster/sharded_sweep.hpp"

#include "gantry/sweep/sweep_shard.hpp"

namespace gantry {

ShardedSweep::ShardedSweep(const ShardRequest& request, PlannedSweep& sweep, SweepTarget& target,
                           ShardUse use) {
  if (request.shard.empty()) return;
  ShardSpec shard =
      request.shard == "slurm" ? shard_from_slurm_environment() : parse_shard(request.shard);
  std::string fingerprint = plan_fingerprint(sweep.name, sweep.plan);
  int plan_runs = static_cast<int>(sweep.plan.size());
  sweep.plan = select_shard(sweep.plan, shard);
  target.shard = ShardRecord{fingerprint, shard.index, shard.count,
                             static_cast<int>(sweep.plan.size()), plan_runs};
  if (request.shard_dir.empty()) return;
  ShardWorkspace workspace(std::filesystem::absolute(request.shard_dir),
                           scratch_root(request.scratch), shard, fingerprint);
  target.sole_owner = true;
  if (use == ShardUse::preview) {
    target.db = workspace.shared_db().string();
    return;
  }
  workspace_.emplace(std::move(workspace));
  resumed_ = workspace_->prepare();
  target.db = workspace_->scratch_db().string();
  target.artifacts = workspace_->scratch_artifacts().string();
}

std::optional<std::filesystem::path> ShardedSweep::publish() const {
  if (!workspace_) return std::nullopt;
  workspace_->publish();
  workspace_->remove_scratch();
  return workspace_->shared_db();
}

}  // namespace gantry
