#include "gantry/analysis/report/group_effect.hpp"

#include <algorithm>

#include "gantry/analysis/report/verdict.hpp"
#include "gantry/analysis/stats/descriptive.hpp"
#include "gantry/analysis/stats/holm.hpp"
#include "gantry/analysis/stats/mann_whitney.hpp"
#include "gantry/base/number_format.hpp"

namespace gantry::analysis {
namespace {

std::string grouping_name(const Report& report) {
  std::string text;
  for (const auto& key : report.request.group_by) text += (text.empty() ? "" : ", ") + key;
  return text;
}

std::string seed_noise_clause(const std::optional<VarianceShare>& variance) {
  if (!variance) return "";
  return "; seed noise (variation within groups) explains " +
         format_percent(*variance->within_share) + " of its variance";
}

std::string conclusion(const Report& report, const GroupEffect& effect) {
  const double alpha = report.request.alpha;
  std::string grouping = grouping_name(report);
  if (effect.groups.size() < 2) {
    return "Fewer than two groups have a value of " + effect.metric + ": nothing to compare.";
  }
  if (!effect.test) {
    return "Every run has the same " + effect.metric +
           ": the data show no difference between groups and no seed noise.";
  }
  std::string statistic = "Kruskal-Wallis H = " + format_number(effect.test->h, 3) + ", " +
                          format_p(effect.test->p_value) +
                          ", epsilon-squared = " + format_number(effect.test->epsilon_squared, 2);
  bool some_pair_differs =
      std::any_of(effect.pairs.begin(), effect.pairs.end(),
                  [alpha](const PairwiseComparison& pair) { return pair.p_adjusted < alpha; });
  if (effect.test->p_value < alpha && !some_pair_differs) {
    // Kruskal-Wallis' chi-squared approximation can fall below alpha where the exact pairwise
    // tests do not: with few runs a group the evidence is borderline, and the sentence says so.
    return "The groups may differ in " + effect.metric + " (" + statistic + ", below " +
           format_number(alpha, 3) +
           "), but no pair of groups differs after Holm adjustment: too few runs per group to "
           "say which" +
           seed_noise_clause(effect.variance) + ".";
  }
  if (effect.test->p_value < alpha) {
    return "The data support that " + grouping + " changes " + effect.metric + " (" + statistic +
           ")" + seed_noise_clause(effect.variance) + ".";
  }
  return "The data do not show that " + grouping + " changes " + effect.metric + " (" + statistic +
         ", not below " + format_number(alpha, 3) + ")" + seed_noise_clause(effect.variance) + ".";
}

}  // namespace

std::optional<GroupEffect> group_effect(const Report& report) {
  if (report.groups.size() < 2) return std::nullopt;
  GroupEffect effect;
  effect.metric = report.request.compare_metric;
  std::vector<std::vector<double>> samples;
  for (std::size_t i = 0; i < report.groups.size(); ++i) {
    std::vector<double> values;
    for (const auto& run : finished_values(report.groups[i].group, effect.metric)) {
      values.push_back(run.second);
    }
    if (values.empty()) continue;
    effect.groups.push_back(i);
    samples.push_back(std::move(values));
  }
  if (samples.size() >= 2) {
    effect.test = kruskal_wallis(samples);
    VarianceShare share = variance_share(samples);
    if (share.between_share) effect.variance = share;
    std::vector<double> p_values;
    for (std::size_t a = 0; a < samples.size(); ++a) {
      for (std::size_t b = a + 1; b < samples.size(); ++b) {
        PairwiseComparison pair;
        pair.first = effect.groups[a];
        pair.second = effect.groups[b];
        pair.median_difference = quantile(samples[a], 0.5) - quantile(samples[b], 0.5);
        pair.p_value = mann_whitney(samples[a], samples[b]).p_value;
        // Only the compared metric's pairs get a verdict: its seeds estimate is a bootstrap.
        add_pair_verdict(pair, samples[a], samples[b], report.request,
                         report.groups[pair.first].group.name(),
                         report.groups[pair.second].group.name());
        p_values.push_back(pair.p_value);
        effect.pairs.push_back(pair);
      }
    }
    std::vector<double> adjusted = holm_adjust(p_values);
    for (std::size_t i = 0; i < effect.pairs.size(); ++i) {
      PairwiseComparison& pair = effect.pairs[i];
      pair.p_adjusted = adjusted[i];
      pair.sentence = report.groups[pair.first].group.name() + " vs " +
                      report.groups[pair.second].group.name() + ": difference in median " +
                      effect.metric + " " + format_number(pair.median_difference, 3) + ", " +
                      format_p(pair.p_adjusted) + " after Holm adjustment" +
                      (pair.p_adjusted < report.request.alpha ? "" : " (not significant)");
    }
  }
  effect.conclusion = conclusion(report, effect);
  return effect;
}

}  // namespace gantry::analysis
