// Descriptive statistics of one sample: what `gantry report` prints for a metric across seeds
// (mean with a t interval, spread, quartiles) and per step of a training curve.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace gantry::analysis {

// The p-quantile (0 <= p <= 1) by linear interpolation between order statistics: Hyndman & Fan
// (1996) type 7, the default of R's quantile() and of numpy.quantile. With x sorted ascending
// and h = (n - 1) p, it is x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)]), so
// p = 0 gives the minimum and p = 1 the maximum. The values need not be sorted (they are taken
// by value and sorted here). Throws std::invalid_argument for no values, a non-finite value or
// p outside [0, 1].
double quantile(std::vector<double> values, double p);

// quantile() for values already sorted ascending (not checked): for callers that need several
// quantiles of one sample and sort it once.
double quantile_of_sorted(const std::vector<double>& sorted, double p);

// Location, spread and a confidence interval for the mean of one sample. Statistics that do not
// exist for the sample are empty rather than NaN.
struct Summary {
  std::size_t n = 0;
  double mean = 0;
  // Sample standard deviation (divisor n - 1); empty when n < 2.
  std::optional<double> sd;
  // Two-sided interval for the mean, mean -+ t(df = n - 1) * sd / sqrt(n) with t the Student t
  // quantile at (1 + confidence) / 2 (scipy.stats.t.interval); empty when n < 2. It assumes the
  // values are a sample from a roughly normal distribution; with few seeds that is all we have.
  std::optional<double> ci_low, ci_high;
  // Type 7 quantiles (see quantile()); q1 and q3 are the 0.25 and 0.75 quantiles.
  double median = 0, q1 = 0, q3 = 0, min = 0, max = 0;
  // Coefficient of variation sd / |mean|, the seed-to-seed spread relative to the level; empty
  // when sd is empty or the mean is 0.
  std::optional<double> cv;
};

// Throws std::invalid_argument for no values, a non-finite value or a confidence outside (0, 1).
Summary summarize(const std::vector<double>& values, double confidence = 0.95);

// The statistics of one point of a curve aggregated over runs (e.g. the metric at one training
// step across seeds): enough to draw a mean line with quantile bands.
struct CurveStats {
  std::size_t n = 0;
  double mean = 0;
  std::optional<double> sd;  // divisor n - 1; empty when n < 2
  // Type 7 quantiles, one per requested probability, in the order requested.
  std::vector<double> quantiles;
};

// Throws std::invalid_argument for no values, a non-finite value or a probability outside [0, 1].
CurveStats curve_stats(const std::vector<double>& values, const std::vector<double>& probabilities);

// curve_stats() for values already sorted ascending (not checked), which it then neither copies
// nor sorts: a curve across runs has one such sample per step. The same numbers as curve_stats()
// of the sorted values.
CurveStats curve_stats_of_sorted(const std::vector<double>& sorted,
                                 const std::vector<double>& probabilities);

}  // namespace gantry::analysis
