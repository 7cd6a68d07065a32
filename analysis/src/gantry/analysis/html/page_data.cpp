#include "gantry/analysis/html/page_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>

#include "gantry/analysis/report/grouping.hpp"
#include "gantry/store/recorded_status.hpp"

namespace gantry::analysis::html {

using nlohmann::json;

json rounded(double value, int digits) {
  if (!std::isfinite(value)) return nullptr;
  char text[40];
  std::snprintf(text, sizeof text, "%.*g", digits, value);
  return std::strtod(text, nullptr);
}

namespace {

json rounded_array(const std::vector<float>& values, int digits) {
  json array = json::array();
  for (float value : values) array.push_back(rounded(value, digits));
  return array;
}

std::map<std::int64_t, std::size_t> group_of_runs(const Report& report) {
  std::map<std::int64_t, std::size_t> group_of;
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    for (std::int64_t id : report.groups[g].run_ids) group_of[id] = g;
  }
  return group_of;
}

json groups_json(const Report& report) {
  json groups = json::array();
  for (const GroupReport& group : report.groups) {
    json stats = json::object();
    for (const MetricStatistics& metric : group.metrics) {
      if (!metric.summary) continue;
      const Summary& s = *metric.summary;
      stats[metric.metric] = {{"median", rounded(s.median, kShownDigits)},
                              {"q1", rounded(s.q1, kShownDigits)},
                              {"q3", rounded(s.q3, kShownDigits)}};
    }
    groups.push_back({{"name", group.group.name()}, {"runs", group.run_ids}, {"stats", stats}});
  }
  return groups;
}

json run_json(const RunRecord& run, std::size_t group, const std::vector<std::string>& varied,
              const std::vector<std::string>& metrics) {
  json params = json::object();
  for (const auto& key : varied) {
    auto it = run.params.find(key);
    params[key] = it == run.params.end() ? "-" : it->second;
  }
  json values = json::object();
  for (const auto& metric : metrics) {
    auto it = run.summaries.find(metric);
    if (it != run.summaries.end()) values[metric] = rounded(it->second, kShownDigits);
  }
  json entry = {{"id", run.id},     {"sweep", run.sweep},
                {"seed", run.seed}, {"status", status_text(run.status)},
                {"group", group},   {"params", params},
                {"values", values}};
  if (run.wall_seconds) entry["wall"] = rounded(*run.wall_seconds, 3);
  if (!run.error.empty()) entry["error"] = run.error;
  return entry;
}

std::optional<std::size_t> probability_index(const Report& report, double p) {
  for (std::size_t i = 0; i < report.curve_probabilities.size(); ++i) {
    if (std::abs(report.curve_probabilities[i] - p) < 1e-12) return i;
  }
  return std::nullopt;
}

// The group's centre (median, else mean) and band (first to last quantile, else mean -+ sd) per
// column: over a column of several steps, the mean of the centres and the band's extremes.
json band_json(const Report& report, const GroupCurve& curve) {
  const auto median = probability_index(report, 0.5);
  const std::size_t columns = curve.columns.size();
  std::vector<double> sum(columns, 0), count(columns, 0);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> centre(columns, nan), low(columns, nan), high(columns, nan);
  for (const CurvePoint& point : curve.points) {
    std::size_t c = curve.columns.column_of(point.step);
    if (c == columns) continue;
    double mid = median ? point.quantiles[*median] : point.mean;
    double lo =
        point.quantiles.empty() ? point.mean - point.sd.value_or(0) : point.quantiles.front();
    double hi =
        point.quantiles.empty() ? point.mean + point.sd.value_or(0) : point.quantiles.back();
    sum[c] += mid;
    count[c] += 1;
    centre[c] = static_cast<float>(sum[c] / count[c]);
    low[c] = std::isnan(low[c]) ? static_cast<float>(lo) : std::min(low[c], static_cast<float>(lo));
    high[c] =
        std::isnan(high[c]) ? static_cast<float>(hi) : std::max(high[c], static_cast<float>(hi));
  }
  return {{"centre", rounded_array(centre, kDrawnDigits)},
          {"low", rounded_array(low, kDrawnDigits)},
          {"high", rounded_array(high, kDrawnDigits)}};
}

json run_envelopes_json(const GroupCurve& curve) {
  json runs = json::array();
  for (const RunCurveEnvelope& run : curve.runs) {
    runs.push_back(envelope_json(run.run_id, run.envelope, curve.columns.exact));
  }
  return runs;
}

json curves_json(const Report& report) {
  json curves = json::array();
  const auto& metrics = report.request.curve_metrics;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    json groups = json::array();
    for (std::size_t g = 0; g < report.groups.size(); ++g) {
      const GroupCurve& curve = report.groups[g].curves[m];
      if (curve.columns.size() == 0) continue;
      json entry = band_json(report, curve);
      entry["group"] = g;
      entry["columns"] = columns_json(curve.columns);
      entry["runs"] = run_envelopes_json(curve);
      groups.push_back(std::move(entry));
    }
    const bool median = probability_index(report, 0.5).has_value();
    curves.push_back(
        {{"metric", metrics[m]},
         {"centre", median ? "median" : "mean"},
         {"low_p", report.curve_probabilities.empty() ? json(nullptr)
                                                      : json(report.curve_probabilities.front())},
         {"high_p", report.curve_probabilities.empty() ? json(nullptr)
                                                       : json(report.curve_probabilities.back())},
         {"groups", groups}});
  }
  return curves;
}

}  // namespace

json columns_json(const StepColumns& columns) {
  if (columns.exact) return {{"exact", true}, {"steps", columns.first}};
  return {{"exact", false}, {"first", columns.first}, {"last", columns.last}};
}

json envelope_json(std::int64_t run_id, const CurveEnvelope& envelope, bool exact) {
  json entry = {{"run", run_id}, {"low", rounded_array(envelope.low, kDrawnDigits)}};
  if (!exact) entry["high"] = rounded_array(envelope.high, kDrawnDigits);
  return entry;
}

json figure_data(const Report& report, std::size_t run_curve_columns) {
  const std::vector<RunRecord>& runs = *report.runs;
  std::vector<std::string> varied = varying_parameters(runs);
  std::vector<std::string> metrics = report.request.metrics;
  auto group_of = group_of_runs(report);
  json runs_json = json::array();
  for (const RunRecord& run : runs) {
    auto it = group_of.find(run.id);
    if (it != group_of.end()) runs_json.push_back(run_json(run, it->second, varied, metrics));
  }
  return {{"groups", groups_json(report)},
          {"runs", runs_json},
          {"varied", varied},
          {"group_by", report.request.group_by},
          {"metrics", metrics},
          {"compare", report.request.compare_metric},
          {"search", !report.searches.empty()},
          {"higher_is_better", report.request.higher_is_better},
          {"curves", curves_json(report)},
          {"accuracy", accuracy_json(report, run_curve_columns)},
          {"survival", survival_json(report)}};
}

std::vector<std::int64_t> sample_runs(const Report& report, std::optional<std::int64_t> chosen,
                                      std::size_t limit) {
  std::vector<std::int64_t> ids;
  auto add = [&](std::int64_t id) {
    if (ids.size() < limit && std::find(ids.begin(), ids.end(), id) == ids.end()) {
      ids.push_back(id);
    }
  };
  if (chosen) add(*chosen);
  const std::string& compare = report.request.compare_metric;
  for (const GroupReport& group : report.groups) {
    for (const MetricStatistics& metric : group.metrics) {
      if (metric.metric == compare && metric.best_run) add(*metric.best_run);
    }
  }
  return ids;
}

}  // namespace gantry::analysis::html
