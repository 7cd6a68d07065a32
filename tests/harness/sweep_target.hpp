// Where an in-process sweep test records: a database and an artifacts directory in `dir`.
#pragma once

#include "gantry/sweep/sweep_job.hpp"
#include "test_support.hpp"

namespace gantry::testing {

inline SweepTarget target_in(const ScratchDir& dir) {
  SweepTarget target;
  target.db = (dir / "results.sqlite").string();
  target.artifacts = (dir / "artifacts").string();
  target.command_line = "test";
  return target;
}

}  // namespace gantry::testing
