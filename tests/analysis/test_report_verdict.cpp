// The verdict in a built report: each group's expected best of n runs and each pair's shift,
// Cliff's delta and seeds needed, from a small results database, and how every format writes
// them. Reference values from R 4 (wilcox.test with conf.int = TRUE; the expected best both by
// Dodge et al.'s formula and by enumerating all 4^n draws), or worked out by hand as noted.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/report/report.hpp"
#include "gantry/analysis/report/report_request.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/text_table.hpp"
#include "gantry/store/results_db.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using namespace gantry::analysis;

namespace {

using Scratch = gantry::testing::ScratchDir;

// g_loss of the four seeds of K = 1; K = 2 has each plus 1, so the groups are separated.
const std::vector<double> kLosses = {0.4, 0.1, 0.3, 0.2};

// Eight finished runs: K = 1 and 2 over four seeds, with g_loss (lower is better) and
// eval.score (the same values, for a metric where higher is better).
std::string write_db(const fs::path& dir) {
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path);
  std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "gantry sweep x2.ini");
  for (std::int64_t k = 1; k <= 2; ++k) {
    for (std::int64_t seed = 1; seed <= 4; ++seed) {
      gantry::RunStart start{sweep,
                             seed,
                             "run-" + std::to_string(k) + "-" + std::to_string(seed),
                             "[trainer]\n",
                             "data=x2@1.0.0",
                             {{"trainer.k", k}}};
      std::int64_t run = db.begin_run(start, {}).value();
      double loss = kLosses[static_cast<std::size_t>(seed - 1)] + static_cast<double>(k - 1);
      db.end_run(run, {gantry::RecordedStatus::finished,
                       1.0,
                       100,
                       "",
                       {{"g_loss", loss}, {"eval.score", loss}}});
    }
  }
  return path;
}

Report report_of(const std::string& path, ReportRequest request = {}) {
  gantry::ResultsSnapshot snapshot(path);
  request.metrics = {"g_loss", "eval.score"};
  request.higher_is_better = {"eval.score"};
  return build_report(snapshot, request);
}

std::string rendered(const Report& report, ReportFormat format) {
  std::ostringstream out;
  write_report(out, report, format);
  return out.str();
}

}  // namespace

TEST_CASE("each group gets the expected best of n runs, in the metric's direction",
          "[report][verdict]") {
  Scratch dir;
  Report report = report_of(write_db(dir.path()));
  REQUIRE(report.groups.size() == 2);
  const MetricStatistics& loss = report.groups[0].metrics.at(0);
  const MetricStatistics& score = report.groups[0].metrics.at(1);
  REQUIRE(loss.metric == "g_loss");
  REQUIRE(score.metric == "eval.score");
  // R: the expected minimum of n draws from {0.1, 0.2, 0.3, 0.4}, n = 1 ... 4 (by hand for
  // n = 2: (7 * 0.1 + 5 * 0.2 + 3 * 0.3 + 1 * 0.4) / 16).
  const std::vector<double> lowest = {0.25, 0.1875, 0.15625, 0.13828125};
  // ... and the expected maximum, its mirror image.
  const std::vector<double> highest = {0.25, 0.3125, 0.34375, 0.36171875};
  REQUIRE(loss.expected_best.size() == 4);
  REQUIRE(score.expected_best.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK_THAT(loss.expected_best[i], WithinAbs(lowest[i], 1e-12));
    CHECK_THAT(score.expected_best[i], WithinAbs(highest[i], 1e-12));
  }
}

TEST_CASE("the compared metric's pairs get the verdict", "[report][verdict]") {
  Scratch dir;
  Report report = report_of(write_db(dir.path()));
  REQUIRE(report.effect);
  REQUIRE(report.effect->metric == "g_loss");
  REQUIRE(report.effect->pairs.size() == 1);
  const PairwiseComparison& pair = report.effect->pairs[0];
  // R: wilcox.test(x, x + 1, conf.int = TRUE) with x = c(0.4, 0.1, 0.3, 0.2): estimate -1,
  // interval [-1.3, -0.7].
  CHECK_THAT(pair.shift.estimate, WithinAbs(-1.0, 1e-12));
  CHECK_THAT(pair.shift.ci_low, WithinAbs(-1.3, 1e-12));
  CHECK_THAT(pair.shift.ci_high, WithinAbs(-0.7, 1e-12));
  CHECK_THAT(pair.cliffs_delta, WithinAbs(-1.0, 1e-12));
  // Separated groups: every resample of 4 a group is rejected (exact p = 2 / C(8, 4) = 0.029,
  // at most 0.030 with ties), almost none of 3 (exact p = 0.1); see test_group_effect.cpp.
  REQUIRE(pair.seeds_needed);
  CHECK(*pair.seeds_needed == 4);
  CHECK(
      pair.verdict ==
      "trainer.k=1 vs trainer.k=2: decided: 4 seeds per group suffice for 80% power (each has 4)");
}

