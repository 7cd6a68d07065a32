// The json format: one object with every number at full precision (nlohmann writes the
// shortest text that reads back as the same double), undefined statistics as null, and the run
// ids behind each group.
#include <nlohmann/json.hpp>

#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/render/search_section.hpp"
#include "gantry/analysis/report/verdict.hpp"

namespace gantry::analysis {
namespace {

using nlohmann::json;

template <typename T>
json optional_value(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json settings(const Report& report) {
  const ReportRequest& r = report.request;
  return {{"sweeps", r.sweeps},
          {"group_by", r.group_by},
          {"metrics", r.metrics},
          {"compare_metric", r.compare_metric},
          {"higher_is_better", r.higher_is_better},
          {"curve_metrics", r.curve_metrics},
          {"confidence", r.confidence},
          {"alpha", r.alpha},
          {"overpowering",
           {{"threshold", r.overpowering.threshold},
            {"window", r.overpowering.window},
            {"collapse_tolerance", r.overpowering.collapse_tolerance}}},
          {"seeds_needed",
           {{"power", r.seeds_needed.power},
            {"resamples", r.seeds_needed.resamples},
            {"max_seeds", r.seeds_needed.max_seeds},
            {"seed", r.seeds_needed.seed}}}};
}

json metric(const MetricStatistics& m) {
  json out = {{"n", m.finished},
              {"best_run", optional_value(m.best_run)},
              {"worst_run", optional_value(m.worst_run)},
              {"expected_best", m.expected_best}};
  if (m.summary) {
    const Summary& s = *m.summary;
    out.update({{"mean", s.mean},
                {"sd", optional_value(s.sd)},
                {"ci_low", optional_value(s.ci_low)},
                {"ci_high", optional_value(s.ci_high)},
                {"median", s.median},
                {"q1", s.q1},
                {"q3", s.q3},
                {"min", s.min},
                {"max", s.max},
                {"cv", optional_value(s.cv)}});
  }
  return out;
}

json survival(const SurvivalCurve& curve) {
  json steps = json::array();
  for (const SurvivalStep& step : curve.steps) {
    steps.push_back({{"step", step.time},
                     {"at_risk", step.at_risk},
                     {"events", step.events},
                     {"censored", step.censored},
                     {"survival", step.survival},
                     {"std_error", optional_value(step.std_error)},
                     {"lower", optional_value(step.lower)},
                     {"upper", optional_value(step.upper)}});
  }
  return {{"median", optional_value(curve.median)},
          {"median_lower", optional_value(curve.median_lower)},
          {"median_upper", optional_value(curve.median_upper)},
          {"steps", steps}};
}

json overpowering(const GroupOverpowering& o) {
  json runs = json::array();
  for (const RunOverpowering& run : o.runs) {
    runs.push_back({{"run_id", run.run_id},
                    {"evaluations", run.evaluations},
                    {"ever_dominated", run.ever_dominated},
                    {"onset_step", optional_value(run.onset_step)},
                    {"dominated_fraction", run.dominated_fraction},
                    {"ended_dominated", run.ended_dominated},
                    {"collapse_step", optional_value(run.collapse_step)},
                    {"ended_collapsed", run.ended_collapsed},
                    {"last_step", run.last_step},
                    {"final_balanced_accuracy", optional_value(run.final_balanced_accuracy)},
                    {"final_gap", optional_value(run.final_gap)},
                    {"final_sign_real", optional_value(run.final_sign_real)}});
  }
  json out = {{"runs", runs},
              {"ended_dominated", o.ended_dominated},
              {"collapsed", o.collapsed},
              {"ended_collapsed", o.ended_collapsed},
              {"mean_dominated_fraction", optional_value(o.mean_dominated_fraction)},
              {"overpowered", nullptr},
              {"onset", nullptr}};
  if (o.overpowered) {
    out["overpowered"] = {{"count", o.overpowered->successes},
                          {"of", o.overpowered->trials},
                          {"probability", o.overpowered->estimate},
                          {"low", o.overpowered->low},
                          {"high", o.overpowered->high}};
  }
  if (o.onset) out["onset"] = survival(*o.onset);
  return out;
}

json curves(const GroupReport& group, const std::vector<double>& probabilities) {
  json out = json::object();
  for (const GroupCurve& curve : group.curves) {
    json points = json::array();
    for (const CurvePoint& point : curve.points) {
      points.push_back({{"step", point.step},
                        {"runs", point.n},
                        {"mean", point.mean},
                        {"sd", optional_value(point.sd)},
                        {"quantiles", point.quantiles}});
    }
    out[curve.metric] = {{"probabilities", probabilities}, {"points", points}};
  }
  return out;
}

json effect(const Report& report, const GroupEffect& e) {
  json pairs = json::array();
  for (const PairwiseComparison& pair : e.pairs) {
    pairs.push_back({{"first", report.groups[pair.first].group.name()},
                     {"second", report.groups[pair.second].group.name()},
                     {"median_difference", pair.median_difference},
                     {"p_value", pair.p_value},
                     {"p_holm", pair.p_adjusted},
                     {"sentence", pair.sentence},
                     {"shift",
                      {{"estimate", pair.shift.estimate},
                       {"ci_low", pair.shift.ci_low},
                       {"ci_high", pair.shift.ci_high},
                       {"exact", pair.shift.exact}}},
                     {"cliffs_delta", pair.cliffs_delta},
                     {"seeds_needed", optional_value(pair.seeds_needed)},
                     {"seeds_verdict", seeds_verdict_name(pair.seeds_verdict)},
                     {"verdict", pair.verdict}});
  }
  json out = {{"metric", e.metric},
              {"pairs", pairs},
              {"conclusion", e.conclusion},
              {"kruskal_wallis", nullptr},
              {"variance", nullptr}};
  if (e.test) {
    out["kruskal_wallis"] = {{"h", e.test->h},
                             {"df", e.test->df},
                             {"p_value", e.test->p_value},
                             {"epsilon_squared", e.test->epsilon_squared}};
  }
  if (e.variance) {
    out["variance"] = {{"between_share", *e.variance->between_share},
                       {"within_share", *e.variance->within_share}};
  }
  return out;
}

}  // namespace

void write_json_report(std::ostream& out, const Report& report) {
  json groups = json::array();
  for (const GroupReport& group : report.groups) {
    json labels = json::object();
    for (const auto& [key, value] : group.group.labels) labels[key] = value;
    json metrics = json::object();
    for (const MetricStatistics& m : group.metrics) metrics[m.metric] = metric(m);
    groups.push_back({{"name", group.group.name()},
                      {"labels", labels},
                      {"run_ids", group.run_ids},
                      {"finished_ids", group.finished_ids},
                      {"failed_ids", group.failed_ids},
                      {"running_ids", group.running_ids},
                      {"metrics", metrics},
                      {"overpowering", overpowering(group.overpowering)},
                      {"curves", curves(group, report.curve_probabilities)}});
  }
  json document = {{"database", report.database},
                   {"settings", settings(report)},
                   {"groups", groups},
                   {"effect", report.effect ? effect(report, *report.effect) : json(nullptr)},
                   {"searches", searches_json(report)},
                   {"notes", report.notes}};
  // Parameter values are the user's text; invalid UTF-8 in one must not lose the whole report.
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace gantry::analysis
