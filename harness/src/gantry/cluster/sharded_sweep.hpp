// One share of a sweep (`gantry sweep --shard K/N`), between planning and running: the plan is
// narrowed to the share, and with a shard directory the share runs in node-local scratch and is
// published there when it stops (what each Slurm array task does; see shard_workspace.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "gantry/cluster/shard_workspace.hpp"
#include "gantry/sweep/sweep_job.hpp"

namespace gantry {

// Whether the share is to be run, or only previewed (--dry-run): then nothing is prepared in
// scratch and the target is the published share a task would resume from.
enum class ShardUse { run, preview };

struct ShardRequest {
  std::string shard;      // "K/N", "slurm" for this array task's share, or empty: no sharding
  std::string shard_dir;  // shared directory to publish to; empty: run in place
  std::string scratch;    // node-local scratch root; empty: $TMPDIR, else /tmp
};

class ShardedSweep {
 public:
  // Narrows sweep.plan to the share and records it in target; with a shard directory, prepares
  // scratch (resuming from what was published) and points target at it, or, to preview, points
  // target at the published share without touching anything. Does nothing when request.shard
  // is empty.
  ShardedSweep(const ShardRequest& request, PlannedSweep& sweep, SweepTarget& target,
               ShardUse use = ShardUse::run);

  // The scratch copy started from an earlier attempt's published share.
  bool resumed() const { return resumed_; }
  const std::optional<ShardWorkspace>& workspace() const { return workspace_; }

  // Publishes the share to the shard directory and removes scratch; returns the published
  // database, or nothing when the share runs in place.
  std::optional<std::filesystem::path> publish() const;

 private:
  std::optional<ShardWorkspace> workspace_;
  bool resumed_ = false;
};

}  // namespace gantry
