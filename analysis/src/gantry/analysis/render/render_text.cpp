// The table and markdown formats: the same sections, written aligned or as Markdown.
#include <algorithm>

#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/render/search_section.hpp"
#include "gantry/analysis/render/text_writer.hpp"

namespace gantry::analysis {
namespace {

// "1-4, 7" for run ids 1, 2, 3, 4, 7.
std::string id_ranges(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    text += (text.empty() ? "" : ", ") + std::to_string(ids[i]);
    if (j > i) text += "-" + std::to_string(ids[j]);
    i = j + 1;
  }
  return text.empty() ? "-" : text;
}

// id_ranges cut to fit a terminal table; csv and json carry every id.
std::string short_id_ranges(const std::vector<std::int64_t>& ids) {
  constexpr std::size_t kWidth = 36;
  std::string text = id_ranges(ids);
  if (text.size() <= kWidth) return text;
  text = text.substr(0, text.rfind(", ", kWidth - 4));
  return text + ", ...";
}

// What tables call each group: its name ("trainer.k=3"), or G1, G2, ... when some name is too
// long for side-by-side columns; the Runs table then gives each label's full name.
std::vector<std::string> group_labels(const Report& report) {
  constexpr std::size_t kLongestName = 18;
  std::vector<std::string> labels;
  bool short_names = true;
  for (const GroupReport& group : report.groups) {
    labels.push_back(group.group.name());
    short_names = short_names && display_width(labels.back()) <= kLongestName;
  }
  if (!short_names) {
    for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = "G" + std::to_string(i + 1);
  }
  return labels;
}

bool labels_are_names(const Report& report, const std::vector<std::string>& labels) {
  return report.groups.empty() || labels[0] == report.groups[0].group.name();
}

// The groups' labels and full names, when tables use labels.
TextTable legend_table(const Report& report, const std::vector<std::string>& labels) {
  TextTable table{{"group", "parameters"}, {}};
  table.left_columns = 2;
  for (std::size_t i = 0; i < report.groups.size(); ++i) {
    table.rows.push_back({labels[i], report.groups[i].group.name()});
  }
  return table;
}

TextTable groups_table(const Report& report, const std::vector<std::string>& labels) {
  TextTable table{{"group", "runs", "finished", "failed", "running", "run ids"}, {}};
  for (std::size_t i = 0; i < report.groups.size(); ++i) {
    const GroupReport& group = report.groups[i];
    table.rows.push_back(
        {labels[i], std::to_string(group.run_ids.size()), std::to_string(group.finished_ids.size()),
         std::to_string(group.failed_ids.size()), std::to_string(group.running_ids.size()),
         short_id_ranges(group.run_ids)});
  }
  return table;
}

TextTable metric_table(const Report& report, std::size_t metric,
                       const std::vector<std::string>& labels) {
  TextTable table{{"statistic"}, {}};
  std::vector<std::string> rows[] = {{"runs"},     {"mean"}, {"sd"}, {"95% CI of mean"},
                                     {"median"},   {"IQR"},  {"CV"}, {"best run"},
                                     {"worst run"}};
  rows[3][0] = confidence_label(report.request.confidence) + " CI of mean";
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    table.header.push_back(labels[g]);
    const MetricStatistics& stats = report.groups[g].metrics[metric];
    rows[0].push_back(std::to_string(stats.finished));
    if (!stats.summary) {
      for (std::size_t i = 1; i < std::size(rows); ++i) rows[i].push_back("-");
      continue;
    }
    const Summary& s = *stats.summary;
    rows[1].push_back(format_number(s.mean));
    rows[2].push_back(s.n < 2 ? "n=1: none" : format_number(s.sd));
    rows[3].push_back(s.n < 2 ? "n=1: none" : interval(s.ci_low, s.ci_high));
    rows[4].push_back(format_number(s.median));
    rows[5].push_back(format_number(s.q1) + " to " + format_number(s.q3));
    rows[6].push_back(format_number(s.cv, 3));
    rows[7].push_back(stats.best_run ? "#" + std::to_string(*stats.best_run) : "-");
    rows[8].push_back(stats.worst_run ? "#" + std::to_string(*stats.worst_run) : "-");
  }
  for (auto& row : rows) table.rows.push_back(std::move(row));
  return table;
}

