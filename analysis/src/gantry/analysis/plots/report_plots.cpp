#include "gantry/analysis/plots/report_plots.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <utility>

#include "gantry/analysis/plots/plot_style.hpp"
#include "gantry/analysis/stats/descriptive.hpp"

namespace gantry::analysis::plots {
namespace {

std::string quoted(const std::string& text) {
  return gnuplot_quote(text);
}

// The plot command of `clauses`, one clause per line (continued with a backslash).
std::string plot_command(const std::vector<std::string>& clauses) {
  std::string command = "plot ";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    command += (i == 0 ? "" : ", \\\n     ") + clauses[i];
  }
  return command + "\n";
}

// The commands every figure starts with: title, axis labels, grid, a legend below the plot
// (where it cannot hide data, however long the group names).
std::string common_setup(const std::string& title, const std::string& xlabel,
                         const std::string& ylabel) {
  return "set title " + quoted(title) + "\n" + "set xlabel " + quoted(xlabel) + "\n" +
         "set ylabel " + quoted(ylabel) + "\n" +
         "set grid lc rgb '#e0e0e0'\n"
         "set border lc rgb '#404040'\n"
         "set key outside below center horizontal samplen 2 spacing 1.1\n";
}

std::string percent(double p) {
  std::ostringstream text;
  text << std::round(p * 1000) / 10;
  return text.str() + "%";
}

// Deterministic horizontal offsets in [-0.25, 0.25): the golden-ratio sequence spreads any
// number of points evenly without two runs of a report ever drawing them differently.
double jitter(std::size_t k) {
  double position = std::fmod(0.5 + static_cast<double>(k) * 0.6180339887498949, 1.0);
  return (position - 0.5) * 0.5;
}

// S(t) of a Kaplan-Meier curve: the survival of the last row at or before t, 1 before the first.
double survival_at(const SurvivalCurve& curve, double t) {
  double survival = 1;
  for (const SurvivalStep& step : curve.steps) {
    if (step.time > t) break;
    survival = step.survival;
  }
  return survival;
}

// Where a group's survival curve ends: its last evaluation, onset or curve row.
double survival_end(const GroupOverpowering& overpowering, const SurvivalCurve& curve) {
  double end = 0;
  for (const RunOverpowering& run : overpowering.runs) {
    end = std::max(end, static_cast<double>(run.last_step));
    if (run.onset_step) end = std::max(end, static_cast<double>(*run.onset_step));
  }
  for (const SurvivalStep& step : curve.steps) end = std::max(end, step.time);
  return end;
}

// The data rows "step survival band_low band_high" of one group's curve, from 0 to `end`.
std::string survival_curve_rows(const SurvivalCurve& curve, double end) {
  // Steps drawn as lines: each row drops the curve (and the band) at its time.
  std::string rows;
  double survival = 1, lower = 1, upper = 1;
  auto row = [&](double t) {
    rows += plot_number(t) + " " + plot_number(survival) + " " + plot_number(lower) + " " +
            plot_number(upper) + "\n";
  };
  row(0);
  for (const SurvivalStep& step : curve.steps) {
    row(step.time);
    survival = step.survival;
    lower = step.lower.value_or(survival);
    upper = step.upper.value_or(survival);
    row(step.time);
  }
  row(end);
  return rows;
}

// The band and the line of group `g`'s curve, drawn from `source` ("file index N").
void add_survival_clauses(std::vector<std::string>& clauses, const std::string& source,
                          std::size_t g, const std::string& name) {
  clauses.push_back(source + " using 1:3:4 with filledcurves fc rgb " + quoted(group_colour(g)) +
                    " fs transparent solid 0.15 noborder notitle");
  clauses.push_back(source + " using 1:2 with lines lw 2 lc rgb " + quoted(group_colour(g)) +
                    " title " + quoted(name));
}

// "step survival" of each run never overpowered, at its last evaluation.
std::string censored_marks(const GroupOverpowering& overpowering, const SurvivalCurve& curve) {
  std::string marks;
  for (const RunOverpowering& run : overpowering.runs) {
    if (run.onset_step) continue;
    double t = static_cast<double>(run.last_step);
    marks += plot_number(t) + " " + plot_number(survival_at(curve, t)) + "\n";
  }
  return marks;
}

// The censored marks' blocks follow the `first_block` curve blocks; only the first is titled.
void add_censored_clauses(std::vector<std::string>& clauses, const std::string& file,
                          std::size_t first_block, const std::vector<std::size_t>& groups) {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    clauses.push_back(
        file + " index " + std::to_string(first_block + i) +
        " using 1:2 with points pt 3 ps 1.6 lw 1.5 lc rgb " + quoted(group_colour(groups[i])) +
        (i == 0 ? " title 'censored: not overpowered by its last evaluation'" : " notitle"));
  }
}

