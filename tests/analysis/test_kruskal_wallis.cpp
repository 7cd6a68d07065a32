#include <cmath>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/kruskal_wallis.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::kruskal_wallis;

// Expected values: tests/analysis/reference/reference_values.py, section "kruskal_wallis"
// (scipy.stats.kruskal; epsilon^2 = H (n + 1) / (n^2 - 1)).

TEST_CASE("Kruskal-Wallis matches scipy.stats.kruskal", "[kruskal_wallis]") {
  SECTION("Hollander & Wolfe (1973) p. 116, R's ?kruskal.test example: H = 0.77143, p = 0.68") {
    auto result = kruskal_wallis(
        {{2.9, 3.0, 2.5, 2.6, 3.2}, {3.8, 2.7, 4.0, 2.4}, {2.8, 3.4, 3.7, 2.2, 2.0}});
    REQUIRE(result);
    CHECK(result->n == 14);
    CHECK(result->df == 2);
    CHECK_THAT(result->h, WithinRel(0.77142857142857224, 1e-12));
    CHECK_THAT(result->p_value, WithinRel(0.67996477357889362, 1e-12));
    CHECK_THAT(result->epsilon_squared, WithinRel(0.0593406593406594, 1e-12));
  }
  SECTION("ties: average ranks and the tie correction") {
    auto result = kruskal_wallis({{1, 2, 2, 3}, {2, 3, 3, 4, 5}, {5, 5, 6}});
    REQUIRE(result);
    CHECK(result->n == 12);
    CHECK_THAT(result->h, WithinRel(7.5782238442822383, 1e-12));
    CHECK_THAT(result->p_value, WithinRel(0.02261567741784765, 1e-12));
    CHECK_THAT(result->epsilon_squared, WithinRel(0.68892944038929438, 1e-12));
  }
  SECTION("a tiny p-value keeps its relative precision (complement, not 1 - cdf)") {
    std::vector<std::vector<double>> groups(3);
    for (int i = 0; i < 20; ++i) {
      groups[0].push_back(i);
      groups[1].push_back(100 + i);
      groups[2].push_back(200 + i);
    }
    auto result = kruskal_wallis(groups);
    REQUIRE(result);
    CHECK_THAT(result->h, WithinRel(52.459016393442624, 1e-12));
    CHECK_THAT(result->p_value, WithinRel(4.0613398001284129e-12, 1e-9));
    CHECK_THAT(result->epsilon_squared, WithinRel(0.88913587107529868, 1e-12));
  }
  SECTION("groups with equal rank means give H = 0 and p = 1") {
    auto result = kruskal_wallis({{1, 4}, {2, 3}});
    REQUIRE(result);
    CHECK_THAT(result->h, WithinAbs(0.0, 1e-12));
    CHECK_THAT(result->p_value, WithinAbs(1.0, 1e-12));
  }
}

TEST_CASE("Kruskal-Wallis is undefined when every value is identical", "[kruskal_wallis]") {
  // scipy.stats.kruskal raises "All numbers are identical"; we return no result.
  CHECK_FALSE(kruskal_wallis({{2.0, 2.0}, {2.0}, {2.0, 2.0, 2.0}}));
}

TEST_CASE("Kruskal-Wallis rejects unusable groups", "[kruskal_wallis]") {
  CHECK_THROWS_AS(kruskal_wallis({}), std::invalid_argument);
  CHECK_THROWS_AS(kruskal_wallis({{1.0, 2.0}}), std::invalid_argument);
  CHECK_THROWS_AS(kruskal_wallis({{1.0, 2.0}, {}}), std::invalid_argument);
  CHECK_THROWS_AS(kruskal_wallis({{1.0, std::nan("")}, {2.0}}), std::invalid_argument);
}
