#include <algorithm>
#include <map>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/report/curve_across_runs.hpp"
#include "gantry/analysis/stats/descriptive.hpp"

using Catch::Matchers::WithinAbs;
using gantry::Curve;
using gantry::analysis::curve_across_runs;
using gantry::analysis::curve_stats;
using gantry::analysis::CurvePoint;

namespace {

const std::vector<double> kProbabilities{0.1, 0.25, 0.5, 0.75, 0.9};

// The straightforward definition: every step's values gathered in a map, sorted, summarised.
std::vector<CurvePoint> by_map_of_steps(const std::vector<Curve>& curves) {
  std::map<long long, std::vector<double>> by_step;
  for (const Curve& curve : curves) {
    for (const auto& [step, value] : curve) by_step[step].push_back(value);
  }
  std::vector<CurvePoint> points;
  for (auto& [step, values] : by_step) {
    std::sort(values.begin(), values.end());
    auto stats = curve_stats(values, kProbabilities);
    points.push_back(CurvePoint{step, values.size(), stats.mean, stats.sd, stats.quantiles});
  }
  return points;
}

void require_identical(const std::vector<CurvePoint>& got, const std::vector<CurvePoint>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].step == want[i].step);
    CHECK(got[i].n == want[i].n);
    // Bit for bit: the report's output must not change by a digit.
    CHECK(got[i].mean == want[i].mean);
    CHECK(got[i].sd == want[i].sd);
    CHECK(got[i].quantiles == want[i].quantiles);
  }
}

}  // namespace

TEST_CASE("a curve across runs has one point per step any run logged", "[curve_across_runs]") {
  // Runs that logged different steps: a run that stopped early, one that logged more often.
  std::vector<Curve> curves = {{{10, 1.0}, {20, 0.8}, {30, 0.6}},
                               {{10, 3.0}, {20, 0.4}},
                               {{5, 2.0}, {10, 2.0}, {15, 1.5}, {20, 0.2}, {30, 0.7}},
                               {}};
  auto points = curve_across_runs(curves, kProbabilities);
  require_identical(points, by_map_of_steps(curves));
  REQUIRE(points.size() == 5);
  CHECK(points[0].step == 5);
  CHECK(points[0].n == 1);
  CHECK_FALSE(points[0].sd);
  CHECK(points[1].step == 10);
  CHECK(points[1].n == 3);
  CHECK_THAT(points[1].mean, WithinAbs(2.0, 1e-15));
  CHECK_THAT(points[1].quantiles[2], WithinAbs(2.0, 1e-15));
  CHECK(points[4].step == 30);
  CHECK(points[4].n == 2);
  CHECK_THAT(points[4].mean, WithinAbs(0.65, 1e-15));
}

TEST_CASE("a curve across runs does not depend on the order of the runs", "[curve_across_runs]") {
  std::vector<Curve> curves;
  for (int run = 0; run < 7; ++run) {
    Curve curve;
    for (long long step = 1; step <= 50; ++step) {
      if ((step + run) % 4 == 0) continue;  // each run misses other steps
      curve.emplace_back(step, 0.1 * run + 1.0 / static_cast<double>(step + run));
    }
    curves.push_back(curve);
  }
  auto points = curve_across_runs(curves, kProbabilities);
  require_identical(points, by_map_of_steps(curves));
  std::reverse(curves.begin(), curves.end());
  require_identical(curve_across_runs(curves, kProbabilities), points);
}

TEST_CASE("no runs make an empty curve", "[curve_across_runs]") {
  CHECK(curve_across_runs({}, kProbabilities).empty());
  CHECK(curve_across_runs({{}, {}}, kProbabilities).empty());
}
