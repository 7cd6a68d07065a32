#include "search_progress.hpp"

#include "gantry/base/number_format.hpp"

namespace gantry::cli {

void SearchProgress::round_started(const RoundProgress& progress) {
  out_ << "round " << progress.round + 1 << ": seeds " << progress.seeds;
  if (!progress.length.empty()) out_ << " at length " << progress.length;
  out_ << "; " << progress.alive << " of " << progress.configurations << " configurations alive; "
       << progress.round_runs << " runs; spent " << progress.runs_spent;
  if (progress.budget) out_ << " of a budget of " << *progress.budget;
  out_ << "\n" << std::flush;
}

void SearchProgress::round_decided(const SearchRound& round,
                                   const std::vector<std::string>& labels) {
  if (round.test == RoundTest::none) return;
  out_ << "  " << round_test_text(round.test);
  if (round.p_value) out_ << ": " << format_p(*round.p_value);
  int eliminated = 0;
  for (const auto& decision : round.decisions) {
    if (decision.outcome != DecisionOutcome::eliminated) continue;
    out_ << (eliminated++ == 0 ? "; eliminated " : ", ") << labels.at(decision.configuration);
    if (decision.p_adjusted && round.test != RoundTest::median) {
      out_ << " (adjusted " << format_p(*decision.p_adjusted) << ")";
    }
  }
  if (eliminated == 0) out_ << "; none eliminated";
  out_ << "\n" << std::flush;
}

}  // namespace gantry::cli
