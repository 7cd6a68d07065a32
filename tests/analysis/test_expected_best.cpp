#include <cmath>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/expected_best.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::expected_best_of_n;

// Expected values: tests/analysis/reference/reference_values.py, section "expected_best"
// (Dodge et al. 2019's formula in NumPy, checked there against a Monte Carlo estimate from 10^6
// draws: 0.76512346999999981 for the best of 5, 0.58254481000000002 for the worst of 5).

namespace {

// With a tie at 0.72, which must share its probability mass.
const std::vector<double> scores = {0.61, 0.72, 0.55, 0.80, 0.67, 0.72, 0.59, 0.75};

}  // namespace

TEST_CASE("Expected best of n matches Dodge et al.'s formula", "[expected_best]") {
  SECTION("higher is better: the expected maximum") {
    auto expected = expected_best_of_n(scores, true, 10);
    REQUIRE(expected.size() == 10);
    CHECK_THAT(expected[0], WithinRel(0.67625000000000002, 1e-14));  // the mean
    CHECK_THAT(expected[1], WithinRel(0.72203125000000001, 1e-14));
    CHECK_THAT(expected[2], WithinRel(0.74404296874999998, 1e-14));
    CHECK_THAT(expected[4], WithinRel(0.76520721435546879, 1e-14));
    CHECK_THAT(expected[9], WithinRel(0.7851046688947827, 1e-14));
    // The Monte Carlo estimate agrees to its sampling error.
    CHECK_THAT(expected[4], WithinAbs(0.76512346999999981, 1e-3));
  }
  SECTION("lower is better: the expected minimum, the mirror image") {
    auto expected = expected_best_of_n(scores, false, 10);
    REQUIRE(expected.size() == 10);
    CHECK_THAT(expected[0], WithinRel(0.67625000000000002, 1e-14));
    CHECK_THAT(expected[1], WithinRel(0.63046875000000002, 1e-14));
    CHECK_THAT(expected[2], WithinRel(0.60669921874999999, 1e-14));
    CHECK_THAT(expected[4], WithinRel(0.58257781982421886, 1e-14));
    CHECK_THAT(expected[9], WithinRel(0.56224384694360197, 1e-14));
    CHECK_THAT(expected[4], WithinAbs(0.58254481000000002, 1e-3));
  }
}

TEST_CASE("Expected best of n properties", "[expected_best]") {
  SECTION("grows with n towards the best value, never past it") {
    auto expected = expected_best_of_n(scores, true, 200);
    for (std::size_t n = 1; n < expected.size(); ++n) CHECK(expected[n] >= expected[n - 1]);
    CHECK(expected.back() <= 0.80);
    CHECK_THAT(expected.back(), WithinAbs(0.80, 1e-10));  // (7/8)^200 of mass left below
  }
  SECTION("one value, or all equal: that value for every n") {
    CHECK(expected_best_of_n({3.5}, true, 3) == std::vector<double>{3.5, 3.5, 3.5});
    auto equal = expected_best_of_n({2.0, 2.0, 2.0}, false, 4);
    for (double value : equal) CHECK_THAT(value, WithinRel(2.0, 1e-15));
  }
  SECTION("bad input") {
    CHECK_THROWS_AS(expected_best_of_n({}, true, 3), std::invalid_argument);
    CHECK_THROWS_AS(expected_best_of_n({1.0, NAN}, true, 3), std::invalid_argument);
    CHECK_THROWS_AS(expected_best_of_n({1.0}, true, 0), std::invalid_argument);
  }
}
