#include "gantry/analysis/report/report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "gantry/analysis/report/group_effect.hpp"
#include "gantry/analysis/stats/expected_best.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/suggest.hpp"
#include "gantry/base/text.hpp"

namespace gantry::analysis {
namespace {

// Shown when no --metric is given, in this order, as far as the runs have them.
const std::vector<std::string> kStandardMetrics = {"eval.frechet_distance", "eval.energy_distance",
                                                   "eval.median_abs_residual",
                                                   "eval.median_fit_rmse", "g_loss"};
// Quantiles of the per-step curves across seeds: a 80% band, the quartiles and the median.
const std::vector<double> kCurveProbabilities = {0.1, 0.25, 0.5, 0.75, 0.9};

bool finished(const RunRecord* run) {
  return run->status == RecordedStatus::finished;
}

std::vector<std::string> summary_keys(const std::vector<RunRecord>& runs) {
  std::set<std::string> keys;
  for (const RunRecord& run : runs) {
    for (const auto& entry : run.summaries) keys.insert(entry.first);
  }
  return {keys.begin(), keys.end()};
}

void require_known(const std::string& metric, const std::vector<std::string>& known,
                   const std::string& option) {
  if (std::find(known.begin(), known.end(), metric) != known.end()) return;
  throw ConfigError("unknown metric '" + metric + "' (" + option +
                    "): no finished run has a summary of that name" + did_you_mean(metric, known) +
                    "; `gantry query \"SELECT DISTINCT key FROM summaries\"` lists them");
}

// A curve is of any key a finished run logged, a summary or not (d_loss_real has no summary).
void require_logged(ResultsSnapshot& snapshot, const std::string& metric,
                    const std::vector<RunRecord>& finished_runs,
                    const std::vector<std::string>& summaries) {
  if (std::find(summaries.begin(), summaries.end(), metric) != summaries.end()) return;
  for (const RunRecord& run : finished_runs) {
    if (snapshot.logged(run.id, metric)) return;
  }
  throw ConfigError("unknown metric '" + metric + "' (--curve): no finished run logged it" +
                    did_you_mean(metric, summaries) +
                    "; `gantry query \"SELECT DISTINCT key FROM metrics\"` lists them");
}

void resolve_metrics(ReportRequest& request, const std::vector<RunRecord>& runs,
                     ResultsSnapshot& snapshot) {
  std::vector<RunRecord> finished_runs;
  for (const RunRecord& run : runs) {
    if (run.status == RecordedStatus::finished) finished_runs.push_back(run);
  }
  std::vector<std::string> known = summary_keys(finished_runs);
  for (const auto& metric : request.metrics) require_known(metric, known, "--metric");
  for (const auto& metric : request.curve_metrics) {
    require_logged(snapshot, metric, finished_runs, known);
  }
  if (!request.compare_metric.empty()) {
    require_known(request.compare_metric, known, "--compare");
  }
  if (request.metrics.empty()) {
    for (const auto& metric : kStandardMetrics) {
      if (std::find(known.begin(), known.end(), metric) != known.end()) {
        request.metrics.push_back(metric);
      }
    }
    if (request.metrics.empty() && !known.empty()) request.metrics.push_back(known.front());
  }
  if (request.metrics.empty()) {
    throw ConfigError(
        "nothing to report: the finished runs have no summaries (`gantry runs` "
        "lists them)");
  }
  for (const auto& metric : request.higher_is_better) {
    require_known(metric, known, "--higher-is-better");
  }
  if (request.compare_metric.empty()) {
    request.compare_metric = request.metrics.front();
  }
  if (std::find(request.metrics.begin(), request.metrics.end(), request.compare_metric) ==
      request.metrics.end()) {
    request.metrics.push_back(request.compare_metric);
  }
  if (request.curve_metrics.empty() && request.curves_of_metrics) {
    request.curve_metrics = request.metrics;
  }
}

bool higher_is_better(const ReportRequest& request, const std::string& metric) {
  return std::find(request.higher_is_better.begin(), request.higher_is_better.end(), metric) !=
         request.higher_is_better.end();
}

MetricStatistics metric_statistics(const RunGroup& group, const std::string& metric,
                                   const ReportRequest& request) {
  MetricStatistics statistics;
  statistics.metric = metric;
  bool better_high = higher_is_better(request, metric);
  auto is_better = [better_high](double a, double b) { return better_high ? a > b : a < b; };
  std::vector<double> values;
  double best = 0, worst = 0;
  for (const auto& [run_id, value] : finished_values(group, metric)) {
    // Ties go to the lower run id, so the choice does not depend on anything but the data.
    if (values.empty() || is_better(value, best)) {
      best = value;
      statistics.best_run = run_id;
    }
    if (values.empty() || is_better(worst, value)) {
      worst = value;
      statistics.worst_run = run_id;
    }
    values.push_back(value);
  }
  statistics.finished = values.size();
  if (!values.empty()) {
    statistics.summary = summarize(values, request.confidence);
    statistics.expected_best = expected_best_of_n(values, better_high, values.size());
  }
  return statistics;
}

GroupCurve group_curve(ResultsSnapshot& snapshot, const RunGroup& group, const std::string& metric,
                       std::size_t run_curve_columns) {
  std::vector<Curve> curves;
  std::vector<std::int64_t> run_ids;
  for (const RunRecord* run : group.runs) {
    if (!finished(run)) continue;
    curves.push_back(snapshot.curve(run->id, metric));
    run_ids.push_back(run->id);
  }
  GroupCurve curve{metric, curve_across_runs(curves, kCurveProbabilities), {}, {}};
  if (run_curve_columns == 0) return curve;
  std::vector<const Curve*> read;
  for (const Curve& one : curves) read.push_back(&one);
  curve.columns = step_columns(read, run_curve_columns);
  for (std::size_t i = 0; i < curves.size(); ++i) {
    curve.runs.push_back({run_ids[i], curve_envelope(curves[i], curve.columns)});
  }
  return curve;
}

// D's evaluations of one run after another, read and joined in the same buffers each time (the
// joined points' buffer comes back by give_back when the report does not keep them).
class EvaluationReader {
 public:
  std::vector<EvaluationPoint> evaluation_points_of(ResultsSnapshot& snapshot, std::int64_t run_id,
                                                    const OverpoweringCriteria& criteria) {
    snapshot.read_curve(run_id, "eval.d_acc_real", accuracy_real_);
    snapshot.read_curve(run_id, "eval.d_acc_fake", accuracy_fake_);
    snapshot.read_curve(run_id, "eval.d_mean_real", mean_real_);
    snapshot.read_curve(run_id, "eval.d_mean_fake", mean_fake_);
    snapshot.read_curve(run_id, "eval.d_sign_real", sign_real_);
    join_evaluation_points(accuracy_real_, accuracy_fake_, mean_real_, mean_fake_, sign_real_,
                           criteria, points_);
    return std::move(points_);
  }
  void give_back(std::vector<EvaluationPoint> points) { points_ = std::move(points); }

