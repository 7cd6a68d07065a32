// The csv format: one long table, a row per number, so that any tool can filter and pivot it:
// section, group, run, step, metric, statistic, value. Numbers at full precision; an
// undefined statistic (the sd of one run) is an empty value, never NaN.
#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/render/search_section.hpp"
#include "gantry/analysis/report/verdict.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/text.hpp"

namespace gantry::analysis {
namespace {

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {
    out_ << "section,group,run,step,metric,statistic,value\n";
  }
  // Context of the rows that follow.
  void at(const std::string& section, const std::string& group = "", std::string run = "",
          std::string step = "", std::string metric = "") {
    prefix_ = csv_field(section) + ',' + csv_field(group) + ',' + run + ',' + step + ',' +
              csv_field(metric) + ',';
  }
  void row(const std::string& statistic, const std::string& value) {
    out_ << prefix_ << csv_field(statistic) << ',' << csv_field(value) << '\n';
  }
  void number(const std::string& statistic, double value) { row(statistic, format_exact(value)); }
  void number(const std::string& statistic, const std::optional<double>& value) {
    row(statistic, value ? format_exact(*value) : "");
  }
  void count(const std::string& statistic, std::size_t value) {
    row(statistic, std::to_string(value));
  }
  void ids(const std::string& statistic, const std::vector<std::int64_t>& ids) {
    std::string text;
    for (auto id : ids) text += (text.empty() ? "" : " ") + std::to_string(id);
    row(statistic, text);
  }

