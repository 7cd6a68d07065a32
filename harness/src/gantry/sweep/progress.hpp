// Sweep progress for people: on a terminal, one redrawn line with a bar, runs done / failed /
// total and an ETA; elsewhere (logs, CI, Slurm), one plain line per finished run.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

namespace gantry {

class Progress {
 public:
  // `total` runs in the plan, of which `recorded` were recorded earlier and `busy` are being run
  // by another gantry process; both are skipped.
  Progress(std::ostream& out, bool terminal, int total, int recorded, int busy);

  void run_ended(const std::string& label, bool failed, const std::string& detail);
  void message(const std::string& text);
  void finish();

  int failed() const { return failed_; }

 private:
  void redraw();
  std::string eta_text() const;

  std::mutex mutex_;
  std::ostream& out_;
  bool terminal_;
  int total_;
  int already_done_;
  int done_ = 0;
  int failed_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace gantry
