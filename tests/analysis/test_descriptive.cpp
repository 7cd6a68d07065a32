#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/descriptive.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::curve_stats;
using gantry::analysis::curve_stats_of_sorted;
using gantry::analysis::CurveStats;
using gantry::analysis::quantile;
using gantry::analysis::summarize;

// Expected values: tests/analysis/reference/reference_values.py, section "descriptive"
// (numpy.quantile's default 'linear' method is type 7). t intervals: scipy.stats.t.interval with
// its quantile polished by root-finding on t.sf, because SciPy 1.10's t.ppf is only good to about
// 1e-10 relative (df = 1: 12.706204736432095 against the exact tan(0.475 pi) =
// 12.706204736174696, which Boost reproduces); plain t.interval is checked to 1e-9.

namespace {
const std::vector<double> kSample{2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 4.0};
}  // namespace

TEST_CASE("type 7 quantiles match numpy.quantile", "[descriptive]") {
  SECTION("interior and extreme probabilities of an unsorted sample") {
    CHECK_THAT(quantile(kSample, 0.0), WithinRel(1.8999999999999999, 1e-15));
    CHECK_THAT(quantile(kSample, 0.1), WithinRel(2.04, 1e-14));
    CHECK_THAT(quantile(kSample, 0.25), WithinRel(2.625, 1e-14));
    CHECK_THAT(quantile(kSample, 0.5), WithinRel(3.3499999999999996, 1e-14));
    CHECK_THAT(quantile(kSample, 0.75), WithinRel(4.0999999999999996, 1e-14));
    CHECK_THAT(quantile(kSample, 0.9), WithinRel(4.7599999999999998, 1e-14));
    CHECK_THAT(quantile(kSample, 0.99), WithinRel(5.5159999999999991, 1e-14));
    CHECK_THAT(quantile(kSample, 1.0), WithinRel(5.5999999999999996, 1e-15));
  }
  SECTION("two values interpolate linearly") {
    CHECK_THAT(quantile({7.0, 3.0}, 0.3), WithinRel(4.2000000000000002, 1e-14));
  }
  SECTION("one value is every quantile") {
    CHECK(quantile({2.5}, 0.0) == 2.5);
    CHECK(quantile({2.5}, 0.7) == 2.5);
    CHECK(quantile({2.5}, 1.0) == 2.5);
  }
}