 private:
  Curve accuracy_real_, accuracy_fake_, mean_real_, mean_fake_, sign_real_;
  std::vector<EvaluationPoint> points_;
};

GroupOverpowering group_overpowering(ResultsSnapshot& snapshot, const RunGroup& group,
                                     const ReportRequest& request) {
  GroupOverpowering result;
  const OverpoweringCriteria& criteria = request.overpowering;
  std::vector<SurvivalObservation> onsets;
  std::size_t overpowered = 0;
  std::vector<double> fractions;
  EvaluationReader reader;
  for (const RunRecord* run : group.runs) {
    // A failed run counts up to its failure: a diverged run may well be an overpowered one, so
    // dropping it would bias both the probability and the onset curve.
    if (run->status == RecordedStatus::running) continue;
    auto points = reader.evaluation_points_of(snapshot, run->id, criteria);
    if (points.empty()) {
      reader.give_back(std::move(points));
      continue;
    }
    RunOverpowering assessed = assess_run(run->id, std::move(points), criteria);
    if (!request.keep_evaluations) reader.give_back(std::exchange(assessed.points, {}));
    overpowered += assessed.ever_dominated;
    result.collapsed += assessed.collapse_step.has_value();
    result.ended_collapsed += assessed.ended_collapsed;
    result.ended_dominated += assessed.ended_dominated;
    fractions.push_back(assessed.dominated_fraction);
    // A run that never got dominated is censored at its last evaluation, not dropped.
    onsets.push_back(
        SurvivalObservation{static_cast<double>(assessed.onset_step.value_or(assessed.last_step)),
                            assessed.ever_dominated});
    result.runs.push_back(std::move(assessed));
  }
  if (!result.runs.empty()) {
    result.overpowered = wilson_interval(overpowered, result.runs.size(), request.confidence);
    result.onset = kaplan_meier(onsets, request.confidence);
    // Summed in value order, so the mean does not depend on run ids (see finished_values).
    std::sort(fractions.begin(), fractions.end());
    double fraction_sum = 0;
    for (double fraction : fractions) fraction_sum += fraction;
    result.mean_dominated_fraction = fraction_sum / static_cast<double>(result.runs.size());
  }
  return result;
}

GroupReport group_report(ResultsSnapshot& snapshot, RunGroup group, const ReportRequest& request) {
  GroupReport report;
  for (const RunRecord* run : group.runs) {
    report.run_ids.push_back(run->id);
    if (run->status == RecordedStatus::finished) report.finished_ids.push_back(run->id);
    if (run->status == RecordedStatus::failed) report.failed_ids.push_back(run->id);
    if (run->status == RecordedStatus::running) report.running_ids.push_back(run->id);
  }
  for (const auto& metric : request.metrics) {
    report.metrics.push_back(metric_statistics(group, metric, request));
  }
  for (const auto& metric : request.curve_metrics) {
    report.curves.push_back(group_curve(snapshot, group, metric, request.run_curve_columns));
  }
  report.overpowering = group_overpowering(snapshot, group, request);
  report.group = std::move(group);
  return report;
}

std::vector<std::string> notes_for(const Report& report) {
  std::vector<std::string> notes;
  std::size_t running = 0, failed = 0;
  bool any_sign = false;
  for (const GroupReport& group : report.groups) {
    running += group.running_ids.size();
    failed += group.failed_ids.size();
    if (group.finished_ids.empty()) {
      notes.push_back(group.group.name() +
                      " has no finished run: no statistics, and it is left out of the comparison");
    }
    if (group.finished_ids.size() == 1) {
      notes.push_back(group.group.name() +
                      " has one finished run: no spread and no interval for it");
    }
    for (const auto& run : group.overpowering.runs) any_sign |= run.final_sign_real.has_value();
  }
  if (report.request.group_by.empty()) {
    notes.push_back("no parameter varies across the selected runs: one group of all runs");
  }
  if (running > 0) {
    notes.push_back(counted(static_cast<long long>(running), "run") +
                    (running == 1 ? " is" : " are") +
                    " still running; the report covers the runs finished when it started");
  }
  if (failed > 0) {
    notes.push_back(counted(static_cast<long long>(failed), "run") + " failed and " +
                    (failed == 1 ? "is" : "are") +
                    " left out of the statistics (`gantry runs --status failed` shows the "
                    "errors)");
  }
  if (!any_sign) {
    notes.push_back(
        "the runs have no eval.d_sign_real (databases recorded before it was added "
        "lack it)");
  }
  return notes;
}

// The searches recorded for the sweeps the runs belong to, in the order the sweeps first appear.
std::vector<SweepSearch> searches_of(ResultsSnapshot& snapshot,
                                     const std::vector<RunRecord>& runs) {
  std::vector<SweepSearch> searches;
  std::set<std::string> seen;
  for (const RunRecord& run : runs) {
    if (!seen.insert(run.sweep).second) continue;
    if (auto record = snapshot.search(run.sweep))
      searches.push_back({run.sweep, std::move(*record)});
  }
  return searches;
}

}  // namespace

// The same config and seed recorded by two sweeps is one run repeated, not two seeds: pooling
// both would make the spread look smaller and the tests more confident than the data allow.
// Keeps the first finished copy (else the first), in id order; returns how many were dropped.
std::size_t drop_repeated_runs(std::vector<RunRecord>& runs) {
  std::map<std::string, std::size_t> kept;
  std::vector<RunRecord> unique;
  for (RunRecord& run : runs) {
    auto found = kept.find(run.identity);
    if (found == kept.end()) {
      kept.emplace(run.identity, unique.size());
      unique.push_back(std::move(run));
    } else if (unique[found->second].status != RecordedStatus::finished &&
               run.status == RecordedStatus::finished) {
      unique[found->second] = std::move(run);
    }
  }
  std::size_t dropped = runs.size() - unique.size();
  runs = std::move(unique);
  std::sort(runs.begin(), runs.end(),
            [](const RunRecord& a, const RunRecord& b) { return a.id < b.id; });
  return dropped;
}

Report build_report(ResultsSnapshot& snapshot, ReportRequest request) {
  std::vector<RunRecord> selected = snapshot.runs(request.sweeps);
  std::size_t repeated = drop_repeated_runs(selected);
  auto runs = std::make_shared<std::vector<RunRecord>>(std::move(selected));
  std::size_t finished_count = std::count_if(runs->begin(), runs->end(), [](const RunRecord& run) {
    return run.status == RecordedStatus::finished;
  });
  if (finished_count == 0) {
    std::size_t failed_count = std::count_if(runs->begin(), runs->end(), [](const RunRecord& run) {
      return run.status == RecordedStatus::failed;
    });
    throw ConfigError(
        "nothing to report: no finished runs in " +
        (request.sweeps.empty() ? "'" + snapshot.path() + "'" : "the selected sweeps") + " (" +
        std::to_string(runs->size()) + " runs: " + std::to_string(failed_count) + " failed, " +
        std::to_string(runs->size() - failed_count) + " still running; `gantry runs` lists them)");
  }
  resolve_metrics(request, *runs, snapshot);
  if (request.group_by.empty()) request.group_by = varying_parameters(*runs);

  Report report;
  report.database = snapshot.path();
  report.runs = runs;
  report.curve_probabilities = kCurveProbabilities;
  for (RunGroup& group : group_runs(*runs, request.group_by)) {
    report.groups.push_back(group_report(snapshot, std::move(group), request));
  }
  report.request = request;
  report.effect = group_effect(report);
  report.searches = searches_of(snapshot, *runs);
  report.notes = notes_for(report);
  if (repeated > 0) {
    report.notes.push_back(std::to_string(repeated) +
                           " runs repeat an identical run (same config and seed) of another "
                           "sweep and are counted once");
  }
  return report;
}

}  // namespace gantry::analysis
