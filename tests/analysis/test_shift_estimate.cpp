#include <cmath>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/shift_estimate.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::cliffs_delta;
using gantry::analysis::hodges_lehmann;

// Expected values:
// * exact intervals: tests/analysis/reference/reference_values.R, section "hodges_lehmann"
//   (R 4.2's wilcox.test(x, y, conf.int = TRUE, conf.level = ...)$estimate and $conf.int, its
//   exact branch);
// * tied and large samples: reference_values.py, section "shift_estimate" (the documented
//   normal-approximation order statistics, computed with NumPy; not R, whose approximate branch
//   searches for a root instead);
// * Cliff's delta: reference_values.py, section "cliffs_delta" (mean of numpy.sign of the outer
//   difference).

TEST_CASE("Hodges-Lehmann interval matches R's exact wilcox.test", "[shift_estimate]") {
  SECTION("Hollander & Wolfe (1973) p. 69, R's ?wilcox.test example") {
    auto r = hodges_lehmann({0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46},
                            {1.15, 0.88, 0.90, 0.74, 1.21});
    CHECK(r.exact);
    CHECK_THAT(r.estimate, WithinRel(0.30500000000000005, 1e-14));
    CHECK_THAT(r.ci_low, WithinRel(-0.15000000000000002, 1e-14));
    CHECK_THAT(r.ci_high, WithinRel(0.7599999999999999, 1e-14));
  }
  SECTION("5 vs 6 at 95% and 90%") {
    std::vector<double> x = {1.1, 3.4, 2.2, 5.0, 4.1}, y = {6.3, 7.7, 2.9, 8.8, 9.1, 6.0};
    auto r95 = hodges_lehmann(x, y);
    CHECK(r95.exact);
    CHECK_THAT(r95.estimate, WithinRel(-3.9500000000000002, 1e-14));
    CHECK_THAT(r95.ci_low, WithinRel(-6.6000000000000005, 1e-14));
    CHECK_THAT(r95.ci_high, WithinRel(-0.69999999999999973, 1e-14));
    auto r90 = hodges_lehmann(x, y, 0.90);
    CHECK_THAT(r90.ci_low, WithinRel(-5.6999999999999993, 1e-14));
    CHECK_THAT(r90.ci_high, WithinRel(-1.2999999999999998, 1e-14));
  }
  SECTION("2 vs 2: qwilcox is 0, so the whole range (q = 1)") {
    auto r = hodges_lehmann({1, 2}, {3, 4.5});
    CHECK(r.exact);
    CHECK(r.estimate == -2.25);
    CHECK(r.ci_low == -3.5);
    CHECK(r.ci_high == -1.0);
  }
  SECTION("30 vs 25") {
    std::vector<double> x, y;
    for (int i = 0; i < 30; ++i) x.push_back(0.3 * i + 0.05);
    for (int j = 0; j < 25; ++j) y.push_back(0.25 * j + 2.01);
    auto r = hodges_lehmann(x, y);
    CHECK(r.exact);
    CHECK_THAT(r.estimate, WithinRel(-0.61000000000000032, 1e-13));
    CHECK_THAT(r.ci_low, WithinRel(-2.0099999999999998, 1e-14));
    CHECK_THAT(r.ci_high, WithinRel(0.79000000000000004, 1e-14));
  }
}

