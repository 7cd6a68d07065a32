#include "gantry/analysis/report/overpowering.hpp"

#include <stdexcept>
#include <utility>

namespace gantry::analysis {
namespace {

// Walks a step-ordered curve alongside another: the value at `step`, if the curve has one.
class CurveCursor {
 public:
  explicit CurveCursor(const Curve& curve) : curve_(curve) {}
  std::optional<double> at(long long step) {
    while (next_ < curve_.size() && curve_[next_].first < step) ++next_;
    if (next_ < curve_.size() && curve_[next_].first == step) return curve_[next_].second;
    return std::nullopt;
  }

 private:
  const Curve& curve_;
  std::size_t next_ = 0;
};

}  // namespace

std::vector<EvaluationPoint> evaluation_points(const Curve& accuracy_real,
                                               const Curve& accuracy_fake, const Curve& mean_real,
                                               const Curve& mean_fake, const Curve& sign_real,
                                               const OverpoweringCriteria& criteria) {
  std::vector<EvaluationPoint> points;
  join_evaluation_points(accuracy_real, accuracy_fake, mean_real, mean_fake, sign_real, criteria,
                         points);
  return points;
}

void join_evaluation_points(const Curve& accuracy_real, const Curve& accuracy_fake,
                            const Curve& mean_real, const Curve& mean_fake, const Curve& sign_real,
                            const OverpoweringCriteria& criteria,
                            std::vector<EvaluationPoint>& points) {
  // The curves come from the database in step order, so one pass joins them.
  CurveCursor fake(accuracy_fake), real_means(mean_real), fake_means(mean_fake), signs(sign_real);
  points.clear();
  points.reserve(accuracy_real.size());
  for (const auto& [step, real] : accuracy_real) {
    std::optional<double> on_fake = fake.at(step);
    if (!on_fake) continue;
    EvaluationPoint point;
    point.step = step;
    point.accuracy_real = real;
    point.accuracy_fake = *on_fake;
    point.balanced_accuracy = (real + *on_fake) / 2.0;
    auto real_mean = real_means.at(step);
    auto fake_mean = fake_means.at(step);
    if (real_mean && fake_mean) point.gap = *real_mean - *fake_mean;
    point.sign_real = signs.at(step);
    point.dominated = point.balanced_accuracy >= criteria.threshold;
    point.collapsed =
        real <= criteria.collapse_tolerance && *on_fake >= 1.0 - criteria.collapse_tolerance;
    points.push_back(point);
  }
}

RunOverpowering assess_run(std::int64_t run_id, std::vector<EvaluationPoint> points,
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
  result.points = std::move(points);
  return result;
}

}  // namespace gantry::analysis
