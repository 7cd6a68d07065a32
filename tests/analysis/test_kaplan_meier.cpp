#include <cmath>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/kaplan_meier.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::kaplan_meier;
using gantry::analysis::SurvivalObservation;

// Expected values: tests/analysis/reference/reference_values.py, section "kaplan_meier" (a
// separate numpy product-limit / Greenwood / log-log implementation, and R's quantile.survfit
// median rule transcribed in Python).

namespace {

std::vector<SurvivalObservation> observations(const std::vector<double>& times,
                                              const std::vector<bool>& events) {
  std::vector<SurvivalObservation> result;
  for (std::size_t i = 0; i < times.size(); ++i) result.push_back({times[i], events[i]});
  return result;
}

// Freireich et al. (1963), 6-MP arm: weeks in remission, false = censored (+). Gehan (1965);
// Kleinbaum & Klein, Survival Analysis, chapter 2. Given in shuffled order on purpose.
std::vector<SurvivalObservation> six_mp() {
  return observations(
      {23, 6, 6, 6, 35, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 6, 25, 32, 32, 34},
      {true, true,  true,  true,  false, true,  false, true,  false, false, true,
       true, false, false, false, true,  false, false, false, false, false});
}

}  // namespace

TEST_CASE("Kaplan-Meier reproduces the 6-MP remission curve", "[kaplan_meier]") {
  auto curve = kaplan_meier(six_mp());
  CHECK(curve.n == 21);
  REQUIRE(curve.steps.size() == 7);

  // Textbook S(t) (Kleinbaum & Klein): 0.857 0.807 0.753 0.690 0.627 0.538 0.448. The Greenwood
  // SEs and log-log bands, to 4 decimals 0.0764 (0.6197, 0.9516), 0.0869 (0.5631, 0.9228),
  // 0.0963 (0.5032, 0.8894), 0.1068 (0.4316, 0.8491), 0.1141 (0.3675, 0.8049),
  // 0.1282 (0.2678, 0.7468), 0.1346 (0.1881, 0.6801), are what R's
  // summary(survfit(Surv(time, status) ~ 1, conf.type = "log-log")) and Stata's sts list print
  // for this data set (quoted from memory; R is not installed here, the full-precision values
  // below come from reference_values.py).
  struct Row {
    double time;
    std::size_t at_risk, events, censored;
    double survival, std_error, lower, upper;
  };
  const Row expected[] = {
      {6, 21, 3, 1, 0.85714285714285721, 0.076360354832121252, 0.61971795526598372,
       0.95155174764699713},
      {7, 17, 1, 1, 0.80672268907563027, 0.086935285180057206, 0.56314656462223334,
       0.9228090192028805},
      {10, 15, 1, 2, 0.75294117647058822, 0.096349652994320509, 0.5031995107999564,
       0.88936183516926559},
      {13, 12, 1, 0, 0.69019607843137254, 0.10681470777500983, 0.43161022248618397,
       0.84906596334945084},
      {16, 11, 1, 3, 0.62745098039215685, 0.11405386525675254, 0.36751085598750205,
       0.80491218947184129},
      {22, 7, 1, 0, 0.53781512605042026, 0.12823375169303403, 0.26777893676713499,
       0.74679071763539473},
      {23, 6, 1, 5, 0.44817927170868355, 0.13459145675576048, 0.18805200595923241,
       0.68014262849524154},
  };
  for (std::size_t i = 0; i < curve.steps.size(); ++i) {
    const auto& step = curve.steps[i];
    const auto& row = expected[i];
    INFO("time " << row.time);
    CHECK(step.time == row.time);
    CHECK(step.at_risk == row.at_risk);
    CHECK(step.events == row.events);
    CHECK(step.censored == row.censored);
    CHECK_THAT(step.survival, WithinRel(row.survival, 1e-13));
    REQUIRE(step.std_error);
    CHECK_THAT(*step.std_error, WithinRel(row.std_error, 1e-12));
    REQUIRE(step.lower);
    REQUIRE(step.upper);
    CHECK_THAT(*step.lower, WithinRel(row.lower, 1e-12));
    CHECK_THAT(*step.upper, WithinRel(row.upper, 1e-12));
  }

  // Median 23 (Kleinbaum & Klein). Its interval: the lower band first falls to 0.5 at 13; the
  // upper band never does (R prints 0.95UCL NA).
  REQUIRE(curve.median);
  CHECK(*curve.median == 23.0);
  REQUIRE(curve.median_lower);
  CHECK(*curve.median_lower == 13.0);
  CHECK_FALSE(curve.median_upper);
}