TEST_CASE("quantile rejects what it cannot answer", "[descriptive]") {
  CHECK_THROWS_AS(quantile({}, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(quantile({1.0, 2.0}, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(quantile({1.0, 2.0}, 1.1), std::invalid_argument);
  CHECK_THROWS_AS(quantile({1.0, std::nan("")}, 0.5), std::invalid_argument);
}

TEST_CASE("summarize gives mean, sd, t interval, quartiles and cv", "[descriptive]") {
  SECTION("95% interval") {
    auto s = summarize(kSample);
    CHECK(s.n == 8);
    CHECK_THAT(s.mean, WithinRel(3.4375, 1e-14));
    REQUIRE(s.sd);
    CHECK_THAT(*s.sd, WithinRel(1.2246719677413329, 1e-13));
    // t.interval(0.95, 7, loc=mean, scale=sd/sqrt(8)), polished; SciPy's own is
    // [2.4136486130870272, 4.4613513869129733].
    REQUIRE(s.ci_low);
    REQUIRE(s.ci_high);
    CHECK_THAT(*s.ci_low, WithinRel(2.4136486128348187, 1e-12));
    CHECK_THAT(*s.ci_high, WithinRel(4.4613513871651813, 1e-12));
    CHECK_THAT(*s.ci_low, WithinRel(2.4136486130870272, 1e-9));
    CHECK_THAT(*s.ci_high, WithinRel(4.4613513869129733, 1e-9));
    CHECK_THAT(s.median, WithinRel(3.3499999999999996, 1e-14));
    CHECK_THAT(s.q1, WithinRel(2.625, 1e-14));
    CHECK_THAT(s.q3, WithinRel(4.0999999999999996, 1e-14));
    CHECK(s.min == 1.9);
    CHECK(s.max == 5.6);
    REQUIRE(s.cv);
    CHECK_THAT(*s.cv, WithinRel(0.35626820879747867, 1e-13));
  }
  SECTION("90% interval") {
    auto s = summarize(kSample, 0.90);
    CHECK_THAT(*s.ci_low, WithinRel(2.6171722326567224, 1e-12));
    CHECK_THAT(*s.ci_high, WithinRel(4.2578277673432776, 1e-12));
    CHECK_THAT(*s.ci_low, WithinRel(2.6171722326691498, 1e-9));  // SciPy's t.interval
    CHECK_THAT(*s.ci_high, WithinRel(4.2578277673308502, 1e-9));
  }
  SECTION("two values: t with one degree of freedom (Cauchy, quantile tan(0.475 pi))") {
    auto s = summarize({3.0, 7.0});
    CHECK_THAT(*s.ci_low, WithinRel(-20.412409472349392, 1e-12));
    CHECK_THAT(*s.ci_high, WithinRel(30.412409472349392, 1e-12));
  }
  SECTION("cv uses |mean| for a negative mean") {
    auto s = summarize({-4.0, -1.5, -2.5});
    REQUIRE(s.cv);
    CHECK_THAT(*s.cv, WithinRel(0.47186465220442186, 1e-13));
  }
}

TEST_CASE("summarize leaves undefined statistics empty", "[descriptive]") {
  SECTION("one value: no sd, interval or cv") {
    auto s = summarize({4.2});
    CHECK(s.n == 1);
    CHECK(s.mean == 4.2);
    CHECK_FALSE(s.sd);
    CHECK_FALSE(s.ci_low);
    CHECK_FALSE(s.ci_high);
    CHECK_FALSE(s.cv);
    CHECK(s.median == 4.2);
    CHECK(s.q1 == 4.2);
    CHECK(s.q3 == 4.2);
  }
  SECTION("mean 0: no cv, but an sd") {
    auto s = summarize({-1.0, 1.0});
    CHECK(s.mean == 0.0);
    REQUIRE(s.sd);
    CHECK_THAT(*s.sd, WithinRel(std::sqrt(2.0), 1e-15));
    CHECK_FALSE(s.cv);
  }
  SECTION("identical values: zero-width interval") {
    auto s = summarize({2.0, 2.0, 2.0});
    CHECK(*s.sd == 0.0);
    CHECK(*s.ci_low == 2.0);
    CHECK(*s.ci_high == 2.0);
    CHECK(*s.cv == 0.0);
  }
}

TEST_CASE("summarize rejects empty, non-finite and bad confidence", "[descriptive]") {
  CHECK_THROWS_AS(summarize({}), std::invalid_argument);
  CHECK_THROWS_AS(summarize({1.0, std::numeric_limits<double>::infinity()}), std::invalid_argument);
  CHECK_THROWS_AS(summarize({1.0, 2.0}, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(summarize({1.0, 2.0}, 1.0), std::invalid_argument);
}

TEST_CASE("curve_stats gives mean, sd and the requested quantiles in order", "[descriptive]") {
  SECTION("several values") {
    auto c = curve_stats(kSample, {0.9, 0.1, 0.5});
    CHECK(c.n == 8);
    CHECK_THAT(c.mean, WithinRel(3.4375, 1e-14));
    REQUIRE(c.sd);
    CHECK_THAT(*c.sd, WithinRel(1.2246719677413329, 1e-13));
    REQUIRE(c.quantiles.size() == 3);
    CHECK_THAT(c.quantiles[0], WithinRel(4.7599999999999998, 1e-14));
    CHECK_THAT(c.quantiles[1], WithinRel(2.04, 1e-14));
    CHECK_THAT(c.quantiles[2], WithinRel(3.3499999999999996, 1e-14));
  }
  SECTION("one value has no sd") {
    auto c = curve_stats({1.5}, {0.25});
    CHECK_FALSE(c.sd);
    CHECK(c.quantiles == std::vector<double>{1.5});
  }
  SECTION("errors") {
    CHECK_THROWS_AS(curve_stats({}, {0.5}), std::invalid_argument);
    CHECK_THROWS_AS(curve_stats({1.0}, {1.5}), std::invalid_argument);
  }
}

TEST_CASE("curve_stats_of_sorted gives curve_stats' numbers for the sorted sample",
          "[descriptive]") {
  std::vector<double> sorted = kSample;
  std::sort(sorted.begin(), sorted.end());
  const std::vector<double> probabilities{0.1, 0.25, 0.5, 0.75, 0.9};
  CurveStats expected = curve_stats(sorted, probabilities);
  CurveStats c = curve_stats_of_sorted(sorted, probabilities);
  CHECK(c.n == expected.n);
  // Bit for bit: the report's curves must not change by a digit.
  CHECK(c.mean == expected.mean);
  REQUIRE(c.sd);
  CHECK(*c.sd == *expected.sd);
  CHECK(c.quantiles == expected.quantiles);
  CHECK_THAT(c.quantiles[0], WithinRel(2.04, 1e-14));
  CHECK_THROWS_AS(curve_stats_of_sorted({}, {0.5}), std::invalid_argument);
  CHECK_THROWS_AS(curve_stats_of_sorted({1.0}, {-0.5}), std::invalid_argument);
}
