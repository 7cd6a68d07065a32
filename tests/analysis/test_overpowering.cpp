#include <catch2/catch.hpp>

#include "gantry/analysis/report/overpowering.hpp"

using Catch::Matchers::WithinAbs;
using gantry::Curve;
using gantry::analysis::assess_run;
using gantry::analysis::evaluation_points;
using gantry::analysis::OverpoweringCriteria;

namespace {

// Evaluations every 100 steps with the given accuracies on real and on fake rows.
std::vector<gantry::analysis::EvaluationPoint> run_of(const std::vector<double>& real,
                                                      const std::vector<double>& fake,
                                                      const OverpoweringCriteria& criteria) {
  Curve accuracy_real, accuracy_fake;
  for (std::size_t i = 0; i < real.size(); ++i) {
    accuracy_real.emplace_back(100 * (i + 1), real[i]);
    accuracy_fake.emplace_back(100 * (i + 1), fake[i]);
  }
  return evaluation_points(accuracy_real, accuracy_fake, {}, {}, {}, criteria);
}

}  // namespace

TEST_CASE("an evaluation's read-out joins D's curves by step", "[overpowering]") {
  OverpoweringCriteria criteria;
  Curve real = {{10, 0.9}, {20, 1.0}, {30, 0.2}};
  Curve fake = {{10, 0.7}, {20, 0.9}};  // step 30 lacks a fake accuracy: left out
  Curve mean_real = {{10, 0.8}, {20, 0.95}};
  Curve mean_fake = {{10, 0.3}};
  Curve sign = {{20, 1.0}};
  auto points = evaluation_points(real, fake, mean_real, mean_fake, sign, criteria);
  REQUIRE(points.size() == 2);
  CHECK(points[0].step == 10);
  CHECK_THAT(points[0].balanced_accuracy, WithinAbs(0.8, 1e-15));
  CHECK_FALSE(points[0].dominated);
  REQUIRE(points[0].gap);
  CHECK_THAT(*points[0].gap, WithinAbs(0.5, 1e-15));
  CHECK_FALSE(points[0].sign_real);
  CHECK_THAT(points[1].balanced_accuracy, WithinAbs(0.95, 1e-15));
  CHECK(points[1].dominated);
  CHECK_FALSE(points[1].gap);
  REQUIRE(points[1].sign_real);
  CHECK(*points[1].sign_real == 1.0);
}

TEST_CASE("a run is overpowered after `window` consecutive dominated evaluations",
          "[overpowering]") {
  OverpoweringCriteria criteria;  // threshold 0.9, window 3
  SECTION("a short streak is not an onset") {
    auto points = run_of({1, 1, 0.5, 1, 1}, {1, 1, 0.5, 1, 1}, criteria);
    auto run = assess_run(7, points, criteria);
    CHECK(run.run_id == 7);
    CHECK_FALSE(run.ever_dominated);
    CHECK_FALSE(run.onset_step);
    CHECK_THAT(run.dominated_fraction, WithinAbs(0.8, 1e-15));
    CHECK(run.ended_dominated);
    CHECK(run.last_step == 500);
  }
  SECTION("the onset is the first evaluation of the first full window") {
    auto points =
        run_of({0.5, 0.95, 0.95, 0.95, 0.95, 0.5}, {0.5, 0.9, 0.9, 0.9, 0.9, 0.5}, criteria);
    auto run = assess_run(1, points, criteria);
    CHECK(run.ever_dominated);
    REQUIRE(run.onset_step);
    CHECK(*run.onset_step == 200);
    CHECK_FALSE(run.ended_dominated);
    CHECK_THAT(run.dominated_fraction, WithinAbs(4.0 / 6.0, 1e-15));
  }
  SECTION("the threshold and window are the caller's") {
    OverpoweringCriteria lenient{0.7, 1, 0.05};
    auto points = run_of({0.5, 0.8}, {0.5, 0.7}, lenient);
    auto run = assess_run(1, points, lenient);
    REQUIRE(run.onset_step);
    CHECK(*run.onset_step == 200);
  }
}

TEST_CASE("D calling everything fake is a collapse, not a domination", "[overpowering]") {
  OverpoweringCriteria criteria;  // tolerance 0.05
  auto points = run_of({0.6, 0.03, 0.0, 0.0}, {0.6, 0.97, 1.0, 1.0}, criteria);
  auto run = assess_run(1, points, criteria);
  REQUIRE(run.collapse_step);
  CHECK(*run.collapse_step == 200);
  CHECK(run.ended_collapsed);
  CHECK_FALSE(run.ever_dominated);
  CHECK_THAT(*run.final_balanced_accuracy, WithinAbs(0.5, 1e-15));
}

TEST_CASE("a run without evaluations cannot be assessed", "[overpowering]") {
  CHECK_THROWS_AS(assess_run(1, {}, OverpoweringCriteria{}), std::invalid_argument);
}