std::string onset_data_header(const std::string& description) {
  return "# " + description +
         "\n# one block per group (gnuplot index 0, 1, ...): step survival band_low "
         "band_high, as steps;\n# then one block per group with censored runs (never "
         "overpowered, at their last evaluation): step survival\n";
}

std::string onset_setup(double confidence) {
  return common_setup(
             "Onset of discriminator overpowering (Kaplan-Meier, " + percent(confidence) + " band)",
             "step", "share of runs not yet overpowered") +
         "set yrange [-0.02:1.02]\n"
         "set ytics 0, 0.1, 1\n"
         "set xrange [0:*]\n";
}

}  // namespace

std::optional<Figure> curve_figure(const Report& report, std::size_t metric) {
  if (metric >= report.request.curve_metrics.size()) return std::nullopt;
  const std::string& name = report.request.curve_metrics[metric];
  // A quantile band when every point has the quantiles, else mean -+ sd.
  bool quantile_band = report.curve_probabilities.size() >= 2;
  for (const GroupReport& group : report.groups) {
    if (metric >= group.curves.size()) continue;
    for (const CurvePoint& point : group.curves[metric].points) {
      quantile_band &= point.quantiles.size() == report.curve_probabilities.size();
    }
  }
  std::string band_name = quantile_band
                              ? percent(report.curve_probabilities.front()) + "-" +
                                    percent(report.curve_probabilities.back()) + " quantiles"
                              : "mean -+ 1 sd";

  Figure figure;
  figure.stem = "curves-" + file_stem(name);
  figure.description =
      name + " over steps: per group, the mean across seeds with a band (" + band_name + ")";
  figure.data = "# " + figure.description +
                "\n# one block per group (gnuplot index 0, 1, ...): step mean band_low band_high "
                "runs\n";
  std::vector<std::string> clauses;
  std::size_t block = 0;
  std::string file = quoted(figure.stem + ".dat");
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupReport& group = report.groups[g];
    if (metric >= group.curves.size() || group.curves[metric].points.empty()) continue;
    figure.data += std::string(block == 0 ? "" : "\n\n") + "# group " + group.group.name() + "\n";
    for (const CurvePoint& point : group.curves[metric].points) {
      double low = point.mean, high = point.mean;
      if (quantile_band) {
        low = point.quantiles.front();
        high = point.quantiles.back();
      } else if (point.sd) {
        low = point.mean - *point.sd;
        high = point.mean + *point.sd;
      }
      figure.data += std::to_string(point.step) + " " + plot_number(point.mean) + " " +
                     plot_number(low) + " " + plot_number(high) + " " + std::to_string(point.n) +
                     "\n";
    }
    std::string index = " index " + std::to_string(block++);
    clauses.push_back(file + index + " using 1:3:4 with filledcurves fc rgb " +
                      quoted(group_colour(g)) + " fs transparent solid 0.18 noborder notitle");
    clauses.push_back(file + index + " using 1:2 with lines lw 2 lc rgb " +
                      quoted(group_colour(g)) + " title " + quoted(group.group.name()));
  }
  if (clauses.empty()) return std::nullopt;
  figure.body = common_setup(name + " across seeds (mean, band: " + band_name + ")", "step", name) +
                plot_command(clauses);
  return figure;
}

