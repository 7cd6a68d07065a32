// `gantry report --html`: the report as one self-contained page, to open offline, mail or keep
// with a paper's notes. Everything the text report says (its sections, written as HTML by the
// same code), and figures the page's own script draws as SVG from the data it carries: curves
// across seeds with bands, final values per group, D's balanced accuracy, the survival of
// overpowering onset, samples, parallel coordinates and a sortable runs table. Nothing is
// fetched: the page forbids every request in its content security policy.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "gantry/analysis/html/sample_data.hpp"
#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis::html {

struct PageRequest {
  std::optional<std::int64_t> sample_run;  // drawn first; each group's best run is drawn too
  std::size_t sample_run_limit = 24;       // runs whose samples the page carries, at most
  SampleLimits samples;
  // Above 0: the page reloads itself this often, as `--watch` rewrites it.
  unsigned watch_seconds = 0;
  std::string written_at;  // shown while watching: when this version of the page was written
};

// The report as a page. Report::request.run_curve_columns must have kept the runs' curves.
void write_html_page(std::ostream& out, const Report& report, const PageRequest& request);

// While watching a database that has no report yet (no finished runs): a page that says why
// and reloads itself.
void write_waiting_page(std::ostream& out, const std::string& database, const std::string& reason,
                        const PageRequest& request);

}  // namespace gantry::analysis::html
