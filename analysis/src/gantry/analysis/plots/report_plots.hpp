// The report's figures as gnuplot data and commands (drawn by draw_figure): the per-step curves
// across seeds, D's balanced accuracy per run, the final metric by group, the expected best of
// n runs and the Kaplan-Meier curves of the onset of overpowering. Each builder returns nothing
// when the report has no data for its figure (gnuplot refuses to plot an empty file).
#pragma once

#include <optional>
#include <string>

#include "gantry/analysis/plots/gnuplot.hpp"
#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis::plots {

// curves-<metric>: per group, the mean over seeds at each step with a band from the first to
// the last of Report::curve_probabilities' quantiles (mean -+ sd when the points have none).
// `metric` indexes ReportRequest::curve_metrics and GroupReport::curves.
std::optional<Figure> curve_figure(const Report& report, std::size_t metric);

// d-balanced-accuracy: every run's eval.d_balanced_acc over steps, coloured by group, with the
// overpowering threshold.
std::optional<Figure> balanced_accuracy_figure(const Report& report);

// final-<metric>: the metric's final value of each finished run as jittered points per group,
// with each group's median.
std::optional<Figure> final_metric_figure(const Report& report, const std::string& metric);

// expected-best-<metric>: per group, the expected best of n runs for n = 1 ... its finished
// runs (MetricStatistics::expected_best), with the group's median as a dashed line: how much a
// best-of-n result flatters each setting.
std::optional<Figure> expected_best_figure(const Report& report, const std::string& metric);

// onset-survival: per group, the Kaplan-Meier share of runs not yet overpowered by each step,
// with its confidence band and a mark where a run ended without being overpowered.
std::optional<Figure> onset_survival_figure(const Report& report);

}  // namespace gantry::analysis::plots
