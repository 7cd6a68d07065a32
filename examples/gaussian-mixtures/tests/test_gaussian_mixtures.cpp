// The samplers' statistics and the benchmark scores, on real samples and on collapsed ones.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "gaussian_mixture.hpp"

using gaussian_mixtures::GaussianMixture;
using gaussian_mixtures::Grid25;
using gaussian_mixtures::Ring8;

namespace {

gantry::Options make_options(std::map<std::string, std::string> values) {
  return gantry::Options(std::move(values));
}

// Index of the mode nearest to (x, y).
std::size_t nearest_mode(const GaussianMixture& mixture, double x, double y) {
  std::size_t nearest = 0;
  double best = INFINITY;
  for (std::size_t m = 0; m < mixture.modes().size(); ++m) {
    double dx = x - mixture.modes()[m].x;
    double dy = y - mixture.modes()[m].y;
    if (dx * dx + dy * dy < best) {
      best = dx * dx + dy * dy;
      nearest = m;
    }
  }
  return nearest;
}

// Checks per-mode means, per-coordinate spread and mode shares of `rows` samples.
void check_sampler(const GaussianMixture& mixture, int rows) {
  gantry::Random random = gantry::make_stream(42, "real");
  gantry::Matrix samples = mixture.sample(rows, random);
  REQUIRE(samples.rows() == rows);
  REQUIRE(samples.cols() == 2);
  const std::size_t modes = mixture.modes().size();
  std::vector<double> sum_x(modes), sum_y(modes), sum_squares(modes);
  std::vector<int> count(modes);
  for (int row = 0; row < rows; ++row) {
    std::size_t m = nearest_mode(mixture, samples(row, 0), samples(row, 1));
    double dx = samples(row, 0) - mixture.modes()[m].x;
    double dy = samples(row, 1) - mixture.modes()[m].y;
    sum_x[m] += dx;
    sum_y[m] += dy;
    sum_squares[m] += dx * dx + dy * dy;
    ++count[m];
  }
  const double expected = static_cast<double>(rows) / modes;
  for (std::size_t m = 0; m < modes; ++m) {
    INFO("mode " << m);
    // Binomial count: within 5 standard deviations of rows / modes.
    CHECK(std::abs(count[m] - expected) < 5 * std::sqrt(expected));
    CHECK(std::abs(sum_x[m] / count[m]) < 0.1 * mixture.std());
    CHECK(std::abs(sum_y[m] / count[m]) < 0.1 * mixture.std());
    double per_coordinate_std = std::sqrt(sum_squares[m] / (2.0 * count[m]));
    CHECK(per_coordinate_std == Approx(mixture.std()).epsilon(0.05));
  }
}

}  // namespace

TEST_CASE("ring8 has the unrolled-GAN layout by default and honours its options") {
  auto options = make_options({{"radius", "2"}, {"std", "0.02"}});
  Ring8 ring(gantry::PluginArgs{options, 0, 1});
  REQUIRE(ring.dimensions() == 2);
  REQUIRE(ring.modes().size() == 8);
  CHECK(ring.std() == 0.02);
  for (const auto& mode : ring.modes()) {
    CHECK(std::hypot(mode.x, mode.y) == Approx(2.0));
  }
  CHECK(ring.modes()[0].x == Approx(2.0));
  CHECK(ring.modes()[2].y == Approx(2.0));

  auto wide = make_options({{"radius", "5"}, {"std", "0.1"}});
  Ring8 wide_ring(gantry::PluginArgs{wide, 0, 1});
  CHECK(std::hypot(wide_ring.modes()[3].x, wide_ring.modes()[3].y) == Approx(5.0));
  CHECK(wide_ring.std() == 0.1);
}

TEST_CASE("grid25 has the PacGAN layout by default") {
  auto options = make_options({{"spacing", "2"}, {"std", "0.05"}});
  Grid25 grid(gantry::PluginArgs{options, 0, 1});
  REQUIRE(grid.modes().size() == 25);
  for (const auto& mode : grid.modes()) {
    CHECK(std::abs(mode.x - std::round(mode.x)) < 1e-12);
    CHECK(std::fmod(std::abs(mode.x), 2.0) == 0.0);
    CHECK(std::abs(mode.x) <= 4.0);
    CHECK(std::abs(mode.y) <= 4.0);
  }
  CHECK(grid.modes().front().x == -4.0);
  CHECK(grid.modes().front().y == -4.0);
  CHECK(grid.modes().back().x == 4.0);
  CHECK(grid.modes().back().y == 4.0);
}

TEST_CASE("invalid options are refused naming the option") {
  auto negative = make_options({{"radius", "2"}, {"std", "-1"}});
  CHECK_THROWS_WITH(Ring8(gantry::PluginArgs{negative, 0, 1}), Catch::Contains("'std'"));
  auto zero = make_options({{"spacing", "0"}, {"std", "0.05"}});
  CHECK_THROWS_WITH(Grid25(gantry::PluginArgs{zero, 0, 1}), Catch::Contains("'spacing'"));
  auto missing = make_options({{"std", "0.05"}});
  CHECK_THROWS_AS(Grid25(gantry::PluginArgs{missing, 0, 1}), gantry::OptionError);
}

