#include <stdexcept>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/wilson.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::wilson_interval;

// Expected values: tests/analysis/reference/reference_values.py, section "wilson" (the score
// formula with z = scipy.stats.norm.ppf). The published four-decimal intervals are Newcombe
// (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
// methods", Statistics in Medicine 17:857-872, method 3 (Wilson score without continuity
// correction).

TEST_CASE("Wilson interval matches Newcombe's worked examples", "[wilson]") {
  SECTION("81/263: Newcombe 0.2553-0.3662") {
    auto p = wilson_interval(81, 263);
    CHECK(p.successes == 81);
    CHECK(p.trials == 263);
    CHECK_THAT(p.estimate, WithinRel(81.0 / 263.0, 1e-15));
    CHECK_THAT(p.low, WithinRel(0.25528851987827422, 1e-12));
    CHECK_THAT(p.high, WithinRel(0.36620957698280004, 1e-12));
    CHECK_THAT(p.low, WithinAbs(0.2553, 0.00005));
    CHECK_THAT(p.high, WithinAbs(0.3662, 0.00005));
  }
  SECTION("15/148: Newcombe 0.0624-0.1605") {
    auto p = wilson_interval(15, 148);
    CHECK_THAT(p.low, WithinRel(0.062386399530736297, 1e-12));
    CHECK_THAT(p.high, WithinRel(0.16048724172330803, 1e-12));
  }
  SECTION("1/29: Newcombe 0.0061-0.1718") {
    auto p = wilson_interval(1, 29);
    CHECK_THAT(p.low, WithinRel(0.0061132142927626532, 1e-11));
    CHECK_THAT(p.high, WithinRel(0.17175521879320288, 1e-12));
  }
  SECTION("7/10 at 99%") {
    auto p = wilson_interval(7, 10, 0.99);
    CHECK_THAT(p.low, WithinRel(0.32002467920110245, 1e-12));
    CHECK_THAT(p.high, WithinRel(0.92043368347693411, 1e-12));
  }
}

TEST_CASE("Wilson interval at 0 of n and n of n", "[wilson]") {
  SECTION("0/20: low exactly 0 (Newcombe 0-0.1611)") {
    auto p = wilson_interval(0, 20);
    CHECK(p.estimate == 0.0);
    CHECK(p.low == 0.0);
    CHECK_THAT(p.high, WithinRel(0.16112515805281938, 1e-12));
  }
  SECTION("20/20: high exactly 1, mirror of 0/20") {
    auto p = wilson_interval(20, 20);
    CHECK(p.estimate == 1.0);
    CHECK_THAT(p.low, WithinRel(0.83887484194718065, 1e-12));
    CHECK(p.high == 1.0);
  }
  SECTION("0/1 and 1/1") {
    CHECK(wilson_interval(0, 1).low == 0.0);
    CHECK(wilson_interval(1, 1).high == 1.0);
  }
}

TEST_CASE("Wilson interval rejects impossible counts", "[wilson]") {
  CHECK_THROWS_AS(wilson_interval(0, 0), std::invalid_argument);
  CHECK_THROWS_AS(wilson_interval(5, 4), std::invalid_argument);
  CHECK_THROWS_AS(wilson_interval(1, 4, 1.0), std::invalid_argument);
}
