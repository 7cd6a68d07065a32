// Splitting a sweep's plan into N shares without coordination: every process plans the same
// sweep from the same arguments, so taking every N-th run of that plan gives each share its runs
// and the shares together the whole plan, each run exactly once. Used by `gantry sweep --shard`
// and by each task of a Slurm job array.
#pragma once

#include <string>
#include <vector>

#include "gantry/sweep/sweep_plan.hpp"

namespace gantry {

// Share `index` of `count`, both counted from 1 ("3/8"), as Slurm array task ids are when the
// array is 1-N.
struct ShardSpec {
  int index = 1;
  int count = 1;

  // "shard-3-of-8": names the share's files.
  std::string name() const;
};

// Parses "K/N" with 1 <= K <= N; throws ConfigError naming `option` otherwise.
ShardSpec parse_shard(const std::string& text, const std::string& option = "--shard");

// The share of this Slurm array task: SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN,
// among SLURM_ARRAY_TASK_COUNT (for `--shard slurm` in a hand-written sbatch script over a
// contiguous array). Throws ConfigError outside an array task.
ShardSpec shard_from_slurm_environment();

// The runs of `plan` in share `shard`: plan positions index-1, index-1+count, ... Interleaving
// rather than cutting the plan into blocks spreads every grid value over the shares, so the
// shares take about as long as each other when, say, a larger K makes runs slower.
SweepPlan select_shard(const SweepPlan& plan, const ShardSpec& shard);

// A name-based UUID of the whole plan: the sweep name and every run's identity in plan order.
// Shards of one sweep carry the same fingerprint; `gantry merge` refuses to mix fingerprints.
std::string plan_fingerprint(const std::string& sweep_name, const SweepPlan& plan);

}  // namespace gantry
