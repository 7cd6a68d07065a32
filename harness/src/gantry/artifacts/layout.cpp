#include "gantry/artifacts/layout.hpp"

#include <cstdint>
#include <cstdio>

#include "gantry/base/errors.hpp"

namespace gantry {

void check_sweep_name(const std::string& name) {
  bool valid = !name.empty() && name.front() != '.' &&
               name.find_first_not_of(
                   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                   "0123456789._-") == std::string::npos;
  if (!valid) {
    throw ConfigError("sweep name '" + name +
                      "': use letters, digits, '.', '_' and '-', not starting with '.'");
  }
  if (name.size() > kMaxSweepNameLength) {
    throw ConfigError("sweep name '" + name.substr(0, 20) + "...' is " +
                      std::to_string(name.size()) + " characters long; at most " +
                      std::to_string(kMaxSweepNameLength) + " are allowed");
  }
}

std::string recorded_path(const std::filesystem::path& file, const std::filesystem::path& db_dir) {
  std::filesystem::path absolute = std::filesystem::absolute(file).lexically_normal();
  std::filesystem::path base = std::filesystem::absolute(db_dir).lexically_normal();
  std::filesystem::path relative = absolute.lexically_relative(base);
  bool below = !relative.empty() && relative.begin()->string() != "..";
  return (below ? relative : absolute).string();
}

// The run id orders files the way `gantry runs` lists them; the identity prefix keeps runs of
// different databases that share an artifacts directory from overwriting each other.
std::string artifact_file_name(std::int64_t run_id, const std::string& identity) {
  char name[32];
  std::snprintf(name, sizeof name, "run-%06lld-", static_cast<long long>(run_id));
  return name + identity.substr(0, 8) + ".h5";
}

namespace layout {

std::string evaluation(long long step) {
  return "step_" + std::to_string(step);
}

std::optional<long long> step_of_evaluation(const std::string& name) {
  const std::string prefix = "step_";
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return {};
  long long step = 0;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || step > (INT64_MAX - 9) / 10) return {};
    step = step * 10 + (name[i] - '0');
  }
  return step;
}

}  // namespace layout

}  // namespace gantry
