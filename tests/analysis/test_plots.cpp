// `gantry report --plots`: a hand-built report drawn by the real gnuplot (CI installs Debian's
// gnuplot-nox; without it these tests fail and say so), and the errors a user can meet.
#include <H5Cpp.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gantry/analysis/plots/gnuplot.hpp"
#include "gantry/analysis/plots/gnuplot_plots.hpp"
#include "gantry/analysis/plots/sample_plots.hpp"
#include "gantry/analysis/stats/expected_best.hpp"
#include "gantry/base/errors.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using gantry::Curve;
using gantry::RunRecord;
using namespace gantry::analysis;
using Catch::Matchers::Contains;

namespace {

using Scratch = gantry::testing::ScratchDir;

// Sets an environment variable for the scope of a test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    const char* old = std::getenv(name);
    if (old) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Fails the test, saying why, when gnuplot is not installed: the plot tests must not pass
// without drawing anything.
void require_gnuplot() {
  try {
    plots::find_gnuplot();
  } catch (const gantry::ConfigError& error) {
    FAIL("these tests draw with the real gnuplot: " << error.what());
  }
}

void write_samples(H5::H5File& file, const std::string& name, const std::vector<float>& values,
                   std::size_t columns, long long step) {
  hsize_t dims[2] = {values.size() / columns, columns};
  H5::DataSet dataset =
      file.createDataSet("/samples/" + name, H5::PredType::IEEE_F32LE, H5::DataSpace(2, dims));
  dataset.write(values.data(), H5::PredType::NATIVE_FLOAT);
  if (step >= 0) {
    std::int64_t value = step;
    dataset.createAttribute("step", H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR))
        .write(H5::PredType::NATIVE_INT64, &value);
  }
}

// A run file of x2-like (x, x^2) rows: the real ones, and generated ones at steps 10, 20, 100
// (written out of order) and after training.
void write_curve_run(const fs::path& path) {
  fs::create_directories(path.parent_path());
  H5::H5File file(path.string(), H5F_ACC_TRUNC);
  file.createGroup("/samples");
  auto rows = [](double noise, double shrink) {
    std::vector<float> values;
    for (int i = 0; i < 200; ++i) {
      double x = -1 + 2 * i / 199.0;
      values.push_back(static_cast<float>(x * shrink));
      values.push_back(static_cast<float>(x * x + noise * std::sin(37.0 * i)));
    }
    return values;
  };
  write_samples(file, "real", rows(0, 1), 2, -1);
  write_samples(file, "step_100", rows(0.1, 0.9), 2, 100);
  write_samples(file, "step_10", rows(0.6, 0.3), 2, 10);
  write_samples(file, "step_20", rows(0.3, 0.6), 2, 20);
  write_samples(file, "final", rows(0.05, 1), 2, 1000);
}

// A run file of sine curves: rows of 50 values.
void write_sine_run(const fs::path& path) {
  fs::create_directories(path.parent_path());
  H5::H5File file(path.string(), H5F_ACC_TRUNC);
  file.createGroup("/samples");
  auto rows = [](double noise) {
    std::vector<float> values;
    for (int row = 0; row < 8; ++row) {
      for (int column = 0; column < 50; ++column) {
        values.push_back(static_cast<float>(std::sin(0.2 * column + row) +
                                            noise * std::cos(13.0 * column * (row + 1))));
      }
    }
    return values;
  };
  write_samples(file, "real", rows(0), 50, -1);
  write_samples(file, "step_10", rows(0.5), 50, 10);
  write_samples(file, "final", rows(0.1), 50, 500);
}

