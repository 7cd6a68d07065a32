// `gantry report`: cross-run statistics of a results database. Parses and validates the
// command line, then calls the analysis library; nothing here computes a statistic.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/analysis/plots/gnuplot_plots.hpp"
#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/report/report.hpp"
#include "gantry/analysis/report/report_request.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/store/results_snapshot.hpp"
#include "report_page.hpp"

namespace gantry::cli {

using analysis::default_sample_run;
using analysis::has_run;
using analysis::Report;
using analysis::ReportRequest;
using analysis::validate_request;

namespace {

struct ReportArguments {
  StoreOptions store;
  ReportRequest request;
  std::string format = "table";
  std::string curves_csv;
  std::string plots;
  std::optional<std::int64_t> plot_run;
  std::string html;
  unsigned watch_seconds = 0;
};

// Columns of steps a curve is drawn in on the page: about a wide screen's pixels per two,
// and what keeps 200 runs x 5 metrics within a few megabytes.
constexpr std::size_t kDefaultPageColumns = 240;

po::options_description report_options(ReportArguments& args, std::int64_t& plot_run) {
  ReportRequest& request = args.request;
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
      "curves-csv", po::value(&args.curves_csv),
      "write the per-step curves across seeds to this CSV file (default curves: the metrics)")(
      "format", po::value(&args.format)->default_value(args.format),
      "table, markdown, csv or json")("plots", po::value(&args.plots),
                                      "draw PNG and SVG figures into this directory (gnuplot)")(
      "plot-run", po::value(&plot_run),
      "run whose generated samples are drawn (default: the best run of the compared metric; "
      "--html draws each group's best run too)")(
      "html", po::value(&args.html),
      "write the report as one self-contained HTML page to this file instead of printing it")(
      "watch", po::value(&args.watch_seconds),
      "with --html: rewrite the page every so many seconds until Ctrl-C; the page reloads itself")(
      "columns", po::value(&request.run_curve_columns)->default_value(kDefaultPageColumns),
      "with --html: the most columns of steps a curve is drawn in (each keeps its lowest and "
      "highest value)")("confidence", fractional_value(request.confidence),
                        "confidence level of every interval")(
      "alpha", fractional_value(request.alpha), "significance level for calling a difference")(
      "threshold", fractional_value(request.overpowering.threshold),
      "D dominates at an evaluation when its balanced accuracy is at least this")(
      "window", po::value(&request.overpowering.window)->default_value(request.overpowering.window),
      "consecutive dominated evaluations that make D overpowering")(
      "collapse-tolerance", fractional_value(request.overpowering.collapse_tolerance),
      "collapse: D's accuracy on real at most this and on fake at least 1 - this")(
      "power", fractional_value(request.seeds_needed.power),
      "the verdict's seeds needed: the power at which the test must find a pair's difference")(
      "power-resamples",
      po::value(&request.seeds_needed.resamples)->default_value(request.seeds_needed.resamples),
      "bootstrap resamples per number of seeds tried for the seeds needed")(
      "max-seeds",
      po::value(&request.seeds_needed.max_seeds)->default_value(request.seeds_needed.max_seeds),
      "the most seeds per group the seeds needed search tries");
  add_store_options(options, args.store, false);
  return options;
}

// The run whose samples --plots draws: the one asked for, which must be in the report, or the
// report's default.
std::optional<std::int64_t> sample_run_of(const Report& report,
                                          const std::optional<std::int64_t>& asked) {
  if (!asked) return default_sample_run(report);
  if (!has_run(report, *asked)) {
    throw ConfigError("--plot-run " + std::to_string(*asked) +
                      ": no such run among the report's runs (`gantry runs` lists them)");
  }
  return asked;
}

void create_figures_dir(const std::string& plots) {
  std::error_code error;
  std::filesystem::create_directories(plots, error);
  if (error) {
    throw StorageError("cannot create the figures' directory '" + plots + "': " + error.message());
  }
}

void write_curves_file(std::ofstream& out, const Report& report, const std::string& path) {
  analysis::write_curves_csv(out, report);
  out.close();
  if (!out) throw StorageError("cannot write the curves to '" + path + "'");
  std::cerr << "curves across seeds: " << path << "\n";
}

void validate_page_options(const ReportArguments& args, const po::variables_map& values) {
  const bool html = !args.html.empty();
  if (!html && (values.count("watch") || !values["columns"].defaulted())) {
    throw ConfigError(std::string(values.count("watch") ? "--watch" : "--columns") +
                      " is an option of the HTML page; give --html FILE");
  }
  if (values.count("watch") && args.watch_seconds == 0) {
    throw ConfigError("--watch 0: give the seconds between rewrites of the page, at least 1");
  }
  if (html && args.request.run_curve_columns < 2) {
    throw ConfigError("--columns " + std::to_string(args.request.run_curve_columns) +
                      ": a curve needs at least 2 columns");
  }
  if (args.watch_seconds > 0 && (!args.plots.empty() || !args.curves_csv.empty())) {
    throw ConfigError("--watch rewrites the page alone; give --plots and --curves-csv without it");
  }
}

}  // namespace

int command_report(const std::vector<std::string>& raw_args, const std::atomic<bool>& stop_flag) {
  ReportArguments args;
  std::int64_t plot_run = 0;
  po::options_description options = report_options(args, plot_run);
  auto values = parse_command("gantry report [options]", options, {}, raw_args);
  if (!values) return kSuccess;
  if (values->count("plot-run")) args.plot_run = plot_run;
  validate_request(args.request);
  validate_page_options(args, *values);
  auto report_format = analysis::parse_report_format(args.format);
  const bool html = !args.html.empty();
  // Curves are what the CSV and the figures are for; without --curve, those of the metrics.
  args.request.curves_of_metrics = !args.curves_csv.empty() || !args.plots.empty() || html;
  // Every run's evaluations are kept only for the figures, which draw them.
  args.request.keep_evaluations = !args.plots.empty() || html;
  if (!html) args.request.run_curve_columns = 0;
  if (args.plot_run && args.plots.empty() && !html) {
    throw ConfigError(
        "--plot-run chooses the run whose samples --plots or --html draws; give one of them");
  }
  if (args.watch_seconds > 0) {
    return watch_report_page(args.store.db, args.request,
                             PageOptions{args.html, args.watch_seconds, args.plot_run}, stop_flag);
  }

  ResultsSnapshot snapshot(args.store.db);
  Report report = analysis::build_report(snapshot, args.request);
  // Every output the user asked for is checked before the report is printed, so a bad path
  // does not leave a printed report followed by an error.
  std::ofstream out;
  if (!args.curves_csv.empty()) {
    out.open(args.curves_csv);
    if (!out) throw StorageError("cannot write the curves to '" + args.curves_csv + "'");
  }
  std::optional<std::int64_t> sample_run;
  if (!args.plots.empty() || html) sample_run = sample_run_of(report, args.plot_run);
  if (!args.plots.empty()) create_figures_dir(args.plots);
  if (html) {
    write_report_page(report, PageOptions{args.html, 0, sample_run});
  } else {
    analysis::write_report(std::cout, report, report_format);
  }
  if (!args.curves_csv.empty()) write_curves_file(out, report, args.curves_csv);
  if (!args.plots.empty()) {
    auto written = analysis::write_plots(
        report, analysis::PlotRequest{args.plots, sample_run, !args.plot_run.has_value()});
    for (const std::string& note : written.notes) std::cerr << "note: " << note << "\n";
    std::cerr << "figures: " << written.files.size() << " files in " << args.plots << "\n";
  }
  return kSuccess;
}

}  // namespace gantry::cli
