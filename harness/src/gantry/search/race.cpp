#include "gantry/search/race.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "gantry/analysis/stats/descriptive.hpp"
#include "gantry/analysis/stats/friedman.hpp"
#include "gantry/analysis/stats/holm.hpp"
#include "gantry/analysis/stats/wilcoxon_signed_rank.hpp"

namespace gantry {
namespace {

// Failures (+inf, NaN) become one value above every finite value, so they rank last and tie
// with each other; the tests need finite numbers.
std::vector<std::vector<double>> with_failures_last(std::vector<std::vector<double>> values) {
  double worst = 0;
  bool any = false;
  for (const auto& block : values) {
    for (double v : block) {
      if (std::isfinite(v)) {
        worst = any ? std::max(worst, v) : v;
        any = true;
      }
    }
  }
  double failed = any ? worst + std::max(1.0, std::abs(worst)) : 0.0;
  for (auto& block : values) {
    for (double& v : block) {
      if (!std::isfinite(v)) v = failed;
    }
  }
  return values;
}

std::vector<double> column(const std::vector<std::vector<double>>& values, std::size_t j) {
  std::vector<double> out;
  for (const auto& block : values) out.push_back(block[j]);
  return out;
}

std::optional<double> finite_median(const std::vector<std::vector<double>>& values, std::size_t j) {
  double median = column_median(values, j);
  return std::isnan(median) ? std::nullopt : std::optional<double>(median);
}

void decide_by_friedman(const std::vector<int>& alive, const std::vector<std::vector<double>>& raw,
                        const std::vector<std::vector<double>>& filled,
                        const RaceSettings& settings, SearchRound& round) {
  round.test = RoundTest::friedman;
  auto friedman = analysis::friedman(filled);
  if (!friedman) return;  // every block tied throughout: nothing to tell apart
  round.statistic = friedman->statistic;
  round.p_value = friedman->p_value;
  if (!(friedman->p_value < settings.alpha)) return;
  const auto& sums = friedman->rank_sums;
  auto best = static_cast<std::size_t>(std::min_element(sums.begin(), sums.end()) - sums.begin());
  std::vector<analysis::ConoverComparison> comparisons = analysis::conover_against(filled, best);
  std::vector<double> p_values;
  for (const auto& comparison : comparisons) p_values.push_back(comparison.p_value);
  std::vector<double> adjusted = analysis::holm_adjust(p_values);
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    SearchDecision decision;
    decision.configuration = alive[comparisons[i].treatment];
    decision.against = alive[best];
    decision.test = DecisionTest::conover;
    decision.statistic = comparisons[i].statistic;
    decision.p_value = comparisons[i].p_value;
    decision.p_adjusted = adjusted[i];
    decision.median = finite_median(raw, comparisons[i].treatment);
    decision.outcome =
        adjusted[i] < settings.alpha ? DecisionOutcome::eliminated : DecisionOutcome::kept;
    round.decisions.push_back(decision);
  }
}

void decide_by_wilcoxon(const std::vector<int>& alive, const std::vector<std::vector<double>>& raw,
                        const std::vector<std::vector<double>>& filled,
                        const RaceSettings& settings, SearchRound& round) {
  round.test = RoundTest::wilcoxon;
  std::vector<double> first = column(filled, 0), second = column(filled, 1);
  auto test = analysis::wilcoxon_signed_rank(first, second);
  round.statistic = test.statistic;
  round.p_value = test.p_value;
  // The better one has the lower sum of within-seed ranks: fewer seeds on which it lost.
  int first_wins = 0, second_wins = 0;
  for (std::size_t b = 0; b < first.size(); ++b) {
    first_wins += first[b] < second[b];
    second_wins += second[b] < first[b];
  }
  std::size_t worse = second_wins > first_wins ? 0 : 1;
  SearchDecision decision;
  decision.configuration = alive[worse];
  decision.against = alive[1 - worse];
  decision.test = DecisionTest::wilcoxon;
  decision.statistic = test.statistic;
  decision.p_value = test.p_value;
  decision.p_adjusted = test.p_value;  // one comparison: nothing to adjust
  decision.median = finite_median(raw, worse);
  decision.outcome =
      test.p_value < settings.alpha ? DecisionOutcome::eliminated : DecisionOutcome::kept;
  round.decisions.push_back(decision);
}

}  // namespace

double column_median(const std::vector<std::vector<double>>& values, std::size_t j) {
  std::vector<double> finite;
  for (const auto& block : values) {
    if (std::isfinite(block[j])) finite.push_back(block[j]);
  }
  if (finite.empty()) return std::numeric_limits<double>::quiet_NaN();
  return analysis::quantile(finite, 0.5);
}

SearchRound decide_race_round(const std::vector<int>& alive,
                              const std::vector<std::vector<double>>& values,
                              const RaceSettings& settings) {
  SearchRound round;
  round.alive = static_cast<int>(alive.size());
  if (alive.size() < 2 || values.size() < std::max<std::size_t>(settings.first_test, 2)) {
    return round;
  }
  std::vector<std::vector<double>> filled = with_failures_last(values);
  if (alive.size() == 2) {
    decide_by_wilcoxon(alive, values, filled, settings, round);
  } else {
    decide_by_friedman(alive, values, filled, settings, round);
  }
  return round;
}

SearchRound decide_halving_rung(const std::vector<int>& alive,
                                const std::vector<std::vector<double>>& values, double eta) {
  SearchRound round;
  round.alive = static_cast<int>(alive.size());
  round.test = RoundTest::median;
  std::vector<double> medians(alive.size());
  for (std::size_t j = 0; j < alive.size(); ++j) {
    medians[j] = column_median(values, j);
    if (std::isnan(medians[j])) medians[j] = std::numeric_limits<double>::infinity();
  }
  std::vector<std::size_t> order(alive.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return medians[a] < medians[b]; });
  auto keep = static_cast<std::size_t>(std::ceil(static_cast<double>(alive.size()) / eta));
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    std::size_t j = order[rank];
    SearchDecision decision;
    decision.configuration = alive[j];
    decision.against = alive[order.front()];
    decision.test = DecisionTest::median;
    if (std::isfinite(medians[j])) decision.median = medians[j];
    decision.outcome = rank < keep ? DecisionOutcome::kept : DecisionOutcome::eliminated;
    round.decisions.push_back(decision);
  }
  return round;
}

}  // namespace gantry
