// A search as the results database records it (`gantry search`, docs/search.md): what it is,
// its configurations, its rounds and every decision with the test that made it. All of it is a
// function of the sweep's recorded runs; the database keeps it for reports and so that a rerun
// can check it is the same search.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gantry {

enum class SearchStrategy { race, halving, random, grid };
enum class SearchState { searching, ended };
// Why a search ended: one configuration left, the seeds or the budget spent, the last rung of
// successive halving done, or every planned run run (grid, random).
enum class SearchEnd { one_left, seeds_spent, budget_spent, rungs_done, all_run };
// The test that decided a round: none yet (too few seeds), Friedman across the configurations,
// Wilcoxon signed-rank between the last two, or the median ranking of successive halving.
enum class RoundTest { none, friedman, wilcoxon, median };
// The comparison of one configuration against the round's best.
enum class DecisionTest { conover, wilcoxon, median };
enum class DecisionOutcome { kept, eliminated };

struct SearchDecision {
  int configuration = 0;
  DecisionOutcome outcome = DecisionOutcome::kept;
  std::optional<int> against;  // the round's best configuration
  DecisionTest test = DecisionTest::conover;
  std::optional<double> statistic, p_value, p_adjusted;
  std::optional<double> median;  // of the metric over the seeds the round's test used
};

struct SearchRound {
  int round = 0;
  std::string seeds;   // the seeds the round ran: "1-5", "6"
  std::string length;  // successive halving: the rung's value of the length setting
  int alive = 0;       // configurations that ran in the round
  int runs = 0;        // runs the round planned
  RoundTest test = RoundTest::none;
  std::optional<double> statistic, p_value;
  std::vector<SearchDecision> decisions;
};

// What identifies a search; a rerun with another definition is refused.
struct SearchHeader {
  SearchStrategy strategy = SearchStrategy::race;
  std::string metric;
  bool maximize = false;
  double alpha = 0.05;
  std::optional<std::int64_t> budget;
  std::string definition;      // every setting of the search, one "key = value" line each
  std::int64_t grid_runs = 0;  // what every configuration on every seed would cost
};

struct SearchRecord {
  SearchHeader header;
  SearchState state = SearchState::searching;
  std::optional<SearchEnd> end;
  std::int64_t runs_spent = 0;
  std::vector<std::string> configurations;     // "trainer.k=3 model.lr=0.001", by index
  std::vector<std::optional<int>> eliminated;  // the round that eliminated each, by index
  std::vector<SearchRound> rounds;
};

// The texts the schema stores, and back (nothing for any other text).
const char* strategy_text(SearchStrategy strategy);
std::optional<SearchStrategy> parse_strategy(const std::string& text);
const char* end_text(SearchEnd end);
std::optional<SearchEnd> parse_end(const std::string& text);
const char* round_test_text(RoundTest test);
std::optional<RoundTest> parse_round_test(const std::string& text);
const char* decision_test_text(DecisionTest test);
std::optional<DecisionTest> parse_decision_test(const std::string& text);
const char* outcome_text(DecisionOutcome outcome);
// Why a search ended, for people: "one configuration left", "the seeds are spent", ...
const char* end_sentence(SearchEnd end);

}  // namespace gantry
