#include "gantry/analysis/render/report_render.hpp"

#include "gantry/base/errors.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/text.hpp"

namespace gantry::analysis {

ReportFormat parse_report_format(const std::string& name) {
  if (name == "table") return ReportFormat::table;
  if (name == "markdown") return ReportFormat::markdown;
  if (name == "csv") return ReportFormat::csv;
  if (name == "json") return ReportFormat::json;
  throw ConfigError("unknown report format '" + name + "' (table, markdown, csv or json)");
}

void write_report(std::ostream& out, const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::table:
      return write_text_report(out, report, TextStyle::terminal);
    case ReportFormat::markdown:
      return write_text_report(out, report, TextStyle::markdown);
    case ReportFormat::csv:
      return write_csv_report(out, report);
    case ReportFormat::json:
      return write_json_report(out, report);
  }
}

void write_curves_csv(std::ostream& out, const Report& report) {
  out << "group,metric,step,runs,mean,sd";
  for (double p : report.curve_probabilities) out << ",q" << format_exact(p);
  out << '\n';
  for (const GroupReport& group : report.groups) {
    for (const GroupCurve& curve : group.curves) {
      for (const CurvePoint& point : curve.points) {
        out << csv_field(group.group.name()) << ',' << csv_field(curve.metric) << ',' << point.step
            << ',' << point.n << ',' << format_exact(point.mean) << ','
            << (point.sd ? format_exact(*point.sd) : "");
        for (double value : point.quantiles) out << ',' << format_exact(value);
        out << '\n';
      }
    }
  }
}

}  // namespace gantry::analysis
