// A proportion with its Wilson score interval: how often the discriminator overpowered the
// generator, how many seeds diverged. Unlike the Wald interval p -+ z sqrt(p(1-p)/n), Wilson's
// stays inside [0, 1] and does not collapse to a point at 0 of n or n of n, which is exactly what
// small seed counts produce.
#pragma once

#include <cstddef>

namespace gantry::analysis {

struct Proportion {
  std::size_t successes = 0, trials = 0;
  double estimate = 0;  // successes / trials
  double low = 0, high = 0;
};

// Wilson (1927) score interval without continuity correction (Newcombe 1998, method 3): with
// p = successes / trials, n = trials and z the standard normal quantile at (1 + confidence) / 2,
//   (p + z^2 / 2n -+ z sqrt(p (1 - p) / n + z^2 / 4n^2)) / (1 + z^2 / n).
// low is exactly 0 for 0 successes and high exactly 1 for trials successes (the formula gives
// those values, up to rounding). Throws std::invalid_argument for trials == 0,
// successes > trials or a confidence outside (0, 1).
Proportion wilson_interval(std::size_t successes, std::size_t trials, double confidence = 0.95);

}  // namespace gantry::analysis
