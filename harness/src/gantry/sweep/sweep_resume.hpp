// What a sweep must run of its plan, given what the database already holds of it: the same
// decision (resume_policy.hpp) for every planned run, from the sweep's recorded runs read once.
// A real sweep runs what it decides; `gantry sweep --dry-run` only counts it.
#pragma once

#include <cstddef>
#include <vector>

#include "gantry/store/recorded_runs.hpp"
#include "gantry/sweep/sweep_plan.hpp"

namespace gantry {

// How many planned runs each decision took.
struct ResumeCounts {
  int to_run = 0;             // would be executed
  int to_run_again = 0;       // of those, already recorded: failed and retried, or left running
  int recorded_finished = 0;  // finished earlier: skipped
  int recorded_failed = 0;    // failed earlier and not retried: skipped
  int busy = 0;               // being run by another live gantry process: left to it

  ResumeCounts& operator+=(const ResumeCounts& other);
};

// The runs to execute and the tally of all decisions.
struct ResumeDecisions {
  std::vector<std::size_t> to_run;  // positions in the plan, in plan order
  ResumeCounts counts;
};

ResumeDecisions decide_resume(const SweepPlan& plan, const RecordedRuns& recorded,
                              const ResumePolicy& policy);

}  // namespace gantry
