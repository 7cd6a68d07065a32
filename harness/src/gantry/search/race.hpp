// The decisions of a search's rounds, as pure functions of the metric values, so that a search
// is a function of its recorded runs (rerun after a kill, it decides exactly as before) and the
// decisions can be tested on numbers whose truth is known.
#pragma once

#include <cstddef>
#include <vector>

#include "gantry/store/search_record.hpp"

namespace gantry {

struct RaceSettings {
  double alpha = 0.05;
  std::size_t first_test = 5;  // seeds every configuration runs before the first test
};

// values[b][j]: configuration alive[j]'s metric on the b-th seed so far, oriented so that lower
// is better; a run that failed or recorded no value is +inf (or NaN), and ranks last in its
// block. Before `first_test` seeds, no test. With three or more alive: Friedman with the seed as
// the block; when it rejects at alpha, Conover's comparison of each against the best by rank
// sum, Holm-adjusted over those comparisons, eliminates each whose adjusted p < alpha. With
// two alive: Wilcoxon signed-rank paired by seed, which eliminates the worse when p < alpha.
// Returns the round's test and decisions (configurations named by alive[j]); the caller fills
// in the round's number, seeds and runs. Medians are of the oriented finite values.
SearchRound decide_race_round(const std::vector<int>& alive,
                              const std::vector<std::vector<double>>& values,
                              const RaceSettings& settings);

// Successive halving: keeps the ceil(alive / eta) configurations with the lowest median over
// the seeds (failures last; ties by configuration order) and eliminates the rest.
SearchRound decide_halving_rung(const std::vector<int>& alive,
                                const std::vector<std::vector<double>>& values, double eta);

// The median of column j over the blocks, over its finite values; NaN when it has none.
double column_median(const std::vector<std::vector<double>>& values, std::size_t column);

}  // namespace gantry
