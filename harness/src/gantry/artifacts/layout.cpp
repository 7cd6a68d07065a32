#include "gantry/artifacts/layout.hpp"

#include <cstdio>

namespace gantry {

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

}  // namespace gantry