// Two groups (trainer.k=1: runs 1-3; trainer.k=3: runs 4, 5 and the failed 6) with curves of
// eval.energy_distance, evaluations and onset curves, as build_report would fill them in.
Report make_report(const fs::path& database) {
  auto runs = std::make_shared<std::vector<RunRecord>>();
  for (std::int64_t id = 1; id <= 6; ++id) {
    RunRecord run;
    run.id = id;
    run.sweep = "tanh";
    run.seed = id + 10;
    run.status = id == 6 ? gantry::RecordedStatus::failed : gantry::RecordedStatus::finished;
    run.params["trainer.k"] = id <= 3 ? "1" : "3";
    // As ResultsSnapshot gives it: resolved against the database's directory.
    run.hdf5_path =
        (database.parent_path() / ("artifacts/run-" + std::to_string(id) + ".h5")).string();
    if (id != 6) {
      run.summaries["eval.energy_distance"] = 0.02 * static_cast<double>(id) + 0.01 * (id % 2);
      run.summaries["g_loss"] = 0.7 + 0.05 * static_cast<double>(id);
    }
    runs->push_back(run);
  }

  Report report;
  report.database = database.string();
  report.runs = runs;
  report.curve_probabilities = {0.1, 0.25, 0.5, 0.75, 0.9};
  report.request.group_by = {"trainer.k"};
  report.request.metrics = {"eval.energy_distance", "g_loss"};
  report.request.compare_metric = "eval.energy_distance";
  report.request.curve_metrics = {"eval.energy_distance"};
  const OverpoweringCriteria& criteria = report.request.overpowering;

  for (const std::string k : {"1", "3"}) {
    GroupReport group;
    group.group.labels = {{"trainer.k", k}};
    GroupCurve curve{"eval.energy_distance", {}};
    std::vector<SurvivalObservation> onsets;
    for (const RunRecord& run : *runs) {
      if (run.params.at("trainer.k") != k) continue;
      group.group.runs.push_back(&run);
      group.run_ids.push_back(run.id);
      (run.status == gantry::RecordedStatus::finished ? group.finished_ids : group.failed_ids)
          .push_back(run.id);
      if (run.status != gantry::RecordedStatus::finished) continue;
      // D's balanced accuracy climbs at a rate that grows with the run id: runs 4 and 5 get
      // dominated, run 3 only at its last two evaluations (no onset), runs 1 and 2 never.
      Curve accuracy;
      double rate = 0.25 + 0.07 * static_cast<double>(run.id);
      for (long long step = 100; step <= 1000; step += 100) {
        accuracy.emplace_back(step, std::min(0.99, 0.5 + rate * static_cast<double>(step) / 1000));
      }
      auto points = evaluation_points(accuracy, accuracy, {}, {}, {}, criteria);
      RunOverpowering assessed = assess_run(run.id, points, criteria);
      onsets.push_back({static_cast<double>(assessed.onset_step.value_or(assessed.last_step)),
                        assessed.ever_dominated});
      group.overpowering.runs.push_back(assessed);
    }
    for (long long step = 100; step <= 1000; step += 100) {
      std::vector<double> values;
      for (const RunRecord* run : group.group.runs) {
        if (run->status != gantry::RecordedStatus::finished) continue;
        values.push_back(0.5 * std::exp(-static_cast<double>(step) / 300) *
                             (1 + 0.2 * static_cast<double>(run->id % 3)) +
                         (k == "3" ? 0.03 : 0.01));
      }
      CurveStats stats = curve_stats(values, report.curve_probabilities);
      curve.points.push_back({step, values.size(), stats.mean, stats.sd, stats.quantiles});
    }
    group.curves.push_back(curve);
    group.overpowering.onset = kaplan_meier(onsets, report.request.confidence);
    for (const std::string& metric : report.request.metrics) {
      MetricStatistics stats;
      stats.metric = metric;
      std::vector<double> values;
      for (const auto& run : finished_values(group.group, metric)) values.push_back(run.second);
      stats.finished = values.size();
      stats.summary = summarize(values);
      stats.expected_best = expected_best_of_n(values, false, values.size());
      group.metrics.push_back(stats);
    }
    report.groups.push_back(std::move(group));
  }
  return report;
}

void check_drawn(const fs::path& dir, const std::string& stem) {
  INFO("figure " << stem << " in " << dir);
  for (const char* extension : {".gp", ".png", ".svg"}) {
    fs::path file = dir / (stem + extension);
    INFO(file);
    REQUIRE(fs::is_regular_file(file));
    CHECK(fs::file_size(file) > 0);
  }
  std::string png = read_file(dir / (stem + ".png"));
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK_THAT(read_file(dir / (stem + ".svg")), Contains("<svg"));
  CHECK_FALSE(fs::exists(dir / (stem + ".gnuplot-errors.txt")));
}

}  // namespace

