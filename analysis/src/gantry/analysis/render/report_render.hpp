// Writers of a built Report. table: aligned sections for a 100-column terminal, numbers to four
// significant digits; markdown: the same sections as Markdown; csv: one long ("tidy") table of
// every number at full precision; json: one object with every number at full precision and the
// run ids behind each group. Layouts are documented in docs/analysis.md.
#pragma once

#include <ostream>
#include <string>

#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis {

enum class ReportFormat { table, markdown, csv, json };

// How the table and markdown formats' sections are written; html: as elements of a page.
enum class TextStyle { terminal, markdown, html };

// Throws ConfigError naming the formats there are.
ReportFormat parse_report_format(const std::string& name);

void write_report(std::ostream& out, const Report& report, ReportFormat format);

// The per-step curves across seeds (ReportRequest::curve_metrics) as CSV: group, metric, step,
// runs, mean, sd and one column per quantile.
void write_curves_csv(std::ostream& out, const Report& report);

// Internal: one writer per format.
void write_text_report(std::ostream& out, const Report& report, TextStyle style);
void write_csv_report(std::ostream& out, const Report& report);
void write_json_report(std::ostream& out, const Report& report);

}  // namespace gantry::analysis
