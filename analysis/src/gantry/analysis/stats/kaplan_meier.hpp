// The Kaplan-Meier estimate of a survival curve: the share of runs that have not yet hit an
// event (a mode collapse, a divergence) by each training step, using runs that stopped without
// the event (censored) for as long as they were observed instead of dropping them.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace gantry::analysis {

struct SurvivalObservation {
  double time = 0;     // when the event happened, or when observation stopped
  bool event = false;  // false: censored (no event up to time)
};

// One row of the curve, at a time with at least one event (the rows of R's
// summary(survfit(...))). Censor-only times get no row: the estimate does not change there.
struct SurvivalStep {
  double time = 0;
  std::size_t at_risk = 0;  // observations with time >= this time
  std::size_t events = 0;   // events at this time
  // Observations censored at this time or later but before the next event time (to the end for
  // the last row), so that the next row's at_risk is at_risk - events - censored. Censored at
  // an event time means still at risk at it, the usual convention.
  std::size_t censored = 0;
  double survival = 0;  // S(t), product of (1 - events / at_risk) over rows up to this one
  // Greenwood standard error of S(t): S(t) sqrt(sum over rows up to t of d / (n (n - d))) with
  // n = at_risk, d = events. Empty when S(t) = 0 (every one at risk had the event, the sum is
  // infinite; R prints NaN).
  std::optional<double> std_error;
  // Pointwise confidence band on the log-log scale (Kalbfleisch & Prentice; R's
  // conf.type = "log-log", Stata's default): with sigma = sqrt(Greenwood sum) and z the normal
  // quantile at (1 + confidence) / 2, lower = S^exp(-z sigma / log S) and upper =
  // S^exp(z sigma / log S). It stays inside (0, 1) without clipping. Empty when S(t) = 0, where
  // log(-log S) does not exist (R gives NA). S(t) = 1 cannot occur on a row, as each has events.
  std::optional<double> lower, upper;
};

struct SurvivalCurve {
  std::vector<SurvivalStep> steps;
  std::size_t n = 0;  // observations; those censored before the first event are n - at_risk[0]
  // Median survival time, by the rule of R's quantile.survfit (survival 3.x), which print.survfit
  // reports: the first row time with S(t) <= 0.5. If S(t) equals 0.5 there (within
  // sqrt(machine epsilon)), the curve is flat at 0.5 until the next row, and the median is the
  // midpoint of the flat: (t + next row time) / 2, or (t + last observed time, censored or not)
  // / 2 when t is the last row. Empty when S(t) never falls to 0.5.
  std::optional<double> median;
  // Confidence interval for the median (Brookmeyer & Crowley, as survfit gives it): the same
  // rule applied to the lower band (median_lower) and to the upper band (median_upper). Rows
  // whose band is empty are skipped; each bound is empty when its band never falls to 0.5.
  std::optional<double> median_lower, median_upper;
};

// Throws std::invalid_argument for no observations, a non-finite time or a confidence outside
// (0, 1). Observations may come in any order; equal times are one row.
SurvivalCurve kaplan_meier(const std::vector<SurvivalObservation>& observations,
                           double confidence = 0.95);

}  // namespace gantry::analysis
