#include "gantry/analysis/overpowering.hpp"

#include <map>
#include <stdexcept>

namespace gantry::analysis {
namespace {

std::map<long long, double> by_step(const Curve& curve) {
  return std::map<long long, double>(curve.begin(), curve.end());
}

std::optional<double> at(const std::map<long long, double>& values, long long step) {
  auto found = values.find(step);
  return found == values.end() ? std::nullopt : std::optional<double>(found->second);
}

}  // namespace

std::vector<EvaluationPoint> evaluation_points(const Curve& accuracy_real,
                                               const Curve& accuracy_fake, const Curve& mean_real,
                                               const Curve& mean_fake, const Curve& sign_real,
                                               const OverpoweringCriteria& criteria) {
  auto fake = by_step(accuracy_fake);
  auto real_means = by_step(mean_real);
  auto fake_means = by_step(mean_fake);
  auto signs = by_step(sign_real);
  std::vector<EvaluationPoint> points;
  for (const auto& [step, real] : accuracy_real) {
    std::optional<double> on_fake = at(fake, step);
    if (!on_fake) continue;
    EvaluationPoint point;
    point.step = step;
    point.accuracy_real = real;
    point.accuracy_fake = *on_fake;
    point.balanced_accuracy = (real + *on_fake) / 2.0;
    auto real_mean = at(real_means, step);
    auto fake_mean = at(fake_means, step);
    if (real_mean && fake_mean) point.gap = *real_mean - *fake_mean;
    point.sign_real = at(signs, step);
    point.dominated = point.balanced_accuracy >= criteria.threshold;
    point.collapsed =
        real <= criteria.collapse_tolerance && *on_fake >= 1.0 - criteria.collapse_tolerance;
    points.push_back(point);
  }
  return points;
}

RunOverpowering assess_run(std::int64_t run_id, const std::vector<EvaluationPoint>& points,
                           const OverpoweringCriteria& criteria) {
  if (points.empty()) {
    throw std::invalid_argument("run " + std::to_string(run_id) + " has no evaluations");
  }
  RunOverpowering result;
  result.run_id = run_id;
  result.evaluations = points.size();
  std::size_t dominated = 0;
  int streak = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const EvaluationPoint& point = points[i];
    streak = point.dominated ? streak + 1 : 0;
    dominated += point.dominated;
    if (streak == criteria.window && !result.onset_step) {
      result.ever_dominated = true;
      result.onset_step = points[i + 1 - static_cast<std::size_t>(criteria.window)].step;
    }
    if (point.collapsed && !result.collapse_step) result.collapse_step = point.step;
  }
  const EvaluationPoint& last = points.back();
  result.dominated_fraction = static_cast<double>(dominated) / static_cast<double>(points.size());
  result.ended_dominated = last.dominated;
  result.ended_collapsed = last.collapsed;
  result.last_step = last.step;
  result.final_balanced_accuracy = last.balanced_accuracy;
  result.final_gap = last.gap;
  result.final_sign_real = last.sign_real;
  result.points = points;
  return result;
}

}  // namespace gantry::analysis
