#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/friedman.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::conover_against;
using gantry::analysis::friedman;

// Expected values: tests/analysis/reference/reference_values.py, section "friedman"
// (scipy.stats.friedmanchisquare with the columns as treatments; rank sums by
// scipy.stats.rankdata per block), and tests/analysis/reference/reference_values.R, sections
// "friedman" (R's friedman.test, for k = 2, which SciPy refuses) and "conover" (irace's
// aux.friedman formula, Conover 1999 pp. 369-371, with pt()).

namespace {

using Blocks = std::vector<std::vector<double>>;

const Blocks no_ties = {{0.71, 0.65, 0.80, 0.62}, {0.55, 0.60, 0.58, 0.50},
                        {0.90, 0.84, 0.93, 0.81}, {0.42, 0.47, 0.49, 0.40},
                        {0.66, 0.61, 0.72, 0.63}, {0.77, 0.70, 0.79, 0.74}};
const Blocks ties = {{1, 2, 2}, {3, 3, 3}, {2, 1, 3}, {4, 4, 5}, {1, 3, 2}};

Blocks clear_blocks() {  // treatment 2 best in all 12 blocks
  Blocks blocks;
  for (int b = 0; b <= 10; ++b) blocks.push_back({1.0 + b, 2.0 + b, 3.0 + b});
  blocks.push_back({2.5, 2.0, 3.0});
  return blocks;
}

}  // namespace

TEST_CASE("Friedman matches scipy.stats.friedmanchisquare", "[friedman]") {
  SECTION("6 blocks x 4 treatments, no ties") {
    auto result = friedman(no_ties);
    REQUIRE(result);
    CHECK(result->blocks == 6);
    CHECK(result->df == 3);
    CHECK(result->rank_sums == std::vector<double>{16, 13, 23, 8});
    CHECK_THAT(result->statistic, WithinRel(11.800000000000011, 1e-12));
    CHECK_THAT(result->p_value, WithinRel(0.0081006418749623634, 1e-12));
  }
  SECTION("ties within blocks (one block tied throughout): average ranks, tie correction") {
    auto result = friedman(ties);
    REQUIRE(result);
    CHECK(result->blocks == 5);
    CHECK(result->df == 2);
    CHECK(result->rank_sums == std::vector<double>{7.5, 10, 12.5});
    CHECK_THAT(result->statistic, WithinRel(3.5714285714285716, 1e-12));
    CHECK_THAT(result->p_value, WithinRel(0.16767724875179704, 1e-12));
  }
  SECTION("a small p-value keeps its relative precision (complement, not 1 - cdf)") {
    auto result = friedman(clear_blocks());
    REQUIRE(result);
    CHECK(result->rank_sums == std::vector<double>{13, 23, 36});
    CHECK_THAT(result->statistic, WithinRel(22.166666666666657, 1e-12));
    CHECK_THAT(result->p_value, WithinRel(1.5366306526875732e-05, 1e-10));
  }
  SECTION("2 treatments, as R's friedman.test (SciPy needs 3)") {
    auto result = friedman({{1, 2}, {3, 4}, {6, 5}, {7, 9}, {2, 8}});
    REQUIRE(result);
    CHECK(result->df == 1);
    CHECK_THAT(result->statistic, WithinRel(1.8, 1e-12));
    CHECK_THAT(result->p_value, WithinRel(0.17971249487899982, 1e-12));
  }
}

TEST_CASE("Friedman edge cases", "[friedman]") {
  SECTION("every block tied throughout: nothing to rank") {
    CHECK_FALSE(friedman({{1, 1, 1}, {2, 2, 2}}));
  }
  SECTION("identical rank sums give statistic 0 and p 1") {
    auto result = friedman({{1, 2}, {2, 1}});
    REQUIRE(result);
    CHECK_THAT(result->statistic, WithinAbs(0.0, 1e-15));
    CHECK_THAT(result->p_value, WithinAbs(1.0, 1e-15));
  }
  SECTION("a single block is allowed") {
    auto result = friedman({{3, 1, 2}});
    REQUIRE(result);
    CHECK(result->rank_sums == std::vector<double>{3, 1, 2});
    CHECK_THAT(result->statistic, WithinRel(2.0, 1e-14));  // 12 * 2 / (1 * 3 * 4)
  }
  SECTION("bad input") {
    CHECK_THROWS_AS(friedman({}), std::invalid_argument);
    CHECK_THROWS_AS(friedman({{1}, {2}}), std::invalid_argument);
    CHECK_THROWS_AS(friedman({{1, 2, 3}, {1, 2}}), std::invalid_argument);
    CHECK_THROWS_AS(friedman({{1, 2}, {NAN, 2}}), std::invalid_argument);
  }
}

