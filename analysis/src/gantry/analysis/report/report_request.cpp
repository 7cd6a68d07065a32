#include "gantry/analysis/report/report_request.hpp"

#include <algorithm>
#include <filesystem>

#include "gantry/base/errors.hpp"
#include "gantry/base/number_format.hpp"

namespace gantry::analysis {
namespace {

constexpr std::size_t kMostResamples = 1000000;
constexpr std::size_t kMostSeeds = 10000;

// A count as the user typed it: "-1", which the command line read as 2^64 - 1, back as "-1".
std::string as_typed(std::size_t count) {
  return std::to_string(static_cast<long long>(count));
}

void require_range(const std::string& option, double value, double low, double high,
                   bool low_inclusive, bool high_inclusive, const std::string& meaning) {
  bool above = low_inclusive ? value >= low : value > low;
  bool below = high_inclusive ? value <= high : value < high;
  if (!above || !below) {
    throw ConfigError("--" + option + " " + format_number(value, 6) +
                      " is out of range: " + meaning);
  }
}

}  // namespace

void validate_request(const ReportRequest& request) {
  require_range("confidence", request.confidence, 0, 1, false, false,
                "a confidence level between 0 and 1, e.g. 0.95");
  require_range("alpha", request.alpha, 0, 1, false, false,
                "a significance level between 0 and 1, e.g. 0.05");
  require_range("threshold", request.overpowering.threshold, 0.5, 1, false, true,
                "a balanced accuracy above chance (0.5) and at most 1");
  require_range("collapse-tolerance", request.overpowering.collapse_tolerance, 0, 0.5, true, false,
                "at least 0 and below 0.5");
  if (request.overpowering.window < 1) {
    throw ConfigError("--window " + std::to_string(request.overpowering.window) +
                      " is out of range: at least one evaluation");
  }
  const SeedsNeededRequest& seeds = request.seeds_needed;
  require_range("power", seeds.power, 0, 1, false, true,
                "a share of resamples above 0 and at most 1, e.g. 0.8");
  // Upper bounds too: the command line reads "-1" into an unsigned as a huge number.
  if (seeds.resamples < 1 || seeds.resamples > kMostResamples) {
    throw ConfigError("--power-resamples " + as_typed(seeds.resamples) + " is out of range: 1 to " +
                      std::to_string(kMostResamples));
  }
  if (seeds.max_seeds < 2 || seeds.max_seeds > kMostSeeds) {
    throw ConfigError("--max-seeds " + as_typed(seeds.max_seeds) + " is out of range: 2 to " +
                      std::to_string(kMostSeeds) + " seeds per group");
  }
}

std::optional<std::int64_t> default_sample_run(const Report& report) {
  const std::string& metric = report.request.compare_metric;
  const auto& best_high = report.request.higher_is_better;
  bool high = std::find(best_high.begin(), best_high.end(), metric) != best_high.end();
  std::optional<std::int64_t> chosen;
  double chosen_value = 0;
  for (const auto& run : *report.runs) {
    auto found = run.summaries.find(metric);
    // A run whose HDF5 file is gone (moved, deleted) cannot be drawn; the user did not ask
    // for that one, so another is chosen.
    if (run.status != RecordedStatus::finished || found == run.summaries.end() ||
        !std::filesystem::is_regular_file(run.hdf5_path)) {
      continue;
    }
    if (!chosen || (high ? found->second > chosen_value : found->second < chosen_value)) {
      chosen = run.id;
      chosen_value = found->second;
    }
  }
  return chosen;
}

bool has_run(const Report& report, std::int64_t id) {
  return std::any_of(report.runs->begin(), report.runs->end(),
                     [id](const RunRecord& run) { return run.id == id; });
}

}  // namespace gantry::analysis
