// The exact null distribution of the Mann-Whitney U statistic for samples without ties, used
// where the normal approximation is poor: small samples, which is what seed counts are.
#pragma once

#include <cstddef>

namespace gantry::analysis {

// P(U >= u) when two samples of sizes n1 and n2 (both >= 1) without ties come from one
// continuous distribution, i.e. when all C(n1 + n2, n1) orderings are equally likely; U counts
// the pairs in which the first sample's value is larger. Time grows as min(n1, n2)^2 *
// max(n1, n2)^2 / 2, fine for the small samples the exact test is meant for (Gantry uses it only
// when one sample has at most 8 values).
double u_upper_tail(std::size_t n1, std::size_t n2, std::size_t u);

}  // namespace gantry::analysis
