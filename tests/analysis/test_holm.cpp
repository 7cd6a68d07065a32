#include <cmath>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/holm.hpp"

using Catch::Matchers::WithinRel;
using gantry::analysis::holm_adjust;

// Expected values: tests/analysis/reference/reference_values.py, section "holm" (Holm's
// step-down written out as a loop in Python; no statsmodels).

namespace {

void check_all(const std::vector<double>& actual, const std::vector<double>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    INFO("index " << i);
    CHECK_THAT(actual[i], WithinRel(expected[i], 1e-14));
  }
}

}  // namespace

TEST_CASE("Holm adjustment in input order", "[holm]") {
  SECTION("five p-values") {
    check_all(holm_adjust({0.01, 0.04, 0.03, 0.005, 0.20}),
              {0.040000000000000001, 0.089999999999999997, 0.089999999999999997,
               0.025000000000000001, 0.20000000000000001});
  }
  SECTION("monotone: by hand 3 * 0.01 = 0.03, 2 * 0.03 = 0.06, max(0.06, 1 * 0.04) = 0.06") {
    check_all(holm_adjust({0.04, 0.01, 0.03}), {0.06, 0.03, 0.06});
  }
  SECTION("capped at 1: 3 * 0.3 = 0.9, 2 * 0.5 = 1.0, max(1, 0.9) = 1") {
    check_all(holm_adjust({0.5, 0.3, 0.9}), {1.0, 0.89999999999999991, 1.0});
  }
  SECTION("tied p-values get the same adjusted value") {
    check_all(holm_adjust({0.01, 0.01}), {0.02, 0.02});
  }
  SECTION("one test is not adjusted; no tests give no values") {
    check_all(holm_adjust({0.037}), {0.037});
    CHECK(holm_adjust({}).empty());
  }
}

TEST_CASE("Holm rejects values that are not p-values", "[holm]") {
  CHECK_THROWS_AS(holm_adjust({0.1, 1.2}), std::invalid_argument);
  CHECK_THROWS_AS(holm_adjust({-0.1}), std::invalid_argument);
  CHECK_THROWS_AS(holm_adjust({std::nan("")}), std::invalid_argument);
}
