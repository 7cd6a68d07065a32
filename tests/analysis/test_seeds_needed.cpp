#include <cmath>
#include <optional>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gantry/analysis/stats/seeds_needed.hpp"

using gantry::analysis::seeds_needed;
using gantry::analysis::SeedsNeededSettings;

// A bootstrap estimate has no reference value to match; these tests check what must hold of it.

namespace {

// Twelve runs' worth of seed-to-seed noise, sd about 0.7.
const std::vector<double> noise = {0.13, -0.52, 0.88, 0.41,  -1.20, 0.05,
                                   0.67, -0.33, 1.42, -0.79, 0.24,  -0.06};

std::vector<double> shifted(double shift) {
  std::vector<double> values = noise;
  for (double& value : values) value += shift;
  return values;
}

SeedsNeededSettings small_settings() {
  SeedsNeededSettings settings;
  settings.resamples = 100;
  settings.max_seeds = 64;
  return settings;
}

}  // namespace

TEST_CASE("seeds_needed: a clear shift needs few seeds", "[seeds_needed]") {
  // Every x below every y. Resamples of 3 cannot reach p < 0.05 (exact: 2/20; with ties the
  // approximation stays above it unless both resamples are one value repeated), resamples of 4
  // always do (exact 2/70 without ties, below 0.031 with them): 4, whatever the random draws.
  std::vector<double> x = {1.0, 1.2, 0.9, 1.1, 1.05, 0.95};
  std::vector<double> y = {11.0, 11.2, 10.9, 11.1, 11.05, 10.95};
  auto needed = seeds_needed(x, y, SeedsNeededSettings{});
  REQUIRE(needed);
  CHECK(*needed <= 6);
  CHECK(*needed == 4);
}

TEST_CASE("seeds_needed: identical groups never reach the power", "[seeds_needed]") {
  SeedsNeededSettings settings = small_settings();
  settings.max_seeds = 16;
  CHECK_FALSE(seeds_needed(noise, noise, settings));
  CHECK_FALSE(seeds_needed({2.0, 2.0, 2.0}, {2.0, 2.0}, settings));  // p = 1 throughout
}

TEST_CASE("seeds_needed: reproducible for a given seed", "[seeds_needed]") {
  SeedsNeededSettings settings = small_settings();
  settings.seed = 42;
  auto first = seeds_needed(noise, shifted(0.9), settings);
  auto second = seeds_needed(noise, shifted(0.9), settings);
  REQUIRE(first);
  CHECK(first == second);
  CHECK(*first > 4);  // a real search, not the floor of the clear case
  CHECK(*first < settings.max_seeds);
}

TEST_CASE("seeds_needed: a bigger shift needs no more seeds", "[seeds_needed]") {
  SeedsNeededSettings settings = small_settings();
  auto small = seeds_needed(noise, shifted(0.6), settings);
  auto medium = seeds_needed(noise, shifted(1.0), settings);
  auto large = seeds_needed(noise, shifted(2.0), settings);
  REQUIRE(small);
  REQUIRE(medium);
  REQUIRE(large);
  CHECK(*large <= *medium);
  CHECK(*medium <= *small);
  CHECK(*large < *small);
  // The sign of the shift does not matter to a two-sided test.
  CHECK(seeds_needed(shifted(1.0), noise, settings).has_value());
}

TEST_CASE("seeds_needed: a stricter power or alpha needs no fewer seeds", "[seeds_needed]") {
  SeedsNeededSettings settings = small_settings();
  auto base = seeds_needed(noise, shifted(1.0), settings);
  settings.power = 0.95;
  auto more_power = seeds_needed(noise, shifted(1.0), settings);
  settings.power = 0.8;
  settings.alpha = 0.01;
  auto lower_alpha = seeds_needed(noise, shifted(1.0), settings);
  REQUIRE(base);
  REQUIRE(more_power);
  REQUIRE(lower_alpha);
  CHECK(*more_power >= *base);
  CHECK(*lower_alpha >= *base);
}

TEST_CASE("seeds_needed: bad input", "[seeds_needed]") {
  SeedsNeededSettings settings = small_settings();
  CHECK_THROWS_AS(seeds_needed({}, {1.0}, settings), std::invalid_argument);
  CHECK_THROWS_AS(seeds_needed({1.0}, {NAN}, settings), std::invalid_argument);
  settings.max_seeds = 1;
  CHECK_THROWS_AS(seeds_needed({1.0}, {2.0}, settings), std::invalid_argument);
  settings = small_settings();
  settings.alpha = 0.0;
  CHECK_THROWS_AS(seeds_needed({1.0}, {2.0}, settings), std::invalid_argument);
  settings = small_settings();
  settings.power = 1.5;
  CHECK_THROWS_AS(seeds_needed({1.0}, {2.0}, settings), std::invalid_argument);
  settings = small_settings();
  settings.resamples = 0;
  CHECK_THROWS_AS(seeds_needed({1.0}, {2.0}, settings), std::invalid_argument);
}
