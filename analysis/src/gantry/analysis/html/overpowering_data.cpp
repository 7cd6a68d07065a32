// The page's figures of discriminator overpowering: D's balanced accuracy per run and the
// survival of overpowering onset per group.
#include <algorithm>

#include "gantry/analysis/html/page_data.hpp"
#include "gantry/analysis/report/curve_columns.hpp"

namespace gantry::analysis::html {

using nlohmann::json;

namespace {

json accuracy_group_json(const GroupOverpowering& overpowering, std::size_t max_columns) {
  std::vector<Curve> curves;
  std::vector<const Curve*> read;
  for (const RunOverpowering& run : overpowering.runs) {
    Curve curve;
    for (const EvaluationPoint& point : run.points) {
      curve.emplace_back(point.step, point.balanced_accuracy);
    }
    curves.push_back(std::move(curve));
  }
  for (const Curve& curve : curves) read.push_back(&curve);
  StepColumns columns = step_columns(read, max_columns);
  json runs = json::array();
  for (std::size_t i = 0; i < curves.size(); ++i) {
    runs.push_back(envelope_json(overpowering.runs[i].run_id, curve_envelope(curves[i], columns),
                                 columns.exact));
  }
  return {{"columns", columns_json(columns)}, {"runs", runs}};
}

}  // namespace

json accuracy_json(const Report& report, std::size_t run_curve_columns) {
  json groups = json::array();
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupOverpowering& overpowering = report.groups[g].overpowering;
    if (overpowering.runs.empty()) continue;
    json entry = accuracy_group_json(overpowering, run_curve_columns);
    entry["group"] = g;
    groups.push_back(std::move(entry));
  }
  return {{"threshold", report.request.overpowering.threshold}, {"groups", groups}};
}

json survival_json(const Report& report) {
  json groups = json::array();
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupOverpowering& overpowering = report.groups[g].overpowering;
    if (!overpowering.onset) continue;
    json steps = json::array();
    for (const SurvivalStep& step : overpowering.onset->steps) {
      steps.push_back({step.time, rounded(step.survival, kShownDigits),
                       step.lower ? rounded(*step.lower, kShownDigits) : json(nullptr),
                       step.upper ? rounded(*step.upper, kShownDigits) : json(nullptr)});
    }
    json censored = json::array();
    long long end = 0;
    for (const RunOverpowering& run : overpowering.runs) {
      end = std::max(end, run.last_step);
      if (!run.onset_step) censored.push_back(run.last_step);
    }
    groups.push_back({{"group", g},
                      {"n", overpowering.onset->n},
                      {"steps", steps},
                      {"censored", censored},
                      {"end", end}});
  }
  return {{"confidence", report.request.confidence}, {"groups", groups}};
}

}  // namespace gantry::analysis::html
