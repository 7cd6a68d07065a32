// `gantry report --html FILE [--watch SECONDS]`: the report as one page, written once, or
// rewritten every so many seconds while a sweep runs until Ctrl-C.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "gantry/analysis/report/report.hpp"

namespace gantry::cli {

struct PageOptions {
  std::string file;
  unsigned watch_seconds = 0;  // 0: write once
  std::optional<std::int64_t> sample_run;
};

// Writes the page of a built report once (options.watch_seconds is not used).
void write_report_page(const analysis::Report& report, const PageOptions& options);

// Rewrites the page of `request` over the database `db` every options.watch_seconds until
// `stop_flag`, then once more as a page that no longer reloads. A report that cannot be built
// yet (no finished runs, no database) gives a page that says why; only a page that cannot be
// written ends the watch early. Returns the exit code.
int watch_report_page(const std::string& db, const analysis::ReportRequest& request,
                      const PageOptions& options, const std::atomic<bool>& stop_flag);

}  // namespace gantry::cli