TEST_CASE("the seeds-needed settings are checked and used", "[report][verdict]") {
  ReportRequest request;
  request.seeds_needed.power = 1.5;
  CHECK_THROWS_WITH(validate_request(request), Contains("--power"));
  request.seeds_needed.power = 0.8;
  request.seeds_needed.max_seeds = 1;
  CHECK_THROWS_WITH(validate_request(request), Contains("--max-seeds 1"));
  request.seeds_needed.max_seeds = static_cast<std::size_t>(-1);  // "--max-seeds -1"
  CHECK_THROWS_AS(validate_request(request), gantry::ConfigError);
  request.seeds_needed.max_seeds = 200;
  request.seeds_needed.resamples = 0;
  CHECK_THROWS_WITH(validate_request(request), Contains("--power-resamples 0"));

  Scratch dir;
  ReportRequest tight;
  tight.seeds_needed.max_seeds = 3;  // separated groups need 4
  Report report = report_of(write_db(dir.path()), tight);
  REQUIRE(report.effect);
  const PairwiseComparison& pair = report.effect->pairs.at(0);
  CHECK(pair.seeds_verdict == SeedsVerdict::out_of_reach);
  CHECK_THAT(pair.verdict, Contains("undecided: more than 3 seeds per group needed"));
}

TEST_CASE("every format writes the verdict", "[report][verdict][render]") {
  Scratch dir;
  Report report = report_of(write_db(dir.path()));

  SECTION("table") {
    std::string text = rendered(report, ReportFormat::table);
    CHECK_THAT(text, Contains("\nVerdict (g_loss)\n"));
    CHECK_THAT(text, Contains("shift (HL)") && Contains("95% CI") && Contains("Cliff's delta"));
    CHECK_THAT(text, Contains("[-1.3, -0.7]"));
    CHECK_THAT(text, Contains("- trainer.k=1 vs trainer.k=2: decided: 4 seeds per group suffice"));
    CHECK_THAT(text, Contains("with 80% power"));
    // The expected best of 4 lowest g_loss, to four digits: 0.13828125.
    CHECK_THAT(text, Contains("n=4") && Contains("0.1383"));
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(gantry::display_width(line) <= 100);
    }
  }
  SECTION("markdown") {
    std::string text = rendered(report, ReportFormat::markdown);
    CHECK_THAT(text, Contains("## Verdict (g_loss)"));
    CHECK_THAT(text, Contains("| best of | trainer.k=1 | trainer.k=2 |"));
    CHECK_THAT(text, Contains("| n=2 | 0.1875 | "));
  }
  SECTION("csv") {
    std::string csv = rendered(report, ReportFormat::csv);
    const std::string pair = "pairwise,trainer.k=1 vs trainer.k=2,,,g_loss,";
    CHECK_THAT(csv, Contains(pair + "shift,-1\n"));
    CHECK_THAT(csv, Contains(pair + "cliffs_delta,-1\n"));
    CHECK_THAT(csv, Contains(pair + "seeds_needed,4\n"));
    CHECK_THAT(csv, Contains(pair + "seeds_verdict,decided\n"));
    CHECK_THAT(csv, Contains("expected_best,trainer.k=1,,,g_loss,best_of_2,0.1875\n"));
    CHECK_THAT(csv, Contains("expected_best,trainer.k=1,,,eval.score,best_of_3,0.34375\n"));
    CHECK_THAT(csv, Contains("settings,,,,,seeds_needed.power,0.8\n"));
    CHECK_THAT(csv, Contains("settings,,,,,seeds_needed.resamples,200\n"));
  }
  SECTION("json") {
    auto json = nlohmann::json::parse(rendered(report, ReportFormat::json));
    const auto& pair = json["effect"]["pairs"][0];
    CHECK_THAT(pair["shift"]["ci_low"].get<double>(), WithinAbs(-1.3, 1e-12));
    CHECK(pair["shift"]["exact"] == true);
    CHECK_THAT(pair["cliffs_delta"].get<double>(), WithinAbs(-1.0, 1e-12));
    CHECK(pair["seeds_needed"] == 4);
    CHECK(pair["seeds_verdict"] == "decided");
    CHECK_THAT(pair["verdict"].get<std::string>(), Contains("4 seeds per group suffice"));
    const auto& best = json["groups"][1]["metrics"]["g_loss"]["expected_best"];
    REQUIRE(best.size() == 4);
    CHECK_THAT(best[1].get<double>(), WithinAbs(1.1875, 1e-12));
    CHECK(json["settings"]["seeds_needed"]["max_seeds"] == 200);
  }
}

TEST_CASE("an out-of-reach pair says how many seeds were tried", "[report][verdict][render]") {
  Scratch dir;
  ReportRequest request;
  request.seeds_needed.max_seeds = 3;
  Report report = report_of(write_db(dir.path()), request);
  // Markdown: the table format wraps the sentence at 100 columns.
  CHECK_THAT(rendered(report, ReportFormat::markdown),
             Contains("- trainer.k=1 vs trainer.k=2: undecided: more than 3 seeds per group "
                      "needed for 80% power (each has 4)"));
  auto json = nlohmann::json::parse(rendered(report, ReportFormat::json));
  CHECK(json["effect"]["pairs"][0]["seeds_needed"].is_null());
  CHECK(json["effect"]["pairs"][0]["seeds_verdict"] == "out_of_reach");
  CHECK_THAT(rendered(report, ReportFormat::csv),
             Contains("g_loss,seeds_needed,\n") && Contains("seeds_verdict,out_of_reach\n"));
}
