#include "gantry/analysis/report/grouping.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "gantry/base/errors.hpp"
#include "gantry/base/suggest.hpp"

namespace gantry::analysis {
namespace {

constexpr const char* kMissing = "-";

std::string value_of(const RunRecord& run, const std::string& key) {
  auto found = run.params.find(key);
  return found == run.params.end() ? kMissing : found->second;
}

// Numbers before text, numbers by value, text alphabetically.
bool natural_less(const std::string& a, const std::string& b) {
  char* a_end = nullptr;
  char* b_end = nullptr;
  double a_number = std::strtod(a.c_str(), &a_end);
  double b_number = std::strtod(b.c_str(), &b_end);
  bool a_is_number = !a.empty() && *a_end == '\0';
  bool b_is_number = !b.empty() && *b_end == '\0';
  if (a_is_number && b_is_number && a_number != b_number) return a_number < b_number;
  if (a_is_number != b_is_number) return a_is_number;
  return a < b;
}

}  // namespace

std::string RunGroup::name() const {
  if (labels.empty()) return "all runs";
  std::string text;
  for (const auto& [key, value] : labels) text += (text.empty() ? "" : " ") + key + "=" + value;
  return text;
}

std::vector<std::pair<std::int64_t, double>> finished_values(const RunGroup& group,
                                                             const std::string& metric) {
  std::vector<std::pair<std::int64_t, double>> values;
  for (const RunRecord* run : group.runs) {
    if (run->status != RecordedStatus::finished) continue;
    auto found = run->summaries.find(metric);
    if (found != run->summaries.end()) values.emplace_back(run->id, found->second);
  }
  // In value order, not run-id order: sums over the values then do not depend on the ids, which
  // differ between a merged database (`gantry merge`) and a local run of the same sweep, so
  // both report the same numbers to the last bit. Equal values keep the lower id first.
  std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    bool a_nan = std::isnan(a.second), b_nan = std::isnan(b.second);
    if (a_nan != b_nan) return b_nan;
    if (!a_nan && a.second != b.second) return a.second < b.second;
    return a.first < b.first;
  });
  return values;
}

std::vector<std::string> varying_parameters(const std::vector<RunRecord>& runs) {
  std::set<std::string> keys;
  for (const RunRecord& run : runs) {
    for (const auto& entry : run.params) keys.insert(entry.first);
  }
  std::vector<std::string> varying;
  for (const std::string& key : keys) {
    if (key == "experiment.description") continue;
    std::set<std::string> values;
    for (const RunRecord& run : runs) values.insert(value_of(run, key));
    if (values.size() > 1) varying.push_back(key);
  }
  return varying;
}

std::vector<RunGroup> group_runs(const std::vector<RunRecord>& runs,
                                 const std::vector<std::string>& keys) {
  std::set<std::string> known;
  for (const RunRecord& run : runs) {
    for (const auto& entry : run.params) known.insert(entry.first);
  }
  for (const std::string& key : keys) {
    if (!known.count(key)) {
      throw ConfigError("cannot group by '" + key + "': no selected run has that parameter" +
                        did_you_mean(key, std::vector<std::string>(known.begin(), known.end())));
    }
  }
  auto less = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), natural_less);
  };
  std::map<std::vector<std::string>, RunGroup, decltype(less)> groups(less);
  for (const RunRecord& run : runs) {
    std::vector<std::string> values;
    for (const std::string& key : keys) values.push_back(value_of(run, key));
    RunGroup& group = groups[values];
    if (group.labels.empty()) {
      for (std::size_t i = 0; i < keys.size(); ++i) group.labels.emplace_back(keys[i], values[i]);
    }
    group.runs.push_back(&run);
  }
  std::vector<RunGroup> ordered;
  for (auto& entry : groups) ordered.push_back(std::move(entry.second));
  return ordered;
}

}  // namespace gantry::analysis
