// `gantry sweep` beyond one process: --shard K/N runs one share of the sweep; with --shard-dir
// the share runs in node-local scratch and is published to a shared directory (what each Slurm
// array task does); --slurm writes and submits the job array and its merge job instead of
// running anything here.
#pragma once

#include <string>
#include <vector>

#include "cli_common.hpp"
#include "gantry/cluster/sharded_sweep.hpp"
#include "gantry/cluster/slurm_script.hpp"
#include "gantry/sweep/sweep_job.hpp"

namespace gantry::cli {

struct DistributedArguments {
  std::string shard;  // "K/N", or "slurm" for the array task's own
  std::string shard_dir;
  std::string scratch;
  bool slurm = false;
  std::string array;
  SlurmResources resources;
  bool dry_run = false;  // --dry-run: with or without --slurm
};

void add_distributed_options(po::options_description& options, DistributedArguments& args);

// Refuses combinations that make no sense (e.g. --array without --slurm).
void check_distributed(const DistributedArguments& args);

// --slurm: prints (--dry-run) or writes and submits the scripts; returns the exit code.
int submit_to_slurm(const DistributedArguments& args, const SweepRequest& request,
                    const PlannedSweep& sweep, const SweepTarget& target);

// The --shard, --shard-dir and --scratch arguments.
ShardRequest shard_request(const DistributedArguments& args);

}  // namespace gantry::cli
