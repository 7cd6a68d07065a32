// The expected best of n runs (Dodge et al. 2019, "Show Your Work"): a paper that reports the
// best of n seeds reports, on average, this value. Against the median it shows how much best-of-n
// flatters a setting.
#pragma once

#include <cstddef>
#include <vector>

namespace gantry::analysis {

// For n = 1 ... max_n, the expectation of the best of n values drawn with replacement from the
// N given values: with v(1) <= ... <= v(N) sorted, E[max] = sum_i v(i) ((i / N)^n - ((i - 1) /
// N)^n); for lower-is-better (higher_is_better false) the mirror image, the expected minimum.
// Element n - 1 is the value for n. Throws std::invalid_argument for no values, a non-finite
// value or max_n of 0.
std::vector<double> expected_best_of_n(std::vector<double> values, bool higher_is_better,
                                       std::size_t max_n);

}  // namespace gantry::analysis
