// The verdict on a pair of groups, for the report's compared metric: by how much they differ
// (the Hodges-Lehmann shift with its distribution-free interval), how consistently (Cliff's
// delta), and whether the seeds run so far settle it (the seeds per group at which the report's
// own test would find the difference seen, by a seeded bootstrap), said in one sentence.
#pragma once

#include <string>
#include <vector>

#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis {

// Fills `pair`'s shift, cliffs_delta, seeds_needed, seeds_verdict and verdict from the values
// of its first and second group, named `first_name` and `second_name` in the sentence.
void add_pair_verdict(PairwiseComparison& pair, const std::vector<double>& first,
                      const std::vector<double>& second, const ReportRequest& request,
                      const std::string& first_name, const std::string& second_name);

// "decided", "undecided", "out_of_reach": the verdict's name in csv and json.
std::string seeds_verdict_name(SeedsVerdict verdict);

}  // namespace gantry::analysis
