#include <cmath>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/variance_share.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::analysis::variance_share;

TEST_CASE("variance share splits the total sum of squares", "[variance_share]") {
  SECTION("by hand: means 2, 5, 8 around 5") {
    // SS_between = 3 (9 + 0 + 9) = 54, SS_within = 3 * 2 = 6, SS_total = 60, eta^2 = 0.9.
    auto share = variance_share({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    CHECK(share.n == 9);
    CHECK_THAT(share.ss_between, WithinRel(54.0, 1e-14));
    CHECK_THAT(share.ss_within, WithinRel(6.0, 1e-14));
    CHECK_THAT(share.ss_total, WithinRel(60.0, 1e-14));
    REQUIRE(share.between_share);
    REQUIRE(share.within_share);
    CHECK_THAT(*share.between_share, WithinRel(0.9, 1e-14));
    CHECK_THAT(*share.within_share, WithinRel(0.1, 1e-13));
  }
  SECTION("unequal group sizes against NumPy and scipy.stats.f_oneway") {
    // reference_values.py, section "variance_share" (eta^2 also from F df1 / (F df1 + df2)).
    auto share = variance_share({{1.2, 1.9, 1.4, 2.2}, {2.8, 3.1, 2.4}, {1.0, 4.5, 2.6, 3.3, 2.9}});
    CHECK(share.n == 12);
    CHECK_THAT(share.ss_total, WithinRel(10.829166666666666, 1e-13));
    CHECK_THAT(share.ss_between, WithinRel(3.5430000000000001, 1e-13));
    CHECK_THAT(share.ss_within, WithinRel(7.2861666666666665, 1e-13));
    CHECK_THAT(*share.between_share, WithinRel(0.32717198922662566, 1e-13));
    CHECK_THAT(*share.between_share + *share.within_share, WithinAbs(1.0, 1e-14));
  }
  SECTION("one group: everything is within") {
    auto share = variance_share({{1.0, 3.0}});
    CHECK(share.ss_between == 0.0);
    CHECK(*share.between_share == 0.0);
    CHECK(*share.within_share == 1.0);
  }
  SECTION("groups differing only in level: everything is between") {
    auto share = variance_share({{2.0, 2.0}, {5.0, 5.0, 5.0}});
    CHECK(share.ss_within == 0.0);
    CHECK_THAT(*share.between_share, WithinRel(1.0, 1e-15));
  }
}

TEST_CASE("variance share is undefined without variation", "[variance_share]") {
  // 0.1 three times: a mean computed as 0.3 / 3 is not exactly 0.1, yet the shares are empty.
  auto share = variance_share({{0.1, 0.1}, {0.1}});
  CHECK(share.n == 3);
  CHECK(share.ss_total == 0.0);
  CHECK_FALSE(share.between_share);
  CHECK_FALSE(share.within_share);
}

TEST_CASE("variance share rejects missing groups and values", "[variance_share]") {
  CHECK_THROWS_AS(variance_share({}), std::invalid_argument);
  CHECK_THROWS_AS(variance_share({{1.0}, {}}), std::invalid_argument);
  CHECK_THROWS_AS(variance_share({{1.0, std::nan("")}}), std::invalid_argument);
}
