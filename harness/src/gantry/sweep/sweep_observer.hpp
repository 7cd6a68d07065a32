// What a running sweep tells whoever watches it. The engine writes nothing itself: the command
// line draws a progress bar from these calls, a test counts them, a search strategy may act on
// them.
#pragma once

#include <string>

namespace gantry {

// One run this process set out to execute, as it ended.
struct RunEnded {
  std::string label;  // "run 12 (seed=3 trainer.k=2)"
  bool failed = false;
  std::string detail;  // the error when it failed, else its duration ("4.2s")
};

class SweepObserver {
 public:
  virtual ~SweepObserver() = default;
  // Before the first run: `planned` runs, of which `recorded` are recorded already and `busy`
  // are being run by another gantry process; both kinds are skipped.
  virtual void sweep_started(int planned, int recorded, int busy) = 0;
  // Called from the sweep's worker threads, one call at a time or concurrently.
  virtual void run_ended(const RunEnded& run) = 0;
  virtual void sweep_ended() = 0;
};

}  // namespace gantry
