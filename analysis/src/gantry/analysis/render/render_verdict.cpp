// The verdict section of the table and markdown formats: for the compared metric, how much each
// pair of groups differs and whether the seeds settle it, and how much a best-of-n result
// flatters each group.
#include <algorithm>

#include "gantry/analysis/render/text_writer.hpp"

namespace gantry::analysis {
namespace {

// Rows of the expected-best table: every n up to 10, then every 10th, and the largest.
std::vector<std::size_t> shown_counts(std::size_t largest) {
  std::vector<std::size_t> counts;
  for (std::size_t n = 1; n <= largest; n += n < 10 ? 1 : 10) counts.push_back(n);
  if (!counts.empty() && counts.back() != largest) counts.push_back(largest);
  return counts;
}

std::optional<std::size_t> metric_index(const ReportRequest& request, const std::string& metric) {
  auto found = std::find(request.metrics.begin(), request.metrics.end(), metric);
  if (found == request.metrics.end()) return std::nullopt;
  return static_cast<std::size_t>(found - request.metrics.begin());
}

TextTable shift_table(const GroupEffect& effect, double confidence,
                      const std::vector<std::string>& labels) {
  TextTable table{{"pair", "shift (HL)", confidence_label(confidence) + " CI", "Cliff's delta"},
                  {}};
  for (const PairwiseComparison& pair : effect.pairs) {
    // A star marks an interval from the normal approximation (ties, or 50 runs or more).
    table.rows.push_back(
        {labels[pair.first] + " vs " + labels[pair.second], format_number(pair.shift.estimate),
         interval(pair.shift.ci_low, pair.shift.ci_high) + (pair.shift.exact ? "" : "*"),
         format_number(pair.cliffs_delta, 3)});
  }
  return table;
}

bool any_approximate(const GroupEffect& effect) {
  return std::any_of(effect.pairs.begin(), effect.pairs.end(),
                     [](const PairwiseComparison& pair) { return !pair.shift.exact; });
}

void write_pairs(TextWriter& writer, const Report& report, const GroupEffect& effect,
                 const std::vector<std::string>& labels) {
  const ReportRequest& r = report.request;
  writer.line(
      "Shift: the Hodges-Lehmann estimate of the first group minus the second, with its "
      "distribution-free interval" +
      std::string(any_approximate(effect) ? " (*: from the normal approximation)" : "") +
      "; Cliff's delta: the share of pairs of runs where the first is higher, less the "
      "share where it is lower (-1 to 1).");
  writer.plain_table(shift_table(effect, r.confidence, labels));
  writer.line("Seeds per group at which the report's test (two-sided Mann-Whitney at " +
              format_number(r.alpha, 3) + ") finds the difference seen with " +
              format_percent(r.seeds_needed.power) + " power, by bootstrap from the runs (" +
              std::to_string(r.seeds_needed.resamples) + " resamples at each count):");
  std::vector<std::string> verdicts;
  for (const PairwiseComparison& pair : effect.pairs) verdicts.push_back(pair.verdict);
  writer.list(verdicts);
}

TextTable expected_best_table(const Report& report, std::size_t metric,
                              const std::vector<std::string>& labels) {
  std::size_t largest = 0;
  for (const GroupReport& group : report.groups) {
    largest = std::max(largest, group.metrics.at(metric).expected_best.size());
  }
  TextTable table{{"best of"}, {{"median"}}};
  std::vector<std::size_t> counts = shown_counts(largest);
  for (std::size_t n : counts) table.rows.push_back({"n=" + std::to_string(n)});
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const MetricStatistics& stats = report.groups[g].metrics.at(metric);
    table.header.push_back(labels[g]);
    table.rows[0].push_back(stats.summary ? format_number(stats.summary->median) : "-");
    for (std::size_t i = 0; i < counts.size(); ++i) {
      std::size_t n = counts[i];
      table.rows[i + 1].push_back(
          n <= stats.expected_best.size() ? format_number(stats.expected_best[n - 1]) : "-");
    }
  }
  return table;
}

void write_expected_best(TextWriter& writer, const Report& report,
                         const std::vector<std::string>& labels) {
  const ReportRequest& r = report.request;
  auto metric = metric_index(r, r.compare_metric);
  if (!metric || report.groups.empty()) return;
  bool high = std::find(r.higher_is_better.begin(), r.higher_is_better.end(), r.compare_metric) !=
              r.higher_is_better.end();
  writer.line("Expected best of n runs (Dodge et al. 2019): the " +
              std::string(high ? "highest " : "lowest ") + r.compare_metric +
              " that a paper reporting its best of n seeds shows on average, from each group's "
              "finished runs (n = 1 is the mean); against the median, how much best-of-n "
              "flatters the setting.");
  writer.table(expected_best_table(report, *metric, labels));
}

}  // namespace

void write_verdict_section(TextWriter& writer, const Report& report,
                           const std::vector<std::string>& labels) {
  writer.heading("Verdict (" + report.request.compare_metric + ")");
  if (report.effect && !report.effect->pairs.empty()) {
    write_pairs(writer, report, *report.effect, labels);
  }
  write_expected_best(writer, report, labels);
}

}  // namespace gantry::analysis