TEST_CASE("Conover post-hoc matches irace's formula in R", "[friedman]") {
  SECTION("no ties, against treatment 0") {
    auto comparisons = conover_against(no_ties, 0);
    REQUIRE(comparisons.size() == 3);
    const double t[] = {1.0434125154603784, 2.4346292027408833, 2.7824333745610095};
    const double p[] = {0.31328255503032088, 0.027869703464735142, 0.013945076826303847};
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(comparisons[i].treatment == i + 1);
      CHECK_THAT(comparisons[i].statistic, WithinRel(t[i], 1e-12));
      CHECK_THAT(comparisons[i].p_value, WithinRel(p[i], 1e-10));
    }
  }
  SECTION("no ties, against the last treatment (the best by rank sum)") {
    auto comparisons = conover_against(no_ties, 3);
    REQUIRE(comparisons.size() == 3);
    const double t[] = {2.7824333745610095, 1.7390208591006309, 5.2170625773018928};
    const double p[] = {0.013945076826303847, 0.10250570436803855, 0.00010429523775875067};
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(comparisons[i].treatment == i);
      CHECK_THAT(comparisons[i].statistic, WithinRel(t[i], 1e-12));
      CHECK_THAT(comparisons[i].p_value, WithinRel(p[i], 1e-10));
    }
  }
  SECTION("ties within blocks") {
    auto comparisons = conover_against(ties, 2);
    REQUIRE(comparisons.size() == 2);
    CHECK(comparisons[0].treatment == 0);
    CHECK(comparisons[1].treatment == 1);
    CHECK_THAT(comparisons[0].statistic, WithinRel(2.1081851067789197, 1e-12));
    CHECK_THAT(comparisons[0].p_value, WithinRel(0.068065247607515603, 1e-10));
    CHECK_THAT(comparisons[1].statistic, WithinRel(1.0540925533894598, 1e-12));
    CHECK_THAT(comparisons[1].p_value, WithinRel(0.32263276729911006, 1e-10));
  }
  SECTION("tiny p-values keep their relative precision") {
    auto comparisons = conover_against(clear_blocks(), 0);
    REQUIRE(comparisons.size() == 2);
    CHECK_THAT(comparisons[0].statistic, WithinRel(7.0710678118654746, 1e-12));
    CHECK_THAT(comparisons[0].p_value, WithinRel(4.2984787760294042e-07, 1e-9));
    CHECK_THAT(comparisons[1].statistic, WithinRel(16.263455967290593, 1e-12));
    CHECK_THAT(comparisons[1].p_value, WithinRel(9.548384071631447e-14, 1e-8));
  }
}

TEST_CASE("Conover post-hoc edge cases", "[friedman]") {
  SECTION("the same ranking in every block: a zero denominator") {
    auto comparisons = conover_against({{1, 2, 2}, {5, 7, 7}, {0, 3, 3}}, 0);
    REQUIRE(comparisons.size() == 2);
    CHECK(std::isinf(comparisons[0].statistic));
    CHECK(comparisons[0].p_value == 0.0);
    CHECK(comparisons[1].statistic == std::numeric_limits<double>::infinity());
    // Treatments 1 and 2 tie in every block: 0/0 is no evidence.
    auto against_tied = conover_against({{1, 2, 2}, {5, 7, 7}, {0, 3, 3}}, 1);
    CHECK(against_tied[1].treatment == 2);
    CHECK(against_tied[1].statistic == 0.0);
    CHECK(against_tied[1].p_value == 1.0);
  }
  SECTION("bad input") {
    CHECK_THROWS_AS(conover_against({{1, 2, 3}}, 0), std::invalid_argument);  // one block
    CHECK_THROWS_AS(conover_against(no_ties, 4), std::invalid_argument);
    CHECK_THROWS_AS(conover_against({{1, 2}, {3}}, 0), std::invalid_argument);
    CHECK_THROWS_AS(conover_against({{1, 2}, {3, INFINITY}}, 0), std::invalid_argument);
  }
}
