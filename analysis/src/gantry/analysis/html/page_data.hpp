// Internal to the html format: what the page's script draws, as one JSON object (layout in
// docs/analysis.md, "The HTML page"). Curves come as the report reduced them to columns
// (ReportRequest::run_curve_columns); numbers are rounded to what a figure or a tooltip shows.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "gantry/analysis/report/curve_columns.hpp"
#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis::html {

// Significant digits of a number a figure draws, and of one a tooltip or the runs table shows.
inline constexpr int kDrawnDigits = 4;
inline constexpr int kShownDigits = 6;

// `value` to `digits` significant digits, null when it is not finite.
nlohmann::json rounded(double value, int digits);

// Steps of a group's columns: {"exact": true, "steps": [...]} or {"exact": false, "first": [...],
// "last": [...]}.
nlohmann::json columns_json(const StepColumns& columns);
// A run's curve in columns: {"run": id, "low": [...]} and, when columns are not exact, "high".
nlohmann::json envelope_json(std::int64_t run_id, const CurveEnvelope& envelope, bool exact);

// Groups (names, run ids), runs (settings, status, final values), the varied settings, and the
// figures: curves across seeds, final values, D's balanced accuracy and the survival of
// overpowering onset. D's accuracy is reduced to at most `run_curve_columns` columns per group.
nlohmann::json figure_data(const Report& report, std::size_t run_curve_columns);

// D's balanced accuracy over the steps of each finished run with evaluations, per group in
// columns, with the threshold of domination.
nlohmann::json accuracy_json(const Report& report, std::size_t run_curve_columns);

// Per group, the Kaplan-Meier curve of the onset of overpowering with its band, and the steps
// where runs that were never overpowered ended (censored).
nlohmann::json survival_json(const Report& report);

// The runs whose samples the page embeds: `chosen` first when given, then each group's best run
// of the compared metric, at most `limit` in all.
std::vector<std::int64_t> sample_runs(const Report& report, std::optional<std::int64_t> chosen,
                                      std::size_t limit);

}  // namespace gantry::analysis::html