std::string median_onset(const GroupOverpowering& overpowering) {
  if (!overpowering.onset) return "-";
  const SurvivalCurve& curve = *overpowering.onset;
  if (!curve.median) return "not reached";
  auto bound = [](const std::optional<double>& value) {
    return value ? format_number(*value) : std::string("not reached");
  };
  return format_number(*curve.median) + " [" + bound(curve.median_lower) + ", " +
         bound(curve.median_upper) + "]";
}

TextTable overpowering_table(const Report& report, const std::vector<std::string>& labels) {
  TextTable table{{"group", "runs", "overp.", "P [Wilson]", "median onset [band]", "dominated",
                   "ended dom.", "collapsed/end"},
                  {}};
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupOverpowering& o = report.groups[g].overpowering;
    std::string probability = "-";
    std::string count = "-";
    if (o.overpowered) {
      probability = format_number(o.overpowered->estimate, 3) + " [" +
                    format_number(o.overpowered->low, 3) + ", " +
                    format_number(o.overpowered->high, 3) + "]";
      count = std::to_string(o.overpowered->successes);
    }
    table.rows.push_back(
        {labels[g], std::to_string(o.runs.size()), count, probability, median_onset(o),
         o.mean_dominated_fraction ? format_percent(*o.mean_dominated_fraction) : "-",
         std::to_string(o.ended_dominated),
         std::to_string(o.collapsed) + " / " + std::to_string(o.ended_collapsed)});
  }
  return table;
}

TextTable pairs_table(const GroupEffect& effect, const std::vector<std::string>& labels) {
  TextTable table{{"pair", "diff. in median", "p", "p (Holm)"}, {}};
  for (const PairwiseComparison& pair : effect.pairs) {
    table.rows.push_back({labels[pair.first] + " vs " + labels[pair.second],
                          format_number(pair.median_difference), format_number(pair.p_value, 3),
                          format_number(pair.p_adjusted, 3)});
  }
  return table;
}

std::string settings_line(const Report& report) {
  const ReportRequest& r = report.request;
  std::string grouping;
  for (const auto& key : r.group_by) grouping += (grouping.empty() ? "" : ", ") + key;
  return "grouped by " + (grouping.empty() ? std::string("nothing") : grouping) + " (" +
         counted(static_cast<long long>(report.groups.size()), "group") + "); confidence " +
         confidence_label(r.confidence) + "; significance level " + format_number(r.alpha, 3);
}

// The title line (database, sweeps, runs) and the settings line.
void write_header(TextWriter& writer, const Report& report) {
  std::size_t runs = report.runs ? report.runs->size() : 0;
  std::string sweeps;
  for (const auto& sweep : report.request.sweeps) sweeps += (sweeps.empty() ? "" : ", ") + sweep;
  writer.title("gantry report: " + report.database + " (" +
               (sweeps.empty() ? "every sweep" : "sweeps " + sweeps) + ", " +
               counted(static_cast<long long>(runs), "run") + ")");
  writer.line(settings_line(report));
}

void write_wrapped_legend(std::ostream& out, const Report& report,
                          const std::vector<std::string>& labels) {
  // Long parameter lists wrap under themselves rather than widen a table.
  for (std::size_t i = 0; i < labels.size(); ++i) {
    std::string label =
        labels[i] + std::string(4 - std::min<std::size_t>(3, labels[i].size()), ' ');
    out << wrap(label + report.groups[i].group.name(), kTerminalWidth, label.size()) << '\n';
  }
  out << '\n';
}

