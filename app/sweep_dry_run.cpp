#include "sweep_dry_run.hpp"

#include <iostream>

#include "gantry/base/text.hpp"
#include "gantry/cluster/sharded_sweep.hpp"

namespace gantry::cli {

void print_preview(std::ostream& out, const std::string& title, const std::string& recorded_in,
                   const SweepPreview& preview) {
  const ResumeCounts& counts = preview.counts;
  out << "dry run of " << title << ": " << counted(preview.planned, "run") << " planned\n"
      << "recorded in " << recorded_in << " and skipped: " << counts.recorded_finished
      << " finished, " << counts.recorded_failed << " failed, " << counts.busy
      << " running in another gantry process\n"
      << "would run " << counts.to_run << " (" << counts.to_run_again
      << " of them recorded already: failed and retried, or left running)\n";
  if (counts.recorded_failed > 0) {
    out << "failed runs recorded earlier would be kept; --retry-failed runs them again\n";
  }
  if (!preview.first_runs.empty()) {
    out << "first runs:\n";
    for (const std::string& run : preview.first_runs) out << "  " << run << "\n";
  }
  out << "dry run: nothing written\n";
}

int dry_run_here(const DistributedArguments& args, PlannedSweep& sweep, SweepTarget& target) {
  ShardedSweep share(shard_request(args), sweep, target, ShardUse::preview);
  std::string title = "sweep '" + sweep.name + "'";
  if (target.shard) {
    title += ", share " + std::to_string(target.shard->index) + "/" +
             std::to_string(target.shard->count) + " of its " +
             std::to_string(target.shard->plan_runs) + " runs";
  }
  print_preview(std::cout, title, target.db, preview_sweep(sweep, target, kDryRunRunsShown));
  return kSuccess;
}

}  // namespace gantry::cli
