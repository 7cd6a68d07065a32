// Summaries that turn per-row errors into one score. A NaN among the values makes the summary
// NaN rather than being sorted or skipped, so a diverged generator shows up as a non-finite
// metric (which the harness reports) instead of as a deceptively good score.
#pragma once

#include <vector>

namespace gantry::plugins {

// Median (mean of the two middle values for an even count). Throws on an empty vector.
double median(std::vector<double> values);

// Arithmetic mean. Throws on an empty vector.
double mean(const std::vector<double>& values);

}  // namespace gantry::plugins
