// What a sweep would do, without doing any of it (`gantry sweep --dry-run`): how many runs the
// validated plan holds, what the database already holds of them, decided exactly as the real
// sweep would decide, and the first few runs. Nothing is created or written: the database is
// read only if it exists, and no artifacts directory or sweep row appears.
#pragma once

#include <string>
#include <vector>

#include "gantry/sweep/sweep_job.hpp"
#include "gantry/sweep/sweep_resume.hpp"

namespace gantry {

// What a dry run reports.
struct SweepPreview {
  int planned = 0;
  ResumeCounts counts;
  std::vector<std::string> first_runs;  // "seed=3 trainer.k=2", in plan order
};

// `plan` (a sweep's, or one share of it) against the database at `db`, with `policy`; lists
// the first `shown` runs.
SweepPreview preview_plan(const SweepPlan& plan, const std::string& sweep_name,
                          const std::string& db, const ResumePolicy& policy, std::size_t shown);

// The planned sweep against its target, deciding as execute_sweep would.
SweepPreview preview_sweep(const PlannedSweep& sweep, const SweepTarget& target, std::size_t shown);

// The first `shown` runs of the plan, described as the sweep's progress names them.
std::vector<std::string> describe_first_runs(const SweepPlan& plan, std::size_t shown);

}  // namespace gantry