std::optional<Figure> balanced_accuracy_figure(const Report& report) {
  const double threshold = report.request.overpowering.threshold;
  Figure figure;
  figure.stem = "d-balanced-accuracy";
  figure.description =
      "D's balanced accuracy at each evaluation of every finished run, coloured by group";
  figure.data = "# " + figure.description +
                "\n# one block per run (gnuplot index 0, 1, ...): step balanced_accuracy\n";
  std::vector<std::string> clauses;
  std::size_t block = 0;
  std::string file = quoted(figure.stem + ".dat");
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupReport& group = report.groups[g];
    bool titled = false;
    for (const RunOverpowering& run : group.overpowering.runs) {
      if (run.points.empty()) continue;
      figure.data += std::string(block == 0 ? "" : "\n\n") + "# group " + group.group.name() +
                     ", run " + std::to_string(run.run_id) + "\n";
      for (const EvaluationPoint& point : run.points) {
        figure.data +=
            std::to_string(point.step) + " " + plot_number(point.balanced_accuracy) + "\n";
      }
      clauses.push_back(file + " index " + std::to_string(block++) +
                        " using 1:2 with lines lw 1.2 lc rgb " + quoted(group_colour(g, "30")) +
                        (titled ? " notitle" : " title " + quoted(group.group.name())));
      titled = true;
    }
  }
  if (clauses.empty()) return std::nullopt;
  clauses.push_back(plot_number(threshold) + " with lines dt 2 lw 1.5 lc rgb " +
                    quoted(kReferenceColour) + " notitle");
  figure.body = common_setup(
                    "Discriminator balanced accuracy per run (0.5: D cannot tell, "
                    "1: D always can)",
                    "step", "eval.d_balanced_acc") +
                "set yrange [0:1.05]\n"
                "set ytics 0, 0.1, 1\n"
                "set label 1 " +
                quoted("overpowering threshold (" + plot_number(threshold) + ")") +
                " at graph 0.01, first " + plot_number(threshold) +
                " offset 0, 0.6 textcolor rgb " + quoted(kReferenceColour) + " front\n" +
                plot_command(clauses);
  return figure;
}

std::optional<Figure> final_metric_figure(const Report& report, const std::string& metric) {
  Figure figure;
  figure.stem = "final-" + file_stem(metric);
  figure.description = "final " + metric + " of each finished run, by group, with the median";
  std::string points, medians;
  std::string tics;
  std::vector<std::string> clauses;
  std::size_t block = 0;
  std::size_t longest_name = 0;
  std::string file = quoted(figure.stem + ".dat");
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupReport& group = report.groups[g];
    std::string name = group.group.name();
    longest_name = std::max(longest_name, name.size());
    std::vector<std::pair<std::int64_t, double>> values = finished_values(group.group, metric);
    tics += std::string(tics.empty() ? "" : ", ") +
            quoted(name + " (n=" + std::to_string(values.size()) + ")") + " " + std::to_string(g);
    if (values.empty()) continue;
    points += std::string(block == 0 ? "" : "\n\n") + "# group " + name + "\n";
    std::vector<double> finals;
    for (std::size_t k = 0; k < values.size(); ++k) {
      points += plot_number(static_cast<double>(g) + jitter(k)) + " " +
                plot_number(values[k].second) + " " + std::to_string(values[k].first) + "\n";
      finals.push_back(values[k].second);
    }
    medians += std::to_string(g) + " " + plot_number(quantile(finals, 0.5)) + "\n";
    clauses.push_back(file + " index " + std::to_string(block++) +
                      " using 1:2 with points pt 7 ps 1.1 lc rgb " + quoted(group_colour(g, "20")) +
                      " notitle");
  }
  if (clauses.empty()) return std::nullopt;
  figure.data =
      "# " + figure.description +
      "\n# one block per group with values (gnuplot index 0, 1, ...): "
      "group_position_with_jitter value run_id;\n# the last block: group_position median\n" +
      points + "\n\n# medians\n" + medians;
  clauses.push_back(file + " index " + std::to_string(block) +
                    " using ($1 - 0.32):2:(0.64):(0) with vectors nohead lw 3 lc rgb " +
                    quoted(kReferenceColour) + " title 'group median'");
  std::size_t groups = report.groups.size();
  figure.width = static_cast<int>(std::clamp<std::size_t>(200 + 140 * groups, 720, 1800));
  bool rotate = longest_name * groups > 90;
  figure.body = common_setup("Final " + metric + " of each finished run, by group", "", metric) +
                "set xrange [-0.6:" + plot_number(static_cast<double>(groups) - 0.4) + "]\n" +
                "set xtics (" + tics + ")" + (rotate ? " rotate by 25 right" : "") + "\n" +
                "set grid noxtics ytics\n"
                "set offsets 0, 0, graph 0.05, graph 0.05\n" +
                plot_command(clauses);
  return figure;
}

