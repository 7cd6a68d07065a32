#include <cmath>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/wilcoxon_signed_rank.hpp"

using Catch::Matchers::WithinRel;
using gantry::analysis::SignedRankMethod;
using gantry::analysis::wilcoxon_signed_rank;

// Expected values: tests/analysis/reference/reference_values.py, section "wilcoxon_signed_rank"
// (scipy.stats.wilcoxon(x, y) of SciPy 1.10; for tied |d| its method='approx', see there), and
// the exact p-values cross-checked with R's psignrank in reference_values.R.

TEST_CASE("Wilcoxon signed-rank exact test", "[wilcoxon_signed_rank]") {
  SECTION("Hollander & Wolfe (1973) p. 29, R's ?wilcox.test example: V = 40, p = 0.03906") {
    auto r = wilcoxon_signed_rank({1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30},
                                  {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29});
    CHECK(r.method == SignedRankMethod::exact);
    CHECK(r.n == 9);
    // min(W+ = 40, W- = 5); p = 2 P(W+ <= 5) = 2 * 10 / 512
    CHECK(r.statistic == 5.0);
    CHECK_THAT(r.p_value, WithinRel(0.0390625, 1e-14));
  }
  SECTION("50 pairs, the largest exact sample") {
    std::vector<double> x, y(50, 0.0);
    for (int i = 0; i < 50; ++i) x.push_back((i + 1) * (i % 3 ? 1.0 : -1.0) + 0.001 * i);
    auto r = wilcoxon_signed_rank(x, y);
    CHECK(r.method == SignedRankMethod::exact);
    CHECK(r.n == 50);
    CHECK(r.statistic == 425.0);
    CHECK_THAT(r.p_value, WithinRel(0.039968346528423737, 1e-12));
  }
  SECTION("W at the centre of its distribution: p = 1, not twice the tail") {
    auto r = wilcoxon_signed_rank({1, 2, -3}, {0, 0, 0});
    CHECK(r.method == SignedRankMethod::exact);
    CHECK(r.statistic == 3.0);
    CHECK(r.p_value == 1.0);
  }
}

TEST_CASE("Wilcoxon signed-rank normal approximation", "[wilcoxon_signed_rank]") {
  SECTION("tied |d|: tie-corrected approximation (SciPy 1.10's 'auto' would stay exact)") {
    // d = 1.5, 2.5, -1.5, 3, 4, -5, 6, 2.5. SciPy's 'auto' gives 0.25 from the truncated W+.
    auto r = wilcoxon_signed_rank({3.5, 4.5, 2.0, 5.0, 6.0, 1.0, 8.0, 5.5},
                                  {2.0, 2.0, 3.5, 2.0, 2.0, 6.0, 2.0, 3.0});
    CHECK(r.method == SignedRankMethod::asymptotic);
    CHECK(r.n == 8);
    CHECK(r.statistic == 8.5);
    CHECK_THAT(r.p_value, WithinRel(0.18235512622739181, 1e-12));
  }
  SECTION("a zero difference is dropped and forces the approximation") {
    auto r = wilcoxon_signed_rank({3.0, 5.3, 1.3, 8.1, 6.9, 9.6, 2.8, 12.4},
                                  {3.0, 5.0, 2.0, 7.0, 5.0, 7.0, 3.0, 9.0});
    CHECK(r.method == SignedRankMethod::asymptotic);
    CHECK(r.n == 7);
    CHECK(r.statistic == 4.0);
    CHECK_THAT(r.p_value, WithinRel(0.090968947975357747, 1e-12));
  }
  SECTION("more than 50 pairs") {
    std::vector<double> x, y;
    for (int i = 0; i < 60; ++i) {
      x.push_back(0.1 * i + ((i * 37) % 11) / 4.0);
      y.push_back(0.1 * i + ((i * 17) % 13) / 4.0 + 0.2);
    }
    auto r = wilcoxon_signed_rank(x, y);
    CHECK(r.method == SignedRankMethod::asymptotic);
    CHECK(r.n == 60);
    CHECK(r.statistic == 571.0);
    CHECK_THAT(r.p_value, WithinRel(0.011309074391383662, 1e-12));
  }
}

TEST_CASE("Wilcoxon signed-rank edge cases", "[wilcoxon_signed_rank]") {
  SECTION("every difference zero: p = 1 (SciPy raises)") {
    auto r = wilcoxon_signed_rank({1, 2, 3}, {1, 2, 3});
    CHECK(r.n == 0);
    CHECK(r.statistic == 0.0);
    CHECK(r.p_value == 1.0);
  }
  SECTION("symmetric in the samples") {
    std::vector<double> x = {1.83, 0.50, 1.62, 2.48, 1.68}, y = {0.878, 0.647, 0.598, 2.05, 1.06};
    auto forward = wilcoxon_signed_rank(x, y), backward = wilcoxon_signed_rank(y, x);
    CHECK(forward.statistic == backward.statistic);
    CHECK(forward.p_value == backward.p_value);
  }
  SECTION("bad input") {
    CHECK_THROWS_AS(wilcoxon_signed_rank({}, {}), std::invalid_argument);
    CHECK_THROWS_AS(wilcoxon_signed_rank({1, 2}, {1}), std::invalid_argument);
    CHECK_THROWS_AS(wilcoxon_signed_rank({1, NAN}, {1, 2}), std::invalid_argument);
  }
}
