// How many seeds per group would settle a difference: the smallest n at which the report's own
// test (two-sided Mann-Whitney) rejects at alpha in at least `power` of bootstrap resamples of
// size n drawn from each group. An estimate from the observed runs, seeded, so reproducible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace gantry::analysis {

struct SeedsNeededSettings {
  double alpha = 0.05;
  double power = 0.8;
  std::size_t resamples = 200;  // bootstrap resamples at each n tried
  std::size_t max_seeds = 200;  // n is searched in 2 ... max_seeds
  std::uint64_t seed = 1;       // of the resampling generator (std::mt19937_64)
};

// Empty when even max_seeds per group do not reach the power ("more than 200"). Power is taken
// as growing with n: doubling from 2, then bisection. Throws std::invalid_argument for an empty
// sample or a non-finite value.
std::optional<std::size_t> seeds_needed(const std::vector<double>& x, const std::vector<double>& y,
                                        const SeedsNeededSettings& settings);

}  // namespace gantry::analysis
