// The latent draw shared by every model plugin (support/latent_draw): its normal values follow
// N(0, 1), a draw is a prefix of any larger draw from the same engine state, and the uniform
// latent keeps to its range.
#include <algorithm>
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "support/latent_draw.hpp"

using Catch::Matchers::WithinAbs;
using gantry::Matrix;
using gantry::plugins::draw_latent;
using gantry::plugins::LatentDistribution;
using gantry::plugins::LatentSettings;

namespace {

LatentSettings normal_latent(int dimensions) {
  LatentSettings latent;
  latent.dimensions = dimensions;
  return latent;
}

// Kolmogorov–Smirnov statistic of the values against the standard normal CDF.
double ks_statistic_against_normal(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const double n = static_cast<double>(values.size());
  double largest = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    double cdf = 0.5 * std::erfc(-values[i] / std::sqrt(2.0));
    largest =
        std::max({largest, cdf - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - cdf});
  }
  return largest;
}

}  // namespace

TEST_CASE("normal latent values follow N(0, 1)", "[latent][model_support]") {
  gantry::Random random(11);
  Matrix latent = draw_latent(normal_latent(5), 4000, random);
  REQUIRE(latent.rows() == 4000);
  REQUIRE(latent.cols() == 5);
  std::vector<double> values(latent.data(), latent.data() + latent.size());
  const double n = static_cast<double>(values.size());
  double mean = 0.0;
  for (double value : values) mean += value / n;
  double variance = 0.0;
  double fourth = 0.0;
  for (double value : values) {
    variance += (value - mean) * (value - mean) / n;
    fourth += std::pow(value - mean, 4) / n;
  }
  // Standard errors at n = 20,000: 0.007 for the mean, 0.01 for the variance, 0.035 for the
  // kurtosis (sqrt(24 / n)); the bounds are about four of them.
  CHECK_THAT(mean, WithinAbs(0.0, 0.03));
  CHECK_THAT(variance, WithinAbs(1.0, 0.04));
  CHECK_THAT(fourth / (variance * variance), WithinAbs(3.0, 0.15));
  // 1.9495 / sqrt(n) is the KS test's critical value at alpha = 0.001 (the asymptotic
  // Kolmogorov distribution: scipy.stats.kstwobign.isf(0.001) = 1.94947).
  CHECK(ks_statistic_against_normal(values) < 1.94947 / std::sqrt(n));
  // Box–Muller from 32-bit uniforms: nothing beyond sqrt(-2 log 2^-33) = 6.764.
  CHECK(latent.array().abs().maxCoeff() < 6.77f);
  CHECK(latent.array().isFinite().all());
}

TEST_CASE("a latent draw is the start of any larger one", "[latent][model_support]") {
  // 7 rows of 5 are 35 values: an odd count, past one block of 32.
  for (int rows : {1, 3, 7, 13}) {
    gantry::Random small_engine(5);
    gantry::Random large_engine(5);
    Matrix small = draw_latent(normal_latent(5), rows, small_engine);
    Matrix large = draw_latent(normal_latent(5), 20, large_engine);
    CHECK(small == large.topRows(rows));
  }
  gantry::Random random(5);
  CHECK(draw_latent(normal_latent(5), 0, random).size() == 0);
  CHECK_THROWS_AS(draw_latent(normal_latent(5), -1, random), std::invalid_argument);
}

TEST_CASE("a uniform latent keeps to its range", "[latent][model_support]") {
  LatentSettings latent = normal_latent(3);
  latent.distribution = LatentDistribution::uniform;
  latent.low = 0.5;
  latent.high = 2.0;
  gantry::Random random(2);
  Matrix values = draw_latent(latent, 3000, random);
  CHECK(values.minCoeff() >= 0.5f);
  CHECK(values.maxCoeff() <= 2.0f);
  CHECK_THAT(values.cast<double>().mean(), WithinAbs(1.25, 0.03));
}
