// `gantry sweep --dry-run`: the validated plan, what the database already holds of it and the
// first runs, printed; nothing is written. With --shard, the share; with --slurm, the job array
// (sweep_distributed.cpp prints its scripts too).
#pragma once

#include <ostream>
#include <string>

#include "gantry/sweep/sweep_job.hpp"
#include "gantry/sweep/sweep_preview.hpp"
#include "sweep_distributed.hpp"

namespace gantry::cli {

// Runs listed by name in a dry run: enough to check the grid and seeds vary as meant.
inline constexpr std::size_t kDryRunRunsShown = 5;

// `title` names what is previewed ("sweep 'x2'"), `recorded_in` the database(s) read.
void print_preview(std::ostream& out, const std::string& title, const std::string& recorded_in,
                   const SweepPreview& preview);

// The sweep (or its --shard share) previewed against its --db; returns the exit code.
int dry_run_here(const DistributedArguments& args, PlannedSweep& sweep, SweepTarget& target);

}  // namespace gantry::cli