TEST_CASE("Kaplan-Meier median follows R's rule for a flat at 0.5", "[kaplan_meier]") {
  SECTION("flat between two events: midpoint to the next event") {
    // S = 0.75, 0.5, 0.25, 0 at 1, 2, 3, 4 -> median (2 + 3) / 2.
    auto curve = kaplan_meier(observations({1, 2, 3, 4}, {true, true, true, true}));
    REQUIRE(curve.median);
    CHECK(*curve.median == 2.5);
    CHECK(*curve.median_lower == 1.0);
    CHECK_FALSE(curve.median_upper);
  }
  SECTION("flat to the end: midpoint to the last observed time") {
    // S = 0.75, 0.5 at 1, 2, then censored at 3 and 4 -> median (2 + 4) / 2.
    auto curve = kaplan_meier(observations({1, 2, 3, 4}, {true, true, false, false}));
    REQUIRE(curve.median);
    CHECK(*curve.median == 3.0);
    CHECK(curve.steps.back().censored == 2);
  }
  SECTION("censored before the first event is not a row, and the curve ends at 0.5") {
    auto curve = kaplan_meier(observations({5, 8, 9}, {false, true, false}));
    REQUIRE(curve.steps.size() == 1);
    CHECK(curve.n - curve.steps[0].at_risk == 1);
    CHECK(curve.steps[0].survival == 0.5);
    CHECK(*curve.median == 8.5);
    CHECK(*curve.median_lower == 8.0);
    CHECK_FALSE(curve.median_upper);
  }
  SECTION("never reaching 0.5: no median, though its lower band does reach it") {
    auto curve = kaplan_meier(observations({1, 2, 3, 4}, {true, false, false, false}));
    CHECK(curve.steps.size() == 1);
    CHECK_FALSE(curve.median);
    REQUIRE(curve.median_lower);  // lower band 0.128 at t = 1
    CHECK(*curve.median_lower == 1.0);
    CHECK_FALSE(curve.median_upper);
  }
}

TEST_CASE("Kaplan-Meier handles survival falling to 0 without NaN", "[kaplan_meier]") {
  // {1, 2, 2+, 3}: the last one at risk has the event at 3.
  auto curve = kaplan_meier(observations({1, 2, 2, 3}, {true, true, false, true}));
  REQUIRE(curve.steps.size() == 3);
  CHECK_THAT(*curve.steps[0].std_error, WithinRel(0.21650635094610965, 1e-13));
  CHECK_THAT(*curve.steps[0].lower, WithinRel(0.1279469175951458, 1e-12));
  CHECK_THAT(*curve.steps[0].upper, WithinRel(0.9605486422850784, 1e-12));
  CHECK(curve.steps[1].survival == 0.5);
  CHECK(curve.steps[1].censored == 1);
  CHECK_THAT(*curve.steps[1].std_error, WithinRel(0.25, 1e-13));
  CHECK_THAT(*curve.steps[1].lower, WithinRel(0.05784708299514453, 1e-12));
  CHECK_THAT(*curve.steps[1].upper, WithinRel(0.844861281190374, 1e-12));

  const auto& last = curve.steps[2];
  CHECK(last.at_risk == 1);
  CHECK(last.survival == 0.0);
  CHECK_FALSE(last.std_error);
  CHECK_FALSE(last.lower);
  CHECK_FALSE(last.upper);
  CHECK(*curve.median == 2.5);
  CHECK(*curve.median_lower == 1.0);
  CHECK_FALSE(curve.median_upper);
}

TEST_CASE("Kaplan-Meier edge cases and errors", "[kaplan_meier]") {
  SECTION("no events: no rows, no median") {
    auto curve = kaplan_meier(observations({3, 1}, {false, false}));
    CHECK(curve.n == 2);
    CHECK(curve.steps.empty());
    CHECK_FALSE(curve.median);
  }
  SECTION("a wider confidence level widens the band") {
    auto narrow = kaplan_meier(six_mp(), 0.90);
    auto wide = kaplan_meier(six_mp(), 0.99);
    CHECK(*wide.steps[3].lower < *narrow.steps[3].lower);
    CHECK(*wide.steps[3].upper > *narrow.steps[3].upper);
  }
  SECTION("errors") {
    CHECK_THROWS_AS(kaplan_meier({}), std::invalid_argument);
    CHECK_THROWS_AS(kaplan_meier({{std::nan(""), true}}), std::invalid_argument);
    CHECK_THROWS_AS(kaplan_meier(six_mp(), 1.5), std::invalid_argument);
  }
}
