#include <catch2/catch.hpp>

#include "gantry/analysis/stats/u_distribution.hpp"

using Catch::Matchers::WithinRel;
using gantry::analysis::u_upper_tail;

TEST_CASE("exact U distribution by enumeration and against SciPy",
          "[mann_whitney][u_distribution]") {
  SECTION("2 vs 2 by hand: the 6 orderings have U = 0, 1, 2, 2, 3, 4") {
    CHECK(u_upper_tail(2, 2, 0) == 1.0);
    CHECK_THAT(u_upper_tail(2, 2, 1), WithinRel(5.0 / 6.0, 1e-15));
    CHECK_THAT(u_upper_tail(2, 2, 2), WithinRel(4.0 / 6.0, 1e-15));
    CHECK_THAT(u_upper_tail(2, 2, 3), WithinRel(2.0 / 6.0, 1e-15));
    CHECK_THAT(u_upper_tail(2, 2, 4), WithinRel(1.0 / 6.0, 1e-15));
    CHECK(u_upper_tail(2, 2, 5) == 0.0);
  }
  SECTION("1 vs 1 and 1 vs 3 (odd number of pairs)") {
    CHECK_THAT(u_upper_tail(1, 1, 1), WithinRel(0.5, 1e-15));
    // U is uniform on 0..3 for one x among three y's.
    CHECK_THAT(u_upper_tail(1, 3, 1), WithinRel(0.75, 1e-15));
    CHECK_THAT(u_upper_tail(3, 1, 2), WithinRel(0.5, 1e-15));
    CHECK_THAT(u_upper_tail(1, 3, 3), WithinRel(0.25, 1e-15));
  }
  SECTION("the extreme tail is 1 / C(n1 + n2, n1), as SciPy's exact p / 2 gives") {
    // reference_values.py: "P(U >= 15) for n1=3, n2=5" and "P(U >= 96) for n1=8, n2=12".
    CHECK_THAT(u_upper_tail(3, 5, 15), WithinRel(0.017857142857142856, 1e-14));
    CHECK_THAT(u_upper_tail(12, 8, 96), WithinRel(7.9383980312772875e-06, 1e-12));
  }
}
