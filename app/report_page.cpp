#include "report_page.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli_common.hpp"
#include "gantry/analysis/html/html_page.hpp"
#include "gantry/base/atomic_file.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/store/results_snapshot.hpp"

namespace gantry::cli {
namespace {

using analysis::html::PageRequest;

std::string local_time_now() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  return text;
}

PageRequest page_request(const PageOptions& options, unsigned watch_seconds) {
  PageRequest request;
  request.sample_run = options.sample_run;
  request.watch_seconds = watch_seconds;
  if (watch_seconds > 0) request.written_at = local_time_now();
  return request;
}

analysis::Report build(const std::string& db, const analysis::ReportRequest& request) {
  ResultsSnapshot snapshot(db);
  return analysis::build_report(snapshot, request);
}

void write_page(const analysis::Report& report, const PageOptions& options,
                unsigned watch_seconds) {
  PageRequest request = page_request(options, watch_seconds);
  write_file_atomically(options.file, [&](std::ostream& out) {
    analysis::html::write_html_page(out, report, request);
  });
}

std::string size_text(const std::string& file) {
  std::error_code error;
  auto bytes = std::filesystem::file_size(file, error);
  if (error) return "";
  return " (" + std::to_string((bytes + 1023) / 1024) + " KB)";
}

// One round of the watch: the page, or, when no report can be built yet, a page saying why.
void rewrite(const std::string& db, const analysis::ReportRequest& request,
             const PageOptions& options) {
  std::optional<analysis::Report> report;
  std::string reason;
  try {
    report = build(db, request);
  } catch (const GantryError& error) {
    reason = error.what();
  }
  if (report) return write_page(*report, options, options.watch_seconds);
  PageRequest page = page_request(options, options.watch_seconds);
  write_file_atomically(options.file, [&](std::ostream& out) {
    analysis::html::write_waiting_page(out, db, reason, page);
  });
}

bool wait_or_stop(unsigned seconds, const std::atomic<bool>& stop_flag) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (stop_flag) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return !stop_flag;
}

}  // namespace

void write_report_page(const analysis::Report& report, const PageOptions& options) {
  write_page(report, options, 0);
  std::cerr << "report page: " << options.file << size_text(options.file) << "\n";
}

int watch_report_page(const std::string& db, const analysis::ReportRequest& request,
                      const PageOptions& options, const std::atomic<bool>& stop_flag) {
  std::cerr << "watching " << db << ": rewriting " << options.file << " every "
            << options.watch_seconds << " s; Ctrl-C stops\n";
  do {
    rewrite(db, request, options);
  } while (wait_or_stop(options.watch_seconds, stop_flag));
  // The last version stops reloading itself, so it stays as the reader left it.
  std::optional<analysis::Report> last;
  try {
    last = build(db, request);
  } catch (const GantryError&) {
    // Still no report: the waiting page stays.
  }
  if (last) write_page(*last, options, 0);
  std::cerr << "report page: " << options.file << size_text(options.file) << "\n";
  return kSuccess;
}

}  // namespace gantry::cli