 private:
  std::ostream& out_;
  std::string prefix_;
};

void write_settings(CsvWriter& csv, const Report& report) {
  const ReportRequest& r = report.request;
  csv.at("settings");
  csv.row("database", report.database);
  std::string list;
  for (const auto& key : r.group_by) list += (list.empty() ? "" : " ") + key;
  csv.row("group_by", list);
  csv.row("compare_metric", r.compare_metric);
  csv.number("confidence", r.confidence);
  csv.number("alpha", r.alpha);
  csv.number("overpowering.threshold", r.overpowering.threshold);
  csv.count("overpowering.window", static_cast<std::size_t>(r.overpowering.window));
  csv.number("overpowering.collapse_tolerance", r.overpowering.collapse_tolerance);
  csv.number("seeds_needed.power", r.seeds_needed.power);
  csv.count("seeds_needed.resamples", r.seeds_needed.resamples);
  csv.count("seeds_needed.max_seeds", r.seeds_needed.max_seeds);
  csv.row("seeds_needed.seed", std::to_string(r.seeds_needed.seed));
}

void write_metric(CsvWriter& csv, const std::string& group, const MetricStatistics& m) {
  csv.at("metric", group, "", "", m.metric);
  csv.count("n", m.finished);
  if (!m.summary) return;
  const Summary& s = *m.summary;
  csv.number("mean", s.mean);
  csv.number("sd", s.sd);
  csv.number("ci_low", s.ci_low);
  csv.number("ci_high", s.ci_high);
  csv.number("median", s.median);
  csv.number("q1", s.q1);
  csv.number("q3", s.q3);
  csv.number("min", s.min);
  csv.number("max", s.max);
  csv.number("cv", s.cv);
  if (m.best_run) csv.row("best_run", std::to_string(*m.best_run));
  if (m.worst_run) csv.row("worst_run", std::to_string(*m.worst_run));
  // A section of its own, so that pivoting the metric section does not get N more columns.
  csv.at("expected_best", group, "", "", m.metric);
  for (std::size_t n = 1; n <= m.expected_best.size(); ++n) {
    csv.number("best_of_" + std::to_string(n), m.expected_best[n - 1]);
  }
}

void write_overpowering(CsvWriter& csv, const std::string& group, const GroupOverpowering& o) {
  csv.at("overpowering", group);
  csv.count("runs", o.runs.size());
  if (o.overpowered) {
    csv.count("overpowered", o.overpowered->successes);
    csv.number("probability", o.overpowered->estimate);
    csv.number("probability_low", o.overpowered->low);
    csv.number("probability_high", o.overpowered->high);
  }
  csv.count("ended_dominated", o.ended_dominated);
  csv.count("collapsed", o.collapsed);
  csv.count("ended_collapsed", o.ended_collapsed);
  csv.number("mean_dominated_fraction", o.mean_dominated_fraction);
  if (o.onset) {
    csv.number("median_onset", o.onset->median);
    csv.number("median_onset_low", o.onset->median_lower);
    csv.number("median_onset_high", o.onset->median_upper);
    for (const SurvivalStep& step : o.onset->steps) {
      csv.at("survival", group, "", format_exact(step.time));
      csv.count("at_risk", step.at_risk);
      csv.count("events", step.events);
      csv.count("censored", step.censored);
      csv.number("survival", step.survival);
      csv.number("std_error", step.std_error);
      csv.number("lower", step.lower);
      csv.number("upper", step.upper);
    }
  }
  for (const RunOverpowering& run : o.runs) {
    csv.at("overpowering_run", group, std::to_string(run.run_id));
    csv.count("evaluations", run.evaluations);
    csv.count("ever_dominated", run.ever_dominated);
    csv.row("onset_step", run.onset_step ? std::to_string(*run.onset_step) : "");
    csv.number("dominated_fraction", run.dominated_fraction);
    csv.count("ended_dominated", run.ended_dominated);
    csv.row("collapse_step", run.collapse_step ? std::to_string(*run.collapse_step) : "");
    csv.count("ended_collapsed", run.ended_collapsed);
    csv.row("last_step", std::to_string(run.last_step));
    csv.number("final_balanced_accuracy", run.final_balanced_accuracy);
    csv.number("final_gap", run.final_gap);
    csv.number("final_sign_real", run.final_sign_real);
  }
}

void write_effect(CsvWriter& csv, const Report& report, const GroupEffect& effect) {
  csv.at("effect", "", "", "", effect.metric);
  if (effect.test) {
    csv.number("kruskal_wallis_h", effect.test->h);
    csv.count("df", static_cast<std::size_t>(effect.test->df));
    csv.number("p_value", effect.test->p_value);
    csv.number("epsilon_squared", effect.test->epsilon_squared);
  }
  if (effect.variance) {
    csv.number("between_share", effect.variance->between_share);
    csv.number("within_share", effect.variance->within_share);
  }
  csv.row("conclusion", effect.conclusion);
  for (const PairwiseComparison& pair : effect.pairs) {
    csv.at(
        "pairwise",
        report.groups[pair.first].group.name() + " vs " + report.groups[pair.second].group.name(),
        "", "", effect.metric);
    csv.number("median_difference", pair.median_difference);
    csv.number("p_value", pair.p_value);
    csv.number("p_holm", pair.p_adjusted);
    csv.row("sentence", pair.sentence);
    csv.number("shift", pair.shift.estimate);
    csv.number("shift_ci_low", pair.shift.ci_low);
    csv.number("shift_ci_high", pair.shift.ci_high);
    csv.count("shift_exact", pair.shift.exact);
    csv.number("cliffs_delta", pair.cliffs_delta);
    csv.row("seeds_needed", pair.seeds_needed ? std::to_string(*pair.seeds_needed) : "");
    csv.row("seeds_verdict", seeds_verdict_name(pair.seeds_verdict));
    csv.row("verdict", pair.verdict);
  }
}

}  // namespace

void write_csv_report(std::ostream& out, const Report& report) {
  CsvWriter csv(out);
  write_settings(csv, report);
  for (const GroupReport& group : report.groups) {
    std::string name = group.group.name();
    csv.at("group", name);
    csv.ids("run_ids", group.run_ids);
    csv.ids("finished_ids", group.finished_ids);
    csv.ids("failed_ids", group.failed_ids);
    csv.ids("running_ids", group.running_ids);
    for (const MetricStatistics& metric : group.metrics) write_metric(csv, name, metric);
    write_overpowering(csv, name, group.overpowering);
  }
  if (report.effect) write_effect(csv, report, *report.effect);
  write_search_csv(out, report);
  csv.at("note");
  for (const auto& note : report.notes) csv.row("note", note);
}

}  // namespace gantry::analysis
