// "Does K matter more than the seed?": for the report's comparison metric across its groups,
// Kruskal-Wallis with its effect size, the share of the variance between groups against within
// them (seed noise), pairwise Mann-Whitney tests with Holm-adjusted p-values and each pair's
// verdict (verdict.hpp), and one plain sentence of what the data support.
#pragma once

#include <optional>

#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis {

// Absent when the report has fewer than two groups.
std::optional<GroupEffect> group_effect(const Report& report);

}  // namespace gantry::analysis
