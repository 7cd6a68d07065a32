// Search progress for people: a line as each round starts (round, configurations alive, runs
// spent against the budget), the runs as `gantry sweep` shows them, and a line for each round's
// decision (the test, its p-value and whom it eliminated).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gantry/search/search_job.hpp"
#include "progress.hpp"

namespace gantry::cli {

class SearchProgress final : public SearchObserver {
 public:
  SearchProgress(std::ostream& out, bool terminal) : out_(out), runs_(out, terminal) {}

  void sweep_started(int planned, int recorded, int busy) override {
    runs_.sweep_started(planned, recorded, busy);
  }
  void run_ended(const RunEnded& run) override { runs_.run_ended(run); }
  void sweep_ended() override { runs_.sweep_ended(); }
  void round_started(const RoundProgress& progress) override;
  void round_decided(const SearchRound& round, const std::vector<std::string>& labels) override;

 private:
  std::ostream& out_;
  Progress runs_;
};

}  // namespace gantry::cli