TEST_CASE("Hodges-Lehmann interval from the normal approximation", "[shift_estimate]") {
  SECTION("ties (C = 11 at 95%, 17 at 80%)") {
    std::vector<double> x = {1, 2, 2, 3, 4, 4, 5}, y = {3, 4, 5, 5, 6, 7, 7, 8};
    auto r = hodges_lehmann(x, y);
    CHECK_FALSE(r.exact);
    CHECK(r.estimate == -3.0);
    CHECK(r.ci_low == -5.0);
    CHECK(r.ci_high == -1.0);
    auto r80 = hodges_lehmann(x, y, 0.80);
    CHECK(r80.ci_low == -4.0);
    CHECK(r80.ci_high == -1.0);
  }
  SECTION("60 vs 55, no ties but a sample of 50 or more (C = 1300)") {
    std::vector<double> x, y;
    for (int i = 0; i < 60; ++i) x.push_back(0.37 * i + 5.0);
    for (int j = 0; j < 55; ++j) y.push_back(0.41 * j + 0.013);
    auto r = hodges_lehmann(x, y);
    CHECK_FALSE(r.exact);
    CHECK_THAT(r.estimate, WithinRel(4.8320000000000007, 1e-13));
    CHECK_THAT(r.ci_low, WithinRel(2.3170000000000002, 1e-13));
    CHECK_THAT(r.ci_high, WithinRel(7.3470000000000004, 1e-13));
  }
}

TEST_CASE("Hodges-Lehmann properties and bad input", "[shift_estimate]") {
  SECTION("swapping the samples negates estimate and interval") {
    std::vector<double> x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38}, y = {1.15, 0.88, 0.90, 0.74};
    auto forward = hodges_lehmann(x, y), backward = hodges_lehmann(y, x);
    CHECK_THAT(backward.estimate, WithinAbs(-forward.estimate, 1e-15));
    CHECK_THAT(backward.ci_low, WithinAbs(-forward.ci_high, 1e-15));
    CHECK_THAT(backward.ci_high, WithinAbs(-forward.ci_low, 1e-15));
  }
  SECTION("a higher confidence never gives a narrower interval") {
    std::vector<double> x = {1.1, 3.4, 2.2, 5.0, 4.1, 0.3}, y = {6.3, 7.7, 2.9, 8.8, 9.1, 6.0};
    auto narrow = hodges_lehmann(x, y, 0.5), wide = hodges_lehmann(x, y, 0.99);
    CHECK(wide.ci_low <= narrow.ci_low);
    CHECK(wide.ci_high >= narrow.ci_high);
    CHECK(narrow.ci_low <= narrow.estimate);
    CHECK(narrow.estimate <= narrow.ci_high);
  }
  SECTION("bad input") {
    CHECK_THROWS_AS(hodges_lehmann({}, {1.0}), std::invalid_argument);
    CHECK_THROWS_AS(hodges_lehmann({1.0}, {NAN}), std::invalid_argument);
    CHECK_THROWS_AS(hodges_lehmann({1.0}, {2.0}, 1.0), std::invalid_argument);
    CHECK_THROWS_AS(hodges_lehmann({1.0}, {2.0}, 0.0), std::invalid_argument);
  }
}

TEST_CASE("Cliff's delta matches the pairwise count", "[shift_estimate]") {
  CHECK_THAT(cliffs_delta({1.1, 3.4, 2.2, 5.0, 4.1}, {6.3, 7.7, 2.9, 8.8, 9.1, 6.0}),
             WithinRel(-0.80000000000000004, 1e-14));
  // Ties between the samples count neither way.
  CHECK_THAT(cliffs_delta({1, 2, 2, 3, 4, 4, 5}, {3, 4, 5, 5, 6, 7, 7, 8}),
             WithinRel(-0.7678571428571429, 1e-14));
  CHECK_THAT(cliffs_delta({0.3, 0.9, 0.5, 0.7}, {0.5, 0.2, 0.9, 0.1, 0.4}),
             WithinRel(0.40000000000000002, 1e-14));
  CHECK(cliffs_delta({10, 11}, {1, 2, 3}) == 1.0);
  CHECK(cliffs_delta({1, 2, 3}, {10, 11}) == -1.0);
  CHECK(cliffs_delta({2, 2}, {2}) == 0.0);
  CHECK_THROWS_AS(cliffs_delta({1.0}, {}), std::invalid_argument);
  CHECK_THROWS_AS(cliffs_delta({INFINITY}, {1.0}), std::invalid_argument);
}
