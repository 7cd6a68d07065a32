// A planned sweep as a Slurm job array and its merge job: what each task runs (the sweep's own
// arguments with absolute paths, and its share), where the shards and logs go, and how many
// tasks there are. submit_slurm_sweep (slurm_submit.hpp) then writes and submits the scripts.
#pragma once

#include <string>
#include <vector>

#include "gantry/cluster/slurm_script.hpp"
#include "gantry/sweep/sweep_job.hpp"
#include "gantry/sweep/sweep_preview.hpp"

namespace gantry {

struct SlurmRequest {
  std::string array;  // "8" or "8%2"
  SlurmResources resources;
  std::string shard_dir;  // empty: gantry-shards/<sweep> beside the merged database
  std::string scratch;    // empty: $TMPDIR on the node, else /tmp
};

// The job array of `sweep` as `request` asks for it, at most one task per run; `target` is the
// merged database and artifacts directory.
SlurmSweep slurm_sweep_for(const SlurmRequest& request, const SweepRequest& sweep_request,
                           const PlannedSweep& sweep, const SweepTarget& target);

// What the job array would do: the runs of every task's share against that share's published
// database in the shard directory (each task's own, so "running" rows there are stale), added
// up; the first `shown` runs of the whole plan. Reads only what exists, writes nothing.
SweepPreview preview_slurm_sweep(const SlurmSweep& slurm, const PlannedSweep& sweep,
                                 std::size_t shown);

// What each array task passes to `gantry sweep` after the experiment file: this sweep's own
// arguments, with paths made absolute because the task runs elsewhere. A task runs as many
// runs at once as it has CPUs, so unless the user or the experiment chose the threads per run,
// each run gets one (the submitting machine's cores say nothing about the task's).
std::vector<std::string> slurm_task_arguments(const SweepRequest& request,
                                              const std::string& sweep_name,
                                              bool experiment_sets_threads);

}  // namespace gantry
