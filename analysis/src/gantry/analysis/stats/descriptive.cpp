#include "gantry/analysis/stats/descriptive.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/students_t.hpp>

#include "gantry/analysis/stats/input_checks.hpp"

namespace gantry::analysis {

namespace {

void require_probability(double p) {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantile: p must be in [0, 1]");
}

double mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

// Two-pass (centred) sum of squares: the one-pass formula loses every digit when the spread is
// small against the level, as with a converged metric across seeds.
std::optional<double> sample_sd(const std::vector<double>& values, double mean) {
  if (values.size() < 2) return std::nullopt;
  double squares = 0;
  for (double value : values) squares += (value - mean) * (value - mean);
  return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

// The mean and sd sum `values` in their given order (the last digit depends on it), the
// quantiles read `sorted`: the same sample in value order.
CurveStats statistics_of_curve_point(const std::vector<double>& values,
                                     const std::vector<double>& sorted,
                                     const std::vector<double>& probabilities) {
  CurveStats stats;
  stats.n = values.size();
  stats.mean = mean_of(values);
  stats.sd = sample_sd(values, stats.mean);
  stats.quantiles.reserve(probabilities.size());
  for (double p : probabilities) stats.quantiles.push_back(quantile_of_sorted(sorted, p));
  return stats;
}

}  // namespace

double quantile_of_sorted(const std::vector<double>& sorted, double p) {
  double h = static_cast<double>(sorted.size() - 1) * p;
  auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  double fraction = h - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

double quantile(std::vector<double> values, double p) {
  detail::require_nonempty_finite(values, "quantile");
  require_probability(p);
  std::sort(values.begin(), values.end());
  return quantile_of_sorted(values, p);
}

Summary summarize(const std::vector<double>& values, double confidence) {
  detail::require_nonempty_finite(values, "summarize");
  detail::require_confidence(confidence, "summarize");
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());

  Summary summary;
  summary.n = values.size();
  summary.mean = mean_of(values);
  summary.sd = sample_sd(values, summary.mean);
  if (summary.sd) {
    boost::math::students_t t(static_cast<double>(summary.n - 1));
    double t_value = boost::math::quantile(boost::math::complement(t, (1.0 - confidence) / 2.0));
    double half_width = t_value * *summary.sd / std::sqrt(static_cast<double>(summary.n));
    summary.ci_low = summary.mean - half_width;
    summary.ci_high = summary.mean + half_width;
    if (summary.mean != 0.0) summary.cv = *summary.sd / std::abs(summary.mean);
  }
  summary.median = quantile_of_sorted(sorted, 0.5);
  summary.q1 = quantile_of_sorted(sorted, 0.25);
  summary.q3 = quantile_of_sorted(sorted, 0.75);
  summary.min = sorted.front();
  summary.max = sorted.back();
  return summary;
}

CurveStats curve_stats(const std::vector<double>& values,
                       const std::vector<double>& probabilities) {
  detail::require_nonempty_finite(values, "curve_stats");
  for (double p : probabilities) require_probability(p);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  return statistics_of_curve_point(values, sorted, probabilities);
}

CurveStats curve_stats_of_sorted(const std::vector<double>& sorted,
                                 const std::vector<double>& probabilities) {
  detail::require_nonempty_finite(sorted, "curve_stats_of_sorted");
  for (double p : probabilities) require_probability(p);
  return statistics_of_curve_point(sorted, sorted, probabilities);
}

}  // namespace gantry::analysis
