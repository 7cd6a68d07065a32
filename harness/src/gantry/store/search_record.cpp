#include "gantry/store/search_record.hpp"

#include <initializer_list>

namespace gantry {
namespace {

template <typename Enum>
std::optional<Enum> parse_with(const std::string& text, const char* (*to_text)(Enum),
                               std::initializer_list<Enum> all) {
  for (Enum value : all) {
    if (text == to_text(value)) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* strategy_text(SearchStrategy strategy) {
  switch (strategy) {
    case SearchStrategy::race:
      return "race";
    case SearchStrategy::halving:
      return "halving";
    case SearchStrategy::random:
      return "random";
    case SearchStrategy::grid:
      return "grid";
  }
  return "race";
}

std::optional<SearchStrategy> parse_strategy(const std::string& text) {
  return parse_with(text, strategy_text,
                    {SearchStrategy::race, SearchStrategy::halving, SearchStrategy::random,
                     SearchStrategy::grid});
}

const char* end_text(SearchEnd end) {
  switch (end) {
    case SearchEnd::one_left:
      return "one_left";
    case SearchEnd::seeds_spent:
      return "seeds_spent";
    case SearchEnd::budget_spent:
      return "budget_spent";
    case SearchEnd::rungs_done:
      return "rungs_done";
    case SearchEnd::all_run:
      return "all_run";
  }
  return "all_run";
}

std::optional<SearchEnd> parse_end(const std::string& text) {
  return parse_with(text, end_text,
                    {SearchEnd::one_left, SearchEnd::seeds_spent, SearchEnd::budget_spent,
                     SearchEnd::rungs_done, SearchEnd::all_run});
}

const char* round_test_text(RoundTest test) {
  switch (test) {
    case RoundTest::none:
      return "none";
    case RoundTest::friedman:
      return "friedman";
    case RoundTest::wilcoxon:
      return "wilcoxon";
    case RoundTest::median:
      return "median";
  }
  return "none";
}

std::optional<RoundTest> parse_round_test(const std::string& text) {
  return parse_with(text, round_test_text,
                    {RoundTest::none, RoundTest::friedman, RoundTest::wilcoxon, RoundTest::median});
}

const char* decision_test_text(DecisionTest test) {
  switch (test) {
    case DecisionTest::conover:
      return "conover";
    case DecisionTest::wilcoxon:
      return "wilcoxon";
    case DecisionTest::median:
      return "median";
  }
  return "conover";
}

std::optional<DecisionTest> parse_decision_test(const std::string& text) {
  return parse_with(text, decision_test_text,
                    {DecisionTest::conover, DecisionTest::wilcoxon, DecisionTest::median});
}

const char* outcome_text(DecisionOutcome outcome) {
  return outcome == DecisionOutcome::eliminated ? "eliminated" : "kept";
}

const char* end_sentence(SearchEnd end) {
  switch (end) {
    case SearchEnd::one_left:
      return "one configuration left";
    case SearchEnd::seeds_spent:
      return "the seeds are spent";
    case SearchEnd::budget_spent:
      return "the budget is spent";
    case SearchEnd::rungs_done:
      return "the last rung is done";
    case SearchEnd::all_run:
      return "every configuration ran on every seed";
  }
  return "";
}

}  // namespace gantry
