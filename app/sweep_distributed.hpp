// `gantry sweep` beyond one process: --shard K/N runs one share of the sweep; with --shard-dir
// the share runs in node-local scratch and is published to a shared directory (what each Slurm
// array task does); --slurm writes and submits the job array and its merge job instead of
// running anything here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli_common.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/run/run_executor.hpp"
#include "gantry/cluster/shard_workspace.hpp"
#include "gantry/cluster/slurm_script.hpp"

namespace gantry::cli {

struct DistributedArguments {
  std::string shard;  // "K/N", or "slurm" for the array task's own
  std::string shard_dir;
  std::string scratch;
  bool slurm = false;
  std::string array;
  SlurmResources resources;
  bool dry_run = false;
};

void add_distributed_options(po::options_description& options, DistributedArguments& args);

// Refuses combinations that make no sense (e.g. --array without --slurm).
void check_distributed(const DistributedArguments& args);

// --shard: narrows the plan to the share and, with --shard-dir, moves the store to scratch.
class ShardedSweep {
 public:
  // Does nothing when no --shard was given.
  ShardedSweep(const DistributedArguments& args, std::vector<PlannedRun>& plan,
               const std::string& sweep_name, StoreOptions& store);

  // A shard database is this task's alone: rows left "running" are earlier attempts'.
  bool sole_owner() const { return workspace_.has_value(); }
  void record(ResultsDb& db, std::int64_t sweep_id) const;
  // Publishes the share to --shard-dir (when given) and says where it went.
  void publish(std::ostream& out) const;

 private:
  std::optional<ShardRecord> record_;
  std::optional<ShardWorkspace> workspace_;
};

// --slurm: prints (--dry-run) or writes and submits the scripts; returns the exit code.
int submit_to_slurm(const DistributedArguments& args, const std::vector<PlannedRun>& plan,
                    const std::string& sweep_name, const std::string& experiment,
                    std::vector<std::string> task_arguments, const StoreOptions& store);

}  // namespace gantry::cli
