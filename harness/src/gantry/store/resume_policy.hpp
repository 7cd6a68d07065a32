// Whether a planned run must be executed, given what the database already holds for it. One
// decision used twice: to plan a sweep's work, and again inside the write transaction that
// claims a run, so two gantry processes on one database never run the same run at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gantry/store/recorded_status.hpp"

namespace gantry {

// A run as it stands in the database, enough to decide whether to (re)run it.
struct ExistingRun {
  std::int64_t id;
  RecordedStatus status;
  std::string host;
  std::int64_t pid;
  std::int64_t process_start;  // the process's start time, so a reused pid is not mistaken for it
  std::int64_t attempt;
  // The lease of a running run (schema version 4): renewed at heartbeat_at (Unix seconds), it
  // lapses lease_seconds later. 0 and 0 for a row without one (merged from an older share).
  double heartbeat_at = 0;
  double lease_seconds = 0;
};

struct ResumePolicy {
  bool retry_failed = false;    // rerun runs recorded as failed
  bool rerun_finished = false;  // rerun finished runs too (`gantry run --rerun`)
  // This process is the database's only user (a Slurm array task's own shard database), so a
  // "running" row is always left over from an earlier attempt, even one on another host.
  bool sole_owner = false;
};

enum class RunDecision {
  execute,        // not recorded, interrupted, or asked for again
  skip_finished,  // finished earlier
  skip_failed,    // failed earlier, and failures are not retried
  skip_busy       // being run right now by another live gantry process
};

// `now`: Unix seconds, against which a running run's lease is judged.
RunDecision decide(const std::optional<ExistingRun>& existing, const ResumePolicy& policy,
                   double now);
// The current time in Unix seconds, as leases are written and judged.
double unix_seconds();

}  // namespace gantry
