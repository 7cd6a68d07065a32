// build_report on a small results database: a report that does not keep the runs' evaluations
// (ReportRequest::keep_evaluations, off unless figures are drawn) says the same as one that does.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "gantry/analysis/report/report.hpp"
#include "gantry/store/results_db.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using gantry::analysis::build_report;
using gantry::analysis::GroupOverpowering;
using gantry::analysis::Report;
using gantry::analysis::ReportRequest;

namespace {

using Scratch = gantry::testing::ScratchDir;

constexpr int kEvaluations = 20;

// Six finished runs, K = 1 and 2 over three seeds, evaluated every 10 steps. D's accuracies
// reach 0.95 from evaluation 10 - 2 K - seed on, so every run gets dominated, at a known step.
std::string write_db(const fs::path& dir) {
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path);
  std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "gantry sweep x2.ini");
  for (std::int64_t k = 1; k <= 2; ++k) {
    for (std::int64_t seed = 1; seed <= 3; ++seed) {
      gantry::RunStart start{sweep,
                             seed,
                             "run-" + std::to_string(k) + "-" + std::to_string(seed),
                             "[trainer]\n",
                             "data=x2@1.0.0",
                             {{"trainer.k", k}}};
      std::int64_t run = db.begin_run(start, {}).value();
      std::vector<gantry::MetricPoint> points;
      for (int i = 0; i < kEvaluations; ++i) {
        double accuracy = i >= 10 - 2 * k - seed ? 0.95 : 0.6 + 0.01 * i;
        points.push_back({"eval.d_acc_real", 10 * (i + 1), accuracy});
        points.push_back({"eval.d_acc_fake", 10 * (i + 1), accuracy - 0.01 * seed});
      }
      db.append_metrics(run, points);
      db.end_run(run, {gantry::RecordedStatus::finished,
                       1.0,
                       10 * kEvaluations,
                       "",
                       {{"g_loss", 0.5 + 0.1 * seed}}});
    }
  }
  return path;
}

Report report_of(const std::string& path, bool keep_evaluations) {
  gantry::ResultsSnapshot snapshot(path);
  ReportRequest request;
  request.keep_evaluations = keep_evaluations;
  return build_report(snapshot, request);
}

void require_same_overpowering(const GroupOverpowering& kept, const GroupOverpowering& dropped) {
  REQUIRE(kept.runs.size() == dropped.runs.size());
  for (std::size_t i = 0; i < kept.runs.size(); ++i) {
    CHECK(kept.runs[i].run_id == dropped.runs[i].run_id);
    CHECK(kept.runs[i].evaluations == dropped.runs[i].evaluations);
    CHECK(kept.runs[i].onset_step == dropped.runs[i].onset_step);
    CHECK(kept.runs[i].dominated_fraction == dropped.runs[i].dominated_fraction);
    CHECK(kept.runs[i].final_balanced_accuracy == dropped.runs[i].final_balanced_accuracy);
    CHECK(kept.runs[i].points.size() == kept.runs[i].evaluations);
    CHECK(dropped.runs[i].points.empty());
  }
  REQUIRE(kept.overpowered);
  REQUIRE(dropped.overpowered);
  CHECK(kept.overpowered->successes == dropped.overpowered->successes);
  REQUIRE(kept.onset);
  REQUIRE(dropped.onset);
  CHECK(kept.onset->median == dropped.onset->median);
  CHECK(kept.mean_dominated_fraction == dropped.mean_dominated_fraction);
}

}  // namespace

TEST_CASE("a report without the runs' evaluations says the same", "[report]") {
  Scratch dir;
  std::string path = write_db(dir.path());
  Report kept = report_of(path, true);
  Report dropped = report_of(path, false);
  REQUIRE(kept.groups.size() == 2);
  REQUIRE(dropped.groups.size() == 2);
  for (std::size_t group = 0; group < kept.groups.size(); ++group) {
    require_same_overpowering(kept.groups[group].overpowering, dropped.groups[group].overpowering);
  }
  // K = 1, seed 1: dominated from evaluation 7 (step 80) on, a window of 3 from there.
  const auto& first = dropped.groups[0].overpowering.runs[0];
  CHECK(first.evaluations == kEvaluations);
  CHECK(first.onset_step == 80);
  CHECK(first.dominated_fraction == 13.0 / kEvaluations);
  CHECK(dropped.groups[0].overpowering.overpowered->successes == 3);
}