TEST_CASE("write_plots draws every figure as PNG and SVG, with its data and script", "[plots]") {
  require_gnuplot();
  Scratch scratch;
  Report report = make_report(scratch.path() / "gantry.sqlite");
  write_curve_run(scratch.path() / "artifacts" / "run-4.h5");
  fs::path out = scratch.path() / "plots" / "nested";  // created by write_plots

  std::vector<std::string> written = write_plots(report, {out.string(), 4}).files;

  const std::vector<std::string> stems = {"curves-eval.energy_distance",
                                          "d-balanced-accuracy",
                                          "final-eval.energy_distance",
                                          "final-g_loss",
                                          "expected-best-eval.energy_distance",
                                          "onset-survival",
                                          "samples-run-4"};
  for (const std::string& stem : stems) {
    check_drawn(out, stem);
    CHECK(fs::is_regular_file(out / (stem + ".dat")));
    for (const char* extension : {".dat", ".gp", ".png", ".svg"}) {
      CHECK(std::find(written.begin(), written.end(), (out / (stem + extension)).string()) !=
            written.end());
    }
  }
  CHECK(written.size() == 4 * stems.size());

  // Evaluations in step order (step_20 before step_100), then the final samples.
  std::string samples = read_file(out / "samples-run-4.dat");
  auto at = [&samples](const std::string& name) { return samples.find("# /samples/" + name); };
  REQUIRE(at("step_100") != std::string::npos);
  CHECK(at("real") < at("step_10"));
  CHECK(at("step_10") < at("step_20"));
  CHECK(at("step_20") < at("step_100"));
  CHECK(at("step_100") < at("final"));

  // Group names go to the legends as they are (noenhanced: trainer.k is no subscript).
  CHECK_THAT(read_file(out / "curves-eval.energy_distance.gp"), Contains("'trainer.k=3'"));
  CHECK_THAT(read_file(out / "d-balanced-accuracy.gp"), Contains("overpowering threshold"));
  // Only the compared metric gets its expected best of n; a row per n, with the group's median.
  CHECK_FALSE(fs::exists(out / "expected-best-g_loss.gp"));
  std::string best = read_file(out / "expected-best-eval.energy_distance.dat");
  REQUIRE(best.find("# group trainer.k=3\n") != std::string::npos);
  std::string second_group = best.substr(best.find("# group trainer.k=3\n"));
  CHECK_THAT(best, Contains("\n3 "));  // trainer.k=1 has three finished runs
  CHECK_THAT(second_group, Contains("\n1 ") && Contains("\n2 ") && !Contains("\n3 "));

  // The scripts redraw the figures on their own, from the plot directory.
  fs::remove(out / "onset-survival.png");
  std::string gnuplot = plots::find_gnuplot();
  CHECK(plots::run_gnuplot(gnuplot, out.string(), "onset-survival.gp",
                           (scratch.path() / "log.txt").string()) == 0);
  CHECK(fs::file_size(out / "onset-survival.png") > 0);
}

TEST_CASE("write_plots draws rows wider than (x, y) as curves", "[plots]") {
  require_gnuplot();
  Scratch scratch;
  Report report = make_report(scratch.path() / "gantry.sqlite");
  write_sine_run(scratch.path() / "artifacts" / "run-5.h5");
  write_plots(report, {scratch.path().string(), 5});
  check_drawn(scratch.path(), "samples-run-5");
  // The first 5 rows of 50 values, one line each: 5 x 50 data lines per sample set.
  std::string data = read_file(scratch.path() / "samples-run-5.dat");
  CHECK_THAT(data, Contains("\n49 "));
}

TEST_CASE("without gnuplot on PATH, write_plots says what to install", "[plots]") {
  Scratch scratch;
  fs::create_directories(scratch.path() / "empty-bin");
  Report report = make_report(scratch.path() / "gantry.sqlite");
  ScopedEnv path("PATH", (scratch.path() / "empty-bin").string());
  REQUIRE_THROWS_MATCHES(write_plots(report, {(scratch.path() / "plots").string(), std::nullopt}),
                         gantry::ConfigError,
                         Catch::Matchers::Predicate<gantry::ConfigError>(
                             [](const gantry::ConfigError& error) {
                               std::string message = error.what();
                               return message.find("gnuplot not found") != std::string::npos &&
                                      message.find("gnuplot-nox") != std::string::npos;
                             },
                             "says gnuplot is not found and to install gnuplot-nox"));
  // Nothing is written before the check.
  CHECK_FALSE(fs::exists(scratch.path() / "plots"));
}

