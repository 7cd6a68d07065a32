// `gantry report`: cross-run statistics of a results database. Parses and validates the
// command line, then calls the analysis library; nothing here computes a statistic.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/analysis/plots/gnuplot_plots.hpp"
#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/report/report.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/store/results_snapshot.hpp"

namespace gantry::cli {
namespace {

using analysis::Report;
using analysis::ReportRequest;

void require_range(const std::string& option, double value, double low, double high,
                   bool low_inclusive, bool high_inclusive, const std::string& meaning) {
  bool above = low_inclusive ? value >= low : value > low;
  bool below = high_inclusive ? value <= high : value < high;
  if (!above || !below) {
    throw ConfigError("--" + option + " " + format_number(value, 6) +
                      " is out of range: " + meaning);
  }
}

void validate(const ReportRequest& request) {
  require_range("confidence", request.confidence, 0, 1, false, false,
                "a confidence level between 0 and 1, e.g. 0.95");
  require_range("alpha", request.alpha, 0, 1, false, false,
                "a significance level between 0 and 1, e.g. 0.05");
  require_range("threshold", request.overpowering.threshold, 0.5, 1, false, true,
                "a balanced accuracy above chance (0.5) and at most 1");
  require_range("collapse-tolerance", request.overpowering.collapse_tolerance, 0, 0.5, true, false,
                "at least 0 and below 0.5");
  if (request.overpowering.window < 1) {
    throw ConfigError("--window " + std::to_string(request.overpowering.window) +
                      " is out of range: at least one evaluation");
  }
}

// The run whose samples are drawn when --plot-run is not given: the best run of the compared
// metric over every group.
std::optional<std::int64_t> default_sample_run(const Report& report) {
  const std::string& metric = report.request.compare_metric;
  const auto& best_high = report.request.higher_is_better;
  bool high = std::find(best_high.begin(), best_high.end(), metric) != best_high.end();
  std::optional<std::int64_t> chosen;
  double chosen_value = 0;
  for (const auto& run : *report.runs) {
    auto found = run.summaries.find(metric);
    // A run whose HDF5 file is gone (moved, deleted) cannot be drawn; the user did not ask
    // for that one, so another is chosen.
    if (run.status != RecordedStatus::finished || found == run.summaries.end() ||
        !std::filesystem::is_regular_file(run.hdf5_path)) {
      continue;
    }
    if (!chosen || (high ? found->second > chosen_value : found->second < chosen_value)) {
      chosen = run.id;
      chosen_value = found->second;
    }
  }
  return chosen;
}

bool has_run(const Report& report, std::int64_t id) {
  return std::any_of(report.runs->begin(), report.runs->end(),
                     [id](const RunRecord& run) { return run.id == id; });
}

}  // namespace

int command_report(const std::vector<std::string>& raw_args) {
  StoreOptions store;
  ReportRequest request;
  std::string format = "table";
  std::string curves_csv;
  std::string plots;
  std::int64_t plot_run = 0;
  po::options_description options("report options");
  options.add_options()("sweep", po::value(&request.sweeps)->multitoken()->composing(),
                        "only runs of these sweeps (default: every sweep)")(
      "group-by", po::value(&request.group_by)->multitoken()->composing(),
      "parameters that define the groups (default: those that vary, seed excluded)")(
      "metric", po::value(&request.metrics)->multitoken()->composing(),
      "summary metrics to report (default: Fréchet distance, energy distance, residual or fit "
      "error, g_loss, as "
      "present)")("compare", po::value(&request.compare_metric),
                  "the metric tested across groups (default: the first --metric)")(
      "higher-is-better", po::value(&request.higher_is_better)->multitoken()->composing(),
      "metrics whose best run is the highest (default: the lowest is best)")(
      "curve", po::value(&request.curve_metrics)->multitoken()->composing(),
      "metrics whose per-step curves are aggregated across seeds (in json, --curves-csv and "
      "--plots)")(
      "curves-csv", po::value(&curves_csv),
      "write the per-step curves across seeds to this CSV file (default curves: the metrics)")(
      "format", po::value(&format)->default_value(format), "table, markdown, csv or json")(
      "plots", po::value(&plots), "draw PNG and SVG figures into this directory (gnuplot)")(
      "plot-run", po::value(&plot_run),
      "run whose generated samples are drawn (default: the best run of the compared metric)")(
      "confidence", po::value(&request.confidence)->default_value(request.confidence),
      "confidence level of every interval")("alpha",
                                            po::value(&request.alpha)->default_value(request.alpha),
                                            "significance level for calling a difference")(
      "threshold",
      po::value(&request.overpowering.threshold)->default_value(request.overpowering.threshold),
      "D dominates at an evaluation when its balanced accuracy is at least this")(
      "window", po::value(&request.overpowering.window)->default_value(request.overpowering.window),
      "consecutive dominated evaluations that make D overpowering")(
      "collapse-tolerance",
      po::value(&request.overpowering.collapse_tolerance)
          ->default_value(request.overpowering.collapse_tolerance),
      "collapse: D's accuracy on real at most this and on fake at least 1 - this");
  add_store_options(options, store, false);
  auto values = parse_command("gantry report [options]", options, {}, raw_args);
  if (!values) return kSuccess;
  validate(request);
  auto report_format = analysis::parse_report_format(format);
  // Curves are what the CSV and the figures are for; without --curve, those of the metrics.
  request.curves_of_metrics = !curves_csv.empty() || !plots.empty();

  if (values->count("plot-run") && plots.empty()) {
    throw ConfigError("--plot-run chooses the run whose samples --plots draws; give --plots DIR");
  }

  ResultsSnapshot snapshot(store.db);
  Report report = analysis::build_report(snapshot, request);
  // Every output the user asked for is checked before the report is printed, so a bad path
  // does not leave a printed report followed by an error.
  std::ofstream out;
  if (!curves_csv.empty()) {
    out.open(curves_csv);
    if (!out) throw StorageError("cannot write the curves to '" + curves_csv + "'");
  }
  std::optional<std::int64_t> sample_run;
  if (!plots.empty()) {
    sample_run = values->count("plot-run") ? std::optional<std::int64_t>(plot_run)
                                           : default_sample_run(report);
    if (values->count("plot-run") && !has_run(report, plot_run)) {
      throw ConfigError("--plot-run " + std::to_string(plot_run) +
                        ": no such run among the report's runs (`gantry runs` lists them)");
    }
    std::error_code error;
    std::filesystem::create_directories(plots, error);
    if (error) {
      throw StorageError("cannot create the figures' directory '" + plots +
                         "': " + error.message());
    }
  }
  analysis::write_report(std::cout, report, report_format);

  if (!curves_csv.empty()) {
    analysis::write_curves_csv(out, report);
    out.close();
    if (!out) throw StorageError("cannot write the curves to '" + curves_csv + "'");
    std::cerr << "curves across seeds: " << curves_csv << "\n";
  }
  if (!plots.empty()) {
    analysis::PlotRequest plot_request{plots, sample_run};
    auto files = analysis::write_plots(report, plot_request);
    std::cerr << "figures: " << files.size() << " files in " << plots << "\n";
  }
  return kSuccess;
}

}  // namespace gantry::cli
