#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/mann_whitney.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::mann_whitney;
using gantry::analysis::MannWhitneyMethod;

// Expected values: tests/analysis/reference/reference_values.py, section "mann_whitney"
// (scipy.stats.mannwhitneyu(x, y, alternative='two-sided') with SciPy 1.10's method='auto';
// medians by numpy.median, Hodges-Lehmann as numpy.median(numpy.subtract.outer(x, y))).

TEST_CASE("Mann-Whitney exact test for small samples without ties", "[mann_whitney]") {
  SECTION("5 vs 6") {
    auto r = mann_whitney({1.1, 3.4, 2.2, 5.0, 4.1}, {6.3, 7.7, 2.9, 8.8, 9.1, 6.0});
    CHECK(r.method == MannWhitneyMethod::exact);
    CHECK(r.n1 == 5);
    CHECK(r.n2 == 6);
    CHECK(r.u == 3.0);
    CHECK_THAT(r.p_value, WithinRel(0.030303030303030304, 1e-12));  // 20 / 660
    CHECK_THAT(r.median_difference, WithinRel(-3.6000000000000001, 1e-14));
    CHECK_THAT(r.hodges_lehmann, WithinRel(-3.9500000000000002, 1e-14));
  }
  SECTION("10 vs 8: still exact, as one sample has at most 8 values") {
    auto r = mann_whitney({0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5},
                          {3.2, 5.1, 7.3, 9.9, 10.4, 11.8, 12.6, 13.7});
    CHECK(r.method == MannWhitneyMethod::exact);
    CHECK(r.u == 15.0);
    CHECK_THAT(r.p_value, WithinRel(0.026646556058320763, 1e-12));
    CHECK_THAT(r.median_difference, WithinRel(-5.1500000000000004, 1e-14));
    CHECK_THAT(r.hodges_lehmann, WithinRel(-4.3500000000000005, 1e-14));
  }
  SECTION("8 vs 40") {
    std::vector<double> x, y;
    for (int i = 0; i < 8; ++i) x.push_back(3.3 * i + 17.25);
    for (int j = 0; j < 40; ++j) y.push_back(j);
    auto r = mann_whitney(x, y);
    CHECK(r.method == MannWhitneyMethod::exact);
    CHECK(r.u == 234.0);
    CHECK_THAT(r.p_value, WithinRel(0.040370236153326008, 1e-11));
    CHECK_THAT(r.median_difference, WithinRel(9.2999999999999972, 1e-13));
    CHECK_THAT(r.hodges_lehmann, WithinRel(9.2999999999999972, 1e-13));
  }
}

TEST_CASE("Mann-Whitney normal approximation", "[mann_whitney]") {
  SECTION("both samples above 8, no ties") {
    auto r = mann_whitney({1, 2, 3, 4, 5, 6, 7, 8, 9},
                          {4.5, 6.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5});
    CHECK(r.method == MannWhitneyMethod::asymptotic);
    CHECK(r.u == 9.0);
    CHECK_THAT(r.p_value, WithinRel(0.006193318174044277, 1e-12));
    CHECK_THAT(r.median_difference, WithinRel(-5.5, 1e-14));
    CHECK_THAT(r.hodges_lehmann, WithinRel(-5.5, 1e-14));
  }
  SECTION("ties force the approximation with the tie correction, even for small samples") {
    auto r = mann_whitney({1, 2, 2, 3, 4, 4, 5}, {3, 4, 5, 5, 6, 7, 7, 8});
    CHECK(r.method == MannWhitneyMethod::asymptotic);
    CHECK(r.u == 6.5);
    CHECK_THAT(r.p_value, WithinRel(0.014107907274540636, 1e-12));
    CHECK_THAT(r.median_difference, WithinRel(-2.5, 1e-14));
    CHECK_THAT(r.hodges_lehmann, WithinRel(-3.0, 1e-14));
  }
  SECTION("all values identical: p = 1, as SciPy clips it") {
    auto r = mann_whitney({2, 2, 2}, {2, 2});
    CHECK(r.method == MannWhitneyMethod::asymptotic);
    CHECK(r.u == 3.0);
    CHECK(r.p_value == 1.0);
    CHECK(r.hodges_lehmann == 0.0);
  }
}

TEST_CASE("Mann-Whitney p-value is symmetric in the samples and capped at 1", "[mann_whitney]") {
  auto forward = mann_whitney({1.1, 3.4, 2.2, 5.0, 4.1}, {6.3, 7.7, 2.9, 8.8, 9.1, 6.0});
  auto backward = mann_whitney({6.3, 7.7, 2.9, 8.8, 9.1, 6.0}, {1.1, 3.4, 2.2, 5.0, 4.1});
  CHECK(backward.u == 30.0 - forward.u);
  CHECK_THAT(backward.p_value, WithinRel(forward.p_value, 1e-14));
  CHECK_THAT(backward.hodges_lehmann, WithinRel(-forward.hodges_lehmann, 1e-14));
  // U at the centre of its distribution: twice the upper tail exceeds 1.
  CHECK(mann_whitney({1, 4}, {2, 3}).p_value == 1.0);
}

TEST_CASE("Mann-Whitney rejects empty and non-finite samples", "[mann_whitney]") {
  CHECK_THROWS_AS(mann_whitney({}, {1.0}), std::invalid_argument);
  CHECK_THROWS_AS(mann_whitney({1.0}, {}), std::invalid_argument);
  CHECK_THROWS_AS(mann_whitney({1.0, 1.0 / 0.0}, {2.0}), std::invalid_argument);
}
