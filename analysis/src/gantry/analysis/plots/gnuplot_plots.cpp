#include "gantry/analysis/plots/gnuplot_plots.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "gantry/analysis/plots/gnuplot.hpp"
#include "gantry/analysis/plots/report_plots.hpp"
#include "gantry/analysis/plots/sample_plots.hpp"
#include "gantry/artifacts/sample_reader.hpp"
#include "gantry/base/errors.hpp"

namespace gantry::analysis {
namespace {

namespace fs = std::filesystem;

void prepare_directory(const std::string& directory) {
  if (directory.empty()) throw ConfigError("no plot directory given");
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) {
    throw StorageError("cannot create the plot directory '" + directory + "': " + error.message());
  }
  if (!fs::is_directory(directory, error)) {
    throw StorageError("cannot write plots into '" + directory + "': not a directory");
  }
  if (::access(directory.c_str(), W_OK | X_OK) != 0) {
    throw StorageError("cannot write plots into '" + directory + "': " + std::strerror(errno));
  }
}

const RunRecord& find_run(const Report& report, std::int64_t run_id) {
  if (report.runs) {
    for (const RunRecord& run : *report.runs) {
      if (run.id == run_id) return run;
    }
  }
  throw ConfigError("cannot draw the samples of run " + std::to_string(run_id) +
                    ": it is not among the report's runs (`gantry runs` lists them)");
}

// RunRecord::hdf5_path is already resolved against the database's directory.
std::string hdf5_file_of(const RunRecord& run) {
  if (run.hdf5_path.empty()) {
    throw StorageError("cannot draw the samples of run " + std::to_string(run.id) +
                       ": the results database records no HDF5 file for it");
  }
  fs::path path(run.hdf5_path);
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    throw StorageError("cannot draw the samples of run " + std::to_string(run.id) +
                       ": its HDF5 file '" + path.string() + "' is missing (moved or deleted?)");
  }
  return path.string();
}

std::string run_title(const Report& report, const RunRecord& run) {
  std::string title = "run " + std::to_string(run.id) + " (seed " + std::to_string(run.seed);
  for (const GroupReport& group : report.groups) {
    if (std::find(group.run_ids.begin(), group.run_ids.end(), run.id) != group.run_ids.end() &&
        !group.group.labels.empty()) {
      title += ", " + group.group.name();
    }
  }
  return title + ")";
}

// The metrics of the final-value figures: the report's metrics, and the compared one.
std::vector<std::string> final_metrics(const ReportRequest& request) {
  std::vector<std::string> metrics = request.metrics;
  if (!request.compare_metric.empty() &&
      std::find(metrics.begin(), metrics.end(), request.compare_metric) == metrics.end()) {
    metrics.insert(metrics.begin(), request.compare_metric);
  }
  return metrics;
}

}  // namespace

WrittenPlots write_plots(const Report& report, const PlotRequest& request) {
  // Everything that can be checked is checked before the first file is written.
  std::string gnuplot = plots::find_gnuplot();
  WrittenPlots written;
  std::optional<plots::Figure> samples;
  if (request.sample_run) {
    const RunRecord& run = find_run(report, *request.sample_run);
    try {
      RunSamples read = read_run_samples(hdf5_file_of(run));
      samples = plots::samples_figure(read, run.id, run_title(report, run));
    } catch (const StorageError& error) {
      // One damaged file must not cost the figures that come from the database alone.
      if (!request.sample_run_is_default) throw;
      written.notes.push_back(std::string("the samples figure is left out: ") + error.what());
    }
  }
  prepare_directory(request.directory);

  std::vector<plots::Figure> figures;
  auto add = [&figures](std::optional<plots::Figure> figure) {
    if (figure) figures.push_back(std::move(*figure));
  };
  for (std::size_t i = 0; i < report.request.curve_metrics.size(); ++i) {
    add(plots::curve_figure(report, i));
  }
  add(plots::balanced_accuracy_figure(report));
  for (const std::string& metric : final_metrics(report.request)) {
    add(plots::final_metric_figure(report, metric));
  }
  add(plots::expected_best_figure(report, report.request.compare_metric));
  add(plots::onset_survival_figure(report));
  add(std::move(samples));

  for (const plots::Figure& figure : figures) {
    for (std::string& file : plots::draw_figure(gnuplot, request.directory, figure)) {
      written.files.push_back(std::move(file));
    }
  }
  return written;
}

}  // namespace gantry::analysis