TEST_CASE("a sample run without its HDF5 file is a StorageError naming the run and path",
          "[plots]") {
  require_gnuplot();
  Scratch scratch;
  Report report = make_report(scratch.path() / "gantry.sqlite");
  std::string out = (scratch.path() / "plots").string();

  SECTION("the file is missing") {
    REQUIRE_THROWS_MATCHES(
        write_plots(report, {out, 4}), gantry::StorageError,
        Catch::Matchers::Predicate<gantry::StorageError>(
            [&](const gantry::StorageError& error) {
              std::string message = error.what();
              return message.find("run 4") != std::string::npos &&
                     message.find((scratch.path() / "artifacts/run-4.h5").string()) !=
                         std::string::npos &&
                     message.find("missing") != std::string::npos;
            },
            "names run 4 and its missing file"));
  }
  SECTION("no file is recorded") {
    (*std::const_pointer_cast<std::vector<RunRecord>>(report.runs))[3].hdf5_path.clear();
    REQUIRE_THROWS_WITH(write_plots(report, {out, 4}),
                        Contains("run 4") && Contains("no HDF5 file"));
  }
  SECTION("the file is not HDF5") {
    fs::create_directories(scratch.path() / "artifacts");
    std::ofstream(scratch.path() / "artifacts" / "run-4.h5") << "not hdf5";
    REQUIRE_THROWS_AS(write_plots(report, {out, 4}), gantry::StorageError);
  }
  SECTION("the run is not in the report") {
    REQUIRE_THROWS_AS(write_plots(report, {out, 99}), gantry::ConfigError);
  }
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("the default sample run's damaged file costs only its own figure", "[plots]") {
  require_gnuplot();
  Scratch scratch;
  Report report = make_report(scratch.path() / "gantry.sqlite");
  fs::create_directories(scratch.path() / "artifacts");
  std::ofstream(scratch.path() / "artifacts" / "run-4.h5") << "not hdf5";
  std::string out = (scratch.path() / "plots").string();
  WrittenPlots written = write_plots(report, {out, 4, /*sample_run_is_default=*/true});
  REQUIRE(written.notes.size() == 1);
  CHECK_THAT(written.notes[0], Contains("samples figure is left out") && Contains("run-4.h5"));
  CHECK_FALSE(written.files.empty());
  for (const std::string& file : written.files) CHECK_THAT(file, !Contains("samples"));
}

TEST_CASE("a plot directory that cannot be created is a StorageError", "[plots]") {
  require_gnuplot();
  Scratch scratch;
  std::ofstream(scratch.path() / "file") << "x";
  Report report = make_report(scratch.path() / "gantry.sqlite");
  REQUIRE_THROWS_AS(write_plots(report, {(scratch.path() / "file" / "plots").string(), {}}),
                    gantry::StorageError);
}

TEST_CASE("a failing gnuplot script is a StorageError with gnuplot's message", "[plots]") {
  require_gnuplot();
  Scratch scratch;
  plots::Figure figure;
  figure.stem = "broken";
  figure.description = "a script gnuplot refuses";
  figure.body = "plot no_such_function(x)\n";
  REQUIRE_THROWS_WITH(
      plots::draw_figure(plots::find_gnuplot(), scratch.path().string(), figure),
      Contains("gnuplot failed") && Contains("no_such_function") && Contains("broken.gp"));
  // The script stays for the user to inspect, with gnuplot's output.
  CHECK(fs::exists(scratch.path() / "broken.gp"));
  CHECK(fs::exists(scratch.path() / "broken.gnuplot-errors.txt"));
}

TEST_CASE("plot helpers quote, name and choose safely", "[plots]") {
  CHECK(plots::gnuplot_quote("it's") == "'it''s'");
  CHECK(plots::gnuplot_quote("a\nb") == "'a b'");
  CHECK(plots::file_stem("eval.energy_distance") == "eval.energy_distance");
  CHECK(plots::file_stem("a/b c") == "a_b_c");
  CHECK(plots::file_stem("-x") == "_-x");
  CHECK(plots::plot_number(0.1) == "0.1");
  CHECK(plots::plot_number(1000) == "1000");
  CHECK(gantry::analysis::evenly_spaced(3, 12) == std::vector<std::size_t>{0, 1, 2});
  CHECK(gantry::analysis::evenly_spaced(23, 12) ==
        std::vector<std::size_t>{0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22});
  std::vector<std::size_t> chosen = gantry::analysis::evenly_spaced(100, 12);
  REQUIRE(chosen.size() == 12);
  CHECK(chosen.front() == 0);
  CHECK(chosen.back() == 99);
  CHECK(std::is_sorted(chosen.begin(), chosen.end()));
}
