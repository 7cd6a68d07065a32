// A search observer that shows nothing: for tests that only read a search's outcome.
#pragma once

#include <string>
#include <vector>

#include "gantry/search/search_job.hpp"

namespace gantry::testing {

class QuietObserver final : public SearchObserver {
 public:
  void sweep_started(int, int, int) override {}
  void run_ended(const RunEnded&) override {}
  void sweep_ended() override {}
  void round_started(const RoundProgress&) override {}
  void round_decided(const SearchRound&, const std::vector<std::string>&) override {}
};

}  // namespace gantry::testing
