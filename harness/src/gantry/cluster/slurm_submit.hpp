// Submitting a Slurm sweep with the real sbatch: the job array, then the merge job with
// --dependency=afterany on it, so the merge runs however the tasks end. $GANTRY_SBATCH names
// another sbatch program (e.g. a wrapper that adds site options); by default `sbatch` on PATH.
#pragma once

#include <string>
#include <vector>

#include "gantry/cluster/slurm_script.hpp"

namespace gantry {

struct SlurmJobs {
  std::string array_job;
  std::string merge_job;
};

// `argv` as one shell command line, each word quoted where it needs to be.
std::string shell_command(const std::vector<std::string>& argv);

// The sbatch command lines, as submit_slurm_sweep runs them (for --dry-run and the log).
std::string array_submit_command(const SlurmSweep& sweep);
std::string merge_submit_command(const SlurmSweep& sweep, const std::string& array_job);

// Copies the experiment file and writes both scripts into sweep.shard_dir (creating it and its
// logs directory), then submits them. Throws GantryError with sbatch's own message when a
// submission fails.
SlurmJobs submit_slurm_sweep(const SlurmSweep& sweep);

}  // namespace gantry