std::optional<Figure> expected_best_figure(const Report& report, const std::string& metric) {
  const ReportRequest& r = report.request;
  auto found = std::find(r.metrics.begin(), r.metrics.end(), metric);
  if (found == r.metrics.end()) return std::nullopt;
  auto index = static_cast<std::size_t>(found - r.metrics.begin());
  bool high = std::find(r.higher_is_better.begin(), r.higher_is_better.end(), metric) !=
              r.higher_is_better.end();
  Figure figure;
  figure.stem = "expected-best-" + file_stem(metric);
  figure.description = "expected " + std::string(high ? "highest " : "lowest ") + metric +
                       " of n runs drawn from each group's finished runs, and the group's median";
  figure.data = "# " + figure.description +
                "\n# one block per group with values (gnuplot index 0, 1, ...): n expected_best "
                "median\n";
  std::vector<std::string> clauses;
  std::size_t block = 0, largest = 0;
  std::string file = quoted(figure.stem + ".dat");
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupReport& group = report.groups[g];
    if (index >= group.metrics.size() || !group.metrics[index].summary) continue;
    const MetricStatistics& stats = group.metrics[index];
    figure.data += std::string(block == 0 ? "" : "\n\n") + "# group " + group.group.name() + "\n";
    for (std::size_t n = 1; n <= stats.expected_best.size(); ++n) {
      figure.data += std::to_string(n) + " " + plot_number(stats.expected_best[n - 1]) + " " +
                     plot_number(stats.summary->median) + "\n";
    }
    largest = std::max(largest, stats.expected_best.size());
    std::string source = file + " index " + std::to_string(block++);
    clauses.push_back(source + " using 1:2 with linespoints pt 7 ps 0.8 lw 2 lc rgb " +
                      quoted(group_colour(g)) + " title " + quoted(group.group.name()));
    clauses.push_back(source + " using 1:3 with lines dt 2 lw 1.2 lc rgb " +
                      quoted(group_colour(g)) + " notitle");
  }
  if (clauses.empty()) return std::nullopt;
  figure.body = common_setup("Expected best (" + std::string(high ? "highest" : "lowest") +
                                 ") of n runs (Dodge et al. 2019); dashed: each group's median",
                             "n (runs, the best of which is reported)", metric) +
                "set xrange [0.5:" + plot_number(static_cast<double>(largest) + 0.5) + "]\n" +
                (largest <= 20 ? "set xtics 1\n" : "") +
                "set offsets 0, 0, graph 0.05, graph 0.05\n" + plot_command(clauses);
  return figure;
}

std::optional<Figure> onset_survival_figure(const Report& report) {
  Figure figure;
  figure.stem = "onset-survival";
  double confidence = report.request.confidence;
  figure.description =
      "Kaplan-Meier share of runs not yet overpowered by each step, per group, "
      "with its " +
      percent(confidence) + " band";
  std::string curves, censored;
  std::vector<std::string> clauses;
  std::size_t block = 0;
  std::string file = quoted(figure.stem + ".dat");
  std::vector<std::size_t> censor_blocks;
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const GroupReport& group = report.groups[g];
    if (!group.overpowering.onset) continue;
    const SurvivalCurve& curve = *group.overpowering.onset;
    curves += std::string(block == 0 ? "" : "\n\n") + "# group " + group.group.name() + "\n" +
              survival_curve_rows(curve, survival_end(group.overpowering, curve));
    add_survival_clauses(clauses, file + " index " + std::to_string(block++), g,
                         group.group.name());
    std::string marks = censored_marks(group.overpowering, curve);
    if (!marks.empty()) {
      censored +=
          "\n\n# censored runs of group " + group.group.name() + ": step survival\n" + marks;
      censor_blocks.push_back(g);
    }
  }
  if (clauses.empty()) return std::nullopt;
  figure.data = onset_data_header(figure.description) + curves + censored;
  add_censored_clauses(clauses, file, block, censor_blocks);
  figure.body = onset_setup(confidence) + plot_command(clauses);
  return figure;
}

}  // namespace gantry::analysis::plots
