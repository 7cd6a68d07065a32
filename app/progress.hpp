// Sweep progress for people: on a terminal, one redrawn line with a bar, runs done / failed /
// total and an ETA; elsewhere (logs, CI, Slurm), one plain line per finished run.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

#include "gantry/sweep/sweep_observer.hpp"

namespace gantry::cli {

class Progress final : public SweepObserver {
 public:
  Progress(std::ostream& out, bool terminal) : out_(out), terminal_(terminal) {}

  void sweep_started(int planned, int recorded, int busy) override;
  void run_ended(const RunEnded& run) override;
  void sweep_ended() override;

 private:
  void redraw();
  std::string eta_text() const;

  std::mutex mutex_;
  std::ostream& out_;
  bool terminal_;
  int total_ = 0;
  int already_done_ = 0;
  int done_ = 0;
  int failed_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace gantry::cli
