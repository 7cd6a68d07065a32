// Holm's step-down adjustment of p-values: a report tests many pairs of settings at once, and
// without an adjustment some pair is "significant" by chance alone. Holm controls the
// family-wise error rate like Bonferroni but is uniformly more powerful, and needs no assumption
// about how the tests depend on each other.
#pragma once

#include <vector>

namespace gantry::analysis {

// Holm (1979): with the m p-values sorted ascending, p(1) <= ... <= p(m), the adjusted value of
// p(i) is min(1, max over j <= i of (m - j + 1) p(j)), so adjusted values never decrease along
// the sorted order and never exceed 1 (R's p.adjust(method = "holm")). Returned in the input's
// order. An empty input gives an empty result (no tests, nothing to adjust). Throws
// std::invalid_argument for a value outside [0, 1] or NaN.
std::vector<double> holm_adjust(const std::vector<double>& p_values);

}  // namespace gantry::analysis
