#include "progress.hpp"

#include "gantry/base/number_format.hpp"

namespace gantry::cli {

void Progress::sweep_started(int planned, int recorded, int busy) {
  std::lock_guard lock(mutex_);
  // A search runs one sweep per round through the same display: each starts its count afresh.
  total_ = planned;
  already_done_ = recorded + busy;
  done_ = 0;
  failed_ = 0;
  started_ = std::chrono::steady_clock::now();
  if (recorded > 0) {
    out_ << recorded << " of " << total_ << " runs already recorded; skipping them\n";
  }
  if (busy > 0) {
    out_ << busy << " of " << total_
         << " runs are being run by another gantry process; leaving them to it (on another "
            "host, until its lease lapses: resources.lease_seconds)\n";
  }
  if (terminal_) redraw();
}

std::string Progress::eta_text() const {
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  int remaining = total_ - already_done_ - done_;
  if (done_ == 0) return "ETA --:--";
  // Assumes the runs still to come cost what the finished ones did on average.
  return "ETA " + format_duration(elapsed / done_ * remaining);
}

void Progress::redraw() {
  constexpr int kWidth = 30;
  int complete = already_done_ + done_;
  int filled = total_ == 0 ? kWidth : kWidth * complete / total_;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  out_ << "\r\033[K[" << bar << "] " << complete << "/" << total_ << " done, " << failed_
       << " failed, " << format_duration(elapsed) << " elapsed, " << eta_text() << std::flush;
}

void Progress::run_ended(const RunEnded& run) {
  const std::string& label = run.label;
  const bool failed = run.failed;
  const std::string& detail = run.detail;
  std::lock_guard lock(mutex_);
  ++done_;
  if (failed) ++failed_;
  if (terminal_) {
    if (failed) out_ << "\r\033[K" << label << " failed: " << detail << "\n";
    redraw();
  } else {
    out_ << "[" << already_done_ + done_ << "/" << total_ << "] " << label << " "
         << (failed ? "failed: " : "") << detail << " (" << eta_text() << ")\n"
         << std::flush;
  }
}

void Progress::sweep_ended() {
  std::lock_guard lock(mutex_);
  if (terminal_) out_ << "\n";
  out_ << std::flush;
}

}  // namespace gantry::cli
