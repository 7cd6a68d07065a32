#include "gantry/analysis/stats/kaplan_meier.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

#include "gantry/analysis/stats/input_checks.hpp"

namespace gantry::analysis {

namespace {

// R's quantile.survfit tolerance for "the curve equals 0.5 exactly".
const double kTolerance = std::sqrt(std::numeric_limits<double>::epsilon());

// Where a decreasing step curve (values at the row times; empty values skipped) first reaches
// 0.5, by R's rule: see SurvivalCurve::median. last_time is the last observed time.
std::optional<double> half_crossing(const std::vector<double>& times,
                                    const std::vector<std::optional<double>>& values,
                                    double last_time) {
  std::optional<std::size_t> at_half, below_half;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    if (!at_half && *values[i] <= 0.5 + kTolerance) at_half = i;
    if (!below_half && *values[i] <= 0.5 - kTolerance) below_half = i;
  }
  if (!at_half) return std::nullopt;
  // A flat at 0.5 that lasts to the end of the curve ends at the last observation.
  const auto& last = values.back();
  if (last && std::abs(*last - 0.5) < kTolerance) return (times[*at_half] + last_time) / 2.0;
  if (!below_half) return std::nullopt;  // only when the band after the flat is empty
  return (times[*at_half] + times[*below_half]) / 2.0;
}

// Fills std_error, lower and upper of each row from the running Greenwood sum.
void add_greenwood_band(std::vector<SurvivalStep>& steps, double confidence) {
  double z = boost::math::quantile(
      boost::math::complement(boost::math::normal(), (1.0 - confidence) / 2.0));
  double greenwood = 0;
  for (auto& step : steps) {
    if (step.survival == 0.0) continue;  // the last row; see SurvivalStep::std_error
    double n = static_cast<double>(step.at_risk), d = static_cast<double>(step.events);
    greenwood += d / (n * (n - d));
    double sigma = std::sqrt(greenwood);
    step.std_error = step.survival * sigma;
    // sigma is the delta-method standard error of log(-log S) times |log S|.
    double w = z * sigma / std::log(step.survival);
    step.lower = std::pow(step.survival, std::exp(-w));
    step.upper = std::pow(step.survival, std::exp(w));
  }
}

}  // namespace

SurvivalCurve kaplan_meier(const std::vector<SurvivalObservation>& observations,
                           double confidence) {
  if (observations.empty()) throw std::invalid_argument("kaplan_meier: no observations");
  detail::require_confidence(confidence, "kaplan_meier");
  for (const auto& observation : observations) {
    if (!std::isfinite(observation.time)) {
      throw std::invalid_argument("kaplan_meier: times must be finite");
    }
  }
  std::vector<SurvivalObservation> sorted = observations;
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.time < b.time; });

  SurvivalCurve curve;
  curve.n = sorted.size();
  std::size_t at_risk = sorted.size();
  double survival = 1.0;
  for (std::size_t start = 0; start < sorted.size();) {
    std::size_t events = 0, censored = 0, end = start;
    for (; end < sorted.size() && sorted[end].time == sorted[start].time; ++end) {
      ++(sorted[end].event ? events : censored);
    }
    if (events > 0) {
      survival *= 1.0 - static_cast<double>(events) / static_cast<double>(at_risk);
      // Exactly 0 when everyone at risk had the event (1 - n/n is exact).
      curve.steps.push_back({sorted[start].time, at_risk, events, censored, survival, {}, {}, {}});
    } else if (!curve.steps.empty()) {
      curve.steps.back().censored += censored;
    }
    at_risk -= end - start;
    start = end;
  }
  if (curve.steps.empty()) return curve;
  add_greenwood_band(curve.steps, confidence);

  std::vector<double> times;
  std::vector<std::optional<double>> survivals, lowers, uppers;
  for (const auto& step : curve.steps) {
    times.push_back(step.time);
    survivals.emplace_back(step.survival);
    lowers.push_back(step.lower);
    uppers.push_back(step.upper);
  }
  double last_time = sorted.back().time;
  curve.median = half_crossing(times, survivals, last_time);
  curve.median_lower = half_crossing(times, lowers, last_time);
  curve.median_upper = half_crossing(times, uppers, last_time);
  return curve;
}

}  // namespace gantry::analysis
