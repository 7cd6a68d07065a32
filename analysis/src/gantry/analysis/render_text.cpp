// The table and markdown formats: the same sections, written aligned or as Markdown.
#include <algorithm>

#include "gantry/analysis/number_format.hpp"
#include "gantry/analysis/report_render.hpp"
#include "gantry/analysis/text_table.hpp"

namespace gantry::analysis {
namespace {

// Groups side by side per metric: first column 16 wide, at most four groups of up to ~19
// characters each keeps a block within 100 columns.
constexpr std::size_t kGroupsPerBlock = 4;
constexpr std::size_t kTerminalWidth = 100;

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

class TextWriter {
 public:
  TextWriter(std::ostream& out, bool markdown) : out_(out), markdown_(markdown) {}

  void heading(const std::string& text) {
    out_ << '\n' << (markdown_ ? "## " : "") << text << "\n";
    if (markdown_) out_ << '\n';
  }
  void line(const std::string& text) {
    if (markdown_) {
      out_ << text << "\n\n";
    } else {
      out_ << wrap(text, kTerminalWidth, text.rfind("- ", 0) == 0 ? 2 : 0) << "\n";
    }
  }
  void table(const TextTable& table) {
    if (markdown_) {
      write_markdown(out_, table);
      out_ << '\n';
      return;
    }
    auto parts = split_columns(table, kGroupsPerBlock);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out_ << '\n';
      write_aligned(out_, parts[i]);
    }
  }
  void plain_table(const TextTable& table) {
    if (markdown_) return this->table(table);
    write_aligned(out_, table);
  }

 private:
  std::ostream& out_;
  bool markdown_;
};

std::string interval(const std::optional<double>& low, const std::optional<double>& high) {
  if (!low || !high) return "-";
  return "[" + format_number(*low) + ", " + format_number(*high) + "]";
}

TextTable groups_table(const Report& report) {
  TextTable table{{"group", "runs", "finished", "failed", "running", "run ids"}, {}};
  for (const GroupReport& group : report.groups) {
    table.rows.push_back(
        {group.group.name(), std::to_string(group.run_ids.size()),
         std::to_string(group.finished_ids.size()), std::to_string(group.failed_ids.size()),
         std::to_string(group.running_ids.size()), short_id_ranges(group.run_ids)});
  }
  return table;
}

TextTable metric_table(const Report& report, std::size_t metric) {
  TextTable table{{"statistic"}, {}};
  std::vector<std::string> rows[] = {{"runs"},     {"mean"}, {"sd"}, {"95% CI of mean"},
                                     {"median"},   {"IQR"},  {"CV"}, {"best run"},
                                     {"worst run"}};
  rows[3][0] = format_percent(report.request.confidence) + " CI of mean";
  for (const GroupReport& group : report.groups) {
    table.header.push_back(group.group.name());
    const MetricStatistics& stats = group.metrics[metric];
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
  return format_number(*curve.median) + " " + interval(curve.median_lower, curve.median_upper);
}

TextTable overpowering_table(const Report& report) {
  TextTable table{{"group", "runs", "overpowered", "P [Wilson]", "median onset [band]", "dominated",
                   "ended dom.", "collapsed"},
                  {}};
  for (const GroupReport& group : report.groups) {
    const GroupOverpowering& o = group.overpowering;
    std::string probability = "-";
    std::string count = "-";
    if (o.overpowered) {
      probability = format_number(o.overpowered->estimate, 2) + " " +
                    interval(o.overpowered->low, o.overpowered->high);
      count = std::to_string(o.overpowered->successes);
    }
    table.rows.push_back(
        {group.group.name(), std::to_string(o.runs.size()), count, probability, median_onset(o),
         o.mean_dominated_fraction ? format_percent(*o.mean_dominated_fraction) : "-",
         std::to_string(o.ended_dominated), std::to_string(o.collapsed)});
  }
  return table;
}

TextTable pairs_table(const Report& report, const GroupEffect& effect) {
  TextTable table{{"pair", "diff. in median", "p", "p (Holm)"}, {}};
  for (const PairwiseComparison& pair : effect.pairs) {
    table.rows.push_back(
        {report.groups[pair.first].group.name() + " vs " + report.groups[pair.second].group.name(),
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
         std::to_string(report.groups.size()) + " groups); confidence " +
         format_percent(r.confidence) + "; significance level " + format_number(r.alpha, 3);
}

}  // namespace

void write_text_report(std::ostream& out, const Report& report, bool markdown) {
  TextWriter writer(out, markdown);
  const ReportRequest& r = report.request;
  std::size_t runs = report.runs ? report.runs->size() : 0;
  std::string sweeps;
  for (const auto& sweep : r.sweeps) sweeps += (sweeps.empty() ? "" : ", ") + sweep;
  out << (markdown ? "# " : "") << "gantry report: " << report.database << " ("
      << (sweeps.empty() ? "every sweep" : "sweeps " + sweeps) << ", " << runs << " runs)\n";
  if (markdown) out << '\n';
  writer.line(settings_line(report));

  writer.heading("Runs");
  writer.plain_table(groups_table(report));

  for (std::size_t i = 0; i < r.metrics.size(); ++i) {
    const std::string& metric = r.metrics[i];
    bool high = std::find(r.higher_is_better.begin(), r.higher_is_better.end(), metric) !=
                r.higher_is_better.end();
    writer.heading(metric + " at the end of each run (best = " + (high ? "highest" : "lowest") +
                   ")");
    writer.table(metric_table(report, i));
  }

  const OverpoweringCriteria& c = r.overpowering;
  writer.heading("Discriminator overpowering");
  writer.line("dominated: balanced accuracy >= " + format_number(c.threshold) +
              "; overpowered: dominated for " + std::to_string(c.window) +
              " consecutive evaluations (onset: the first of them); collapsed: accuracy on real "
              "<= " +
              format_number(c.collapse_tolerance) +
              " and on fake >= " + format_number(1.0 - c.collapse_tolerance));
  writer.plain_table(overpowering_table(report));

  if (report.effect) {
    const GroupEffect& effect = *report.effect;
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
    if (!effect.pairs.empty()) writer.plain_table(pairs_table(report, effect));
    writer.line(effect.conclusion);
    for (const PairwiseComparison& pair : effect.pairs) writer.line(pair.sentence);
  }

  if (!report.notes.empty()) {
    writer.heading("Notes");
    for (const auto& note : report.notes) writer.line("- " + note);
  }
}

}  // namespace gantry::analysis
