// Argument checks shared by the statistics functions (internal to gantry_analysis_stats). They
// throw std::invalid_argument with the caller's name, so a report can say which statistic refused
// its input instead of printing NaN.
#pragma once

#include <vector>

namespace gantry::analysis::detail {

// Throws unless every value is finite: one NaN would silently poison every sum and rank.
void require_finite(const std::vector<double>& values, const char* what);

// Throws if values is empty, or if any value is not finite.
void require_nonempty_finite(const std::vector<double>& values, const char* what);

// Throws unless 0 < confidence < 1.
void require_confidence(double confidence, const char* what);

}  // namespace gantry::analysis::detail
