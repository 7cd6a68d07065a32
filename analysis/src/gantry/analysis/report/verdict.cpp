#include "gantry/analysis/report/verdict.hpp"

#include <algorithm>

#include "gantry/analysis/stats/seeds_needed.hpp"
#include "gantry/analysis/stats/shift_estimate.hpp"
#include "gantry/base/number_format.hpp"

namespace gantry::analysis {
namespace {

SeedsVerdict verdict_of(const std::optional<std::size_t>& needed, std::size_t smaller) {
  if (!needed) return SeedsVerdict::out_of_reach;
  return *needed <= smaller ? SeedsVerdict::decided : SeedsVerdict::undecided;
}

// "(each has 8)" or "(the smaller group has 6)": what the estimate is measured against.
std::string has_clause(std::size_t first, std::size_t second) {
  if (first == second) return "(each has " + std::to_string(first) + ")";
  return "(the smaller group has " + std::to_string(std::min(first, second)) + ")";
}

std::string seeds_sentence(const PairwiseComparison& pair, const SeedsNeededRequest& search,
                           std::size_t first, std::size_t second) {
  // The power is part of the claim: a difference that only just reaches alpha is significant
  // and still undecided, since as many seeds again would find it only about half of the time.
  std::string tail = " for " + format_percent(search.power) + " power " + has_clause(first, second);
  switch (pair.seeds_verdict) {
    case SeedsVerdict::decided:
      return "decided: " + std::to_string(*pair.seeds_needed) + " seeds per group suffice" + tail;
    case SeedsVerdict::undecided:
      // "About": a bootstrap from the runs there are, not an exact power calculation.
      return "undecided: about " + std::to_string(*pair.seeds_needed) + " seeds per group needed" +
             tail;
    case SeedsVerdict::out_of_reach:
      break;
  }
  return "undecided: more than " + std::to_string(search.max_seeds) + " seeds per group needed" +
         tail;
}

}  // namespace

void add_pair_verdict(PairwiseComparison& pair, const std::vector<double>& first,
                      const std::vector<double>& second, const ReportRequest& request,
                      const std::string& first_name, const std::string& second_name) {
  pair.shift = hodges_lehmann(first, second, request.confidence);
  pair.cliffs_delta = cliffs_delta(first, second);
  const SeedsNeededRequest& search = request.seeds_needed;
  SeedsNeededSettings settings;
  settings.alpha = request.alpha;
  settings.power = search.power;
  settings.resamples = search.resamples;
  settings.max_seeds = search.max_seeds;
  settings.seed = search.seed;
  pair.seeds_needed = seeds_needed(first, second, settings);
  pair.seeds_verdict = verdict_of(pair.seeds_needed, std::min(first.size(), second.size()));
  pair.verdict = first_name + " vs " + second_name + ": " +
                 seeds_sentence(pair, search, first.size(), second.size());
}

std::string seeds_verdict_name(SeedsVerdict verdict) {
  switch (verdict) {
    case SeedsVerdict::decided:
      return "decided";
    case SeedsVerdict::undecided:
      return "undecided";
    case SeedsVerdict::out_of_reach:
      break;
  }
  return "out_of_reach";
}

}  // namespace gantry::analysis
