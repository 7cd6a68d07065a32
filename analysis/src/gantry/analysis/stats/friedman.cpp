// The Friedman test and Conover's post-hoc comparisons: ranks within each block (seed), so the
// seed's shared luck cancels, then rank sums per treatment (configuration).
#include "gantry/analysis/stats/friedman.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/students_t.hpp>

#include "gantry/analysis/stats/input_checks.hpp"
#include "gantry/analysis/stats/ranking.hpp"

namespace gantry::analysis {

namespace {

// What both statistics need from the within-block ranks.
struct BlockRanks {
  std::vector<double> rank_sums;  // R_j
  double tie_term = 0;            // sum over blocks of sum(t^3 - t)
  double squared_ranks = 0;       // A, the sum of every squared rank
  bool all_tied = true;           // every block has a single distinct value
};

// Throws unless blocks is a non-empty, rectangular table of finite values with k >= 2 columns.
void check_blocks(const std::vector<std::vector<double>>& blocks, const char* what) {
  if (blocks.empty()) throw std::invalid_argument(std::string(what) + ": no blocks");
  std::size_t k = blocks.front().size();
  if (k < 2) throw std::invalid_argument(std::string(what) + ": needs at least 2 treatments");
  for (const auto& block : blocks) {
    if (block.size() != k) {
      throw std::invalid_argument(std::string(what) + ": blocks of different sizes");
    }
    detail::require_finite(block, what);
  }
}

BlockRanks rank_blocks(const std::vector<std::vector<double>>& blocks) {
  BlockRanks result;
  result.rank_sums.assign(blocks.front().size(), 0.0);
  for (const auto& block : blocks) {
    Ranking ranking = average_ranks(block);
    for (std::size_t j = 0; j < block.size(); ++j) {
      result.rank_sums[j] += ranking.ranks[j];
      result.squared_ranks += ranking.ranks[j] * ranking.ranks[j];
    }
    result.tie_term += ranking.tie_term;
    if (ranking.distinct > 1) result.all_tied = false;
  }
  return result;
}

}  // namespace

std::optional<Friedman> friedman(const std::vector<std::vector<double>>& blocks) {
  check_blocks(blocks, "friedman");
  BlockRanks ranks = rank_blocks(blocks);
  // Every block tied throughout makes both numerator and denominator 0.
  if (ranks.all_tied) return std::nullopt;

  double n = static_cast<double>(blocks.size());
  double k = static_cast<double>(ranks.rank_sums.size());
  double spread = 0;  // sum_j (R_j - n (k + 1) / 2)^2
  for (double rank_sum : ranks.rank_sums) {
    double deviation = rank_sum - n * (k + 1.0) / 2.0;
    spread += deviation * deviation;
  }
  double denominator = n * k * (k + 1.0) - ranks.tie_term / (k - 1.0);

  Friedman result;
  // Equal rank sums can round to a tiny negative; chi-squared refuses those.
  result.statistic = std::max(12.0 * spread / denominator, 0.0);
  result.df = static_cast<int>(ranks.rank_sums.size()) - 1;
  boost::math::chi_squared chi_squared(result.df);
  result.p_value = boost::math::cdf(boost::math::complement(chi_squared, result.statistic));
  result.rank_sums = std::move(ranks.rank_sums);
  result.blocks = blocks.size();
  return result;
}

std::vector<ConoverComparison> conover_against(const std::vector<std::vector<double>>& blocks,
                                               std::size_t reference) {
  check_blocks(blocks, "conover_against");
  if (blocks.size() < 2) throw std::invalid_argument("conover_against: needs at least 2 blocks");
  if (reference >= blocks.front().size()) {
    throw std::invalid_argument("conover_against: reference is not a treatment");
  }
  BlockRanks ranks = rank_blocks(blocks);
  double n = static_cast<double>(blocks.size());
  double k = static_cast<double>(ranks.rank_sums.size());
  double sum_squared_sums = 0;
  for (double rank_sum : ranks.rank_sums) sum_squared_sums += rank_sum * rank_sum;
  double df = (n - 1.0) * (k - 1.0);
  // n A - sum R^2 is n^2 times the sum over treatments of the variance of their ranks across
  // blocks: 0 exactly when every treatment has the same rank in every block. Ranks are multiples
  // of 1/2, so the sums are exact; the clamp only guards the square root.
  double scale = std::sqrt(std::max(2.0 * (n * ranks.squared_ranks - sum_squared_sums) / df, 0.0));
  boost::math::students_t t_distribution(df);

  std::vector<ConoverComparison> comparisons;
  for (std::size_t j = 0; j < ranks.rank_sums.size(); ++j) {
    if (j == reference) continue;
    ConoverComparison comparison;
    comparison.treatment = j;
    double difference = std::abs(ranks.rank_sums[j] - ranks.rank_sums[reference]);
    if (scale > 0.0) {
      comparison.statistic = difference / scale;
      comparison.p_value =
          2.0 * boost::math::cdf(boost::math::complement(t_distribution, comparison.statistic));
    } else if (difference > 0.0) {
      // Same ranking in every block: no within-treatment noise, so any difference is certain.
      comparison.statistic = std::numeric_limits<double>::infinity();
      comparison.p_value = 0.0;
    }  // else 0/0: nothing tells them apart, statistic 0 and p 1 (the defaults)
    comparisons.push_back(comparison);
  }
  return comparisons;
}

}  // namespace gantry::analysis