TEST_CASE("the samplers draw every mode equally often with the declared spread") {
  auto ring_options = make_options({{"radius", "2"}, {"std", "0.02"}});
  check_sampler(Ring8(gantry::PluginArgs{ring_options, 0, 1}), 16000);
  auto grid_options = make_options({{"spacing", "2"}, {"std", "0.05"}});
  check_sampler(Grid25(gantry::PluginArgs{grid_options, 0, 1}), 25000);
}

TEST_CASE("the same stream gives the same samples") {
  auto options = make_options({{"radius", "2"}, {"std", "0.02"}});
  Ring8 ring(gantry::PluginArgs{options, 0, 1});
  gantry::Random a = gantry::make_stream(7, "real");
  gantry::Random b = gantry::make_stream(7, "real");
  CHECK(ring.sample(100, a) == ring.sample(100, b));
}

TEST_CASE("real samples score as a perfect generator") {
  auto ring_options = make_options({{"radius", "2"}, {"std", "0.02"}});
  auto grid_options = make_options({{"spacing", "2"}, {"std", "0.05"}});
  Ring8 ring(gantry::PluginArgs{ring_options, 0, 1});
  Grid25 grid(gantry::PluginArgs{grid_options, 0, 1});
  for (const GaussianMixture* mixture :
       {static_cast<const GaussianMixture*>(&ring), static_cast<const GaussianMixture*>(&grid)}) {
    INFO(mixture->modes().size() << " modes");
    gantry::Random random = gantry::make_stream(3, "generated");
    gantry::Matrix real = mixture->sample(5000, random);
    auto scores = gaussian_mixtures::score_mixture(real, mixture->modes(), mixture->std());
    CHECK(scores.modes_covered == static_cast<int>(mixture->modes().size()));
    // Within 3 std in two dimensions: 1 - exp(-9/2) = 98.9% of a Gaussian's mass.
    CHECK(scores.high_quality == Approx(1 - std::exp(-4.5)).margin(0.005));
    CHECK(scores.mode_kl < 0.01);

    std::vector<gantry::Score> named = mixture->score(real, real);
    REQUIRE(named.size() == 3);
    CHECK(named[0].name == "modes_covered");
    CHECK(named[0].value == scores.modes_covered);
    CHECK(named[1].name == "high_quality");
    CHECK(named[1].value == scores.high_quality);
    CHECK(named[2].name == "mode_kl");
    CHECK(named[2].value == scores.mode_kl);
  }
}

TEST_CASE("a collapsed generator covers one mode with the largest KL") {
  auto options = make_options({{"radius", "2"}, {"std", "0.02"}});
  Ring8 ring(gantry::PluginArgs{options, 0, 1});
  // Every sample near mode 2, (0, 2), within 1 std.
  gantry::Matrix collapsed(500, 2);
  for (int row = 0; row < 500; ++row) {
    collapsed(row, 0) = static_cast<float>(0.0 + 0.01 * std::sin(row));
    collapsed(row, 1) = static_cast<float>(2.0 + 0.01 * std::cos(row));
  }
  auto scores = gaussian_mixtures::score_mixture(collapsed, ring.modes(), ring.std());
  CHECK(scores.modes_covered == 1);
  CHECK(scores.high_quality == 1.0);
  CHECK(scores.mode_kl == Approx(std::log(8.0)));

  // Half moved to mode 0, (2, 0): 2 modes, KL = log(8 / 2).
  for (int row = 0; row < 250; ++row) {
    collapsed(row, 0) += 2.0f;
    collapsed(row, 1) -= 2.0f;
  }
  scores = gaussian_mixtures::score_mixture(collapsed, ring.modes(), ring.std());
  CHECK(scores.modes_covered == 2);
  CHECK(scores.mode_kl == Approx(std::log(4.0)));
}

TEST_CASE("samples far from every mode are low quality and cover nothing") {
  auto options = make_options({{"spacing", "2"}, {"std", "0.05"}});
  Grid25 grid(gantry::PluginArgs{options, 0, 1});
  gantry::Matrix between(2, 2);
  between << 1.0f, 1.0f, -3.0f, 3.0f;  // halfway between modes
  auto scores = gaussian_mixtures::score_mixture(between, grid.modes(), grid.std());
  CHECK(scores.modes_covered == 0);
  CHECK(scores.high_quality == 0.0);
  CHECK(scores.mode_kl == Approx(std::log(25.0)));

  gantry::Matrix empty(0, 2);
  scores = gaussian_mixtures::score_mixture(empty, grid.modes(), grid.std());
  CHECK(scores.modes_covered == 0);
  CHECK(scores.high_quality == 0.0);
}