void write_runs_section(std::ostream& out, TextWriter& writer, const Report& report,
                        const std::vector<std::string>& labels) {
  writer.heading("Runs");
  if (!labels_are_names(report, labels)) {
    if (writer.style() == TextStyle::terminal) {
      write_wrapped_legend(out, report, labels);
    } else {
      writer.plain_table(legend_table(report, labels));
    }
  }
  writer.plain_table(groups_table(report, labels));
}

void write_metric_sections(TextWriter& writer, const Report& report,
                           const std::vector<std::string>& labels) {
  const ReportRequest& r = report.request;
  for (std::size_t i = 0; i < r.metrics.size(); ++i) {
    const std::string& metric = r.metrics[i];
    bool high = std::find(r.higher_is_better.begin(), r.higher_is_better.end(), metric) !=
                r.higher_is_better.end();
    writer.heading(metric + " at the end of each run (best = " + (high ? "highest" : "lowest") +
                   ")");
    writer.table(metric_table(report, i, labels));
  }
}

std::string overpowering_criteria_line(const OverpoweringCriteria& c) {
  return "dominated: balanced accuracy >= " + format_number(c.threshold) +
         "; overpowered: dominated for " + std::to_string(c.window) +
         " consecutive evaluations (onset: the first of them); collapsed: accuracy on real <= " +
         format_number(c.collapse_tolerance) +
         " and on fake >= " + format_number(1.0 - c.collapse_tolerance);
}

void write_overpowering_section(TextWriter& writer, const Report& report,
                                const std::vector<std::string>& labels) {
  writer.heading("Discriminator overpowering");
  writer.line(overpowering_criteria_line(report.request.overpowering));
  writer.table(overpowering_table(report, labels));
}

void write_pair_sentences(TextWriter& writer, const GroupEffect& effect, double alpha) {
  // Every pair's sentence is in csv and json; here, the ones the data support, or that there
  // are none (a two-group comparison always gets its sentence).
  std::size_t supported = 0;
  for (const PairwiseComparison& pair : effect.pairs) {
    if (pair.p_adjusted < alpha || effect.pairs.size() == 1) {
      writer.line(pair.sentence);
      ++supported;
    }
  }
  if (supported == 0 && !effect.pairs.empty()) {
    writer.line("No pair of groups differs at " + format_number(alpha, 3) +
                " after Holm adjustment.");
  }
}

void write_effect_section(TextWriter& writer, const GroupEffect& effect, double alpha,
                          const std::vector<std::string>& labels) {
  writer.heading("Does the grouping matter more than the seed? (" + effect.metric + ")");
  if (effect.test) {
    writer.line("Kruskal-Wallis H = " + format_number(effect.test->h) + ", df = " +
                std::to_string(effect.test->df) + ", " + format_p(effect.test->p_value) +
                ", epsilon-squared = " + format_number(effect.test->epsilon_squared, 3));
  }
  if (effect.variance) {
    writer.line("variance between groups " + format_percent(*effect.variance->between_share) +
                ", within groups (seed noise) " + format_percent(*effect.variance->within_share));
  }
  if (!effect.pairs.empty()) writer.plain_table(pairs_table(effect, labels));
  writer.line(effect.conclusion);
  write_pair_sentences(writer, effect, alpha);
}

void write_notes_section(TextWriter& writer, const std::vector<std::string>& notes) {
  if (notes.empty()) return;
  writer.heading("Notes");
  writer.list(notes);
}

}  // namespace

void write_text_report(std::ostream& out, const Report& report, TextStyle style) {
  TextWriter writer(out, style);
  const std::vector<std::string> labels = group_labels(report);
  write_header(writer, report);
  write_runs_section(out, writer, report, labels);
  write_metric_sections(writer, report, labels);
  write_overpowering_section(writer, report, labels);
  if (report.effect) write_effect_section(writer, *report.effect, report.request.alpha, labels);
  write_verdict_section(writer, report, labels);
  write_search_sections(writer, report);
  write_notes_section(writer, report.notes);
}

}  // namespace gantry::analysis
