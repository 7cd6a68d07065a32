// Shared helpers for the harness tests: scratch directories, the build tree's paths, and running
// the real gantry executable with its output and exit code captured.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "scratch_dir.hpp"

namespace gantry::testing {

inline std::filesystem::path binary_dir() {
  const char* dir = std::getenv("GANTRY_BINARY_DIR");
  return dir ? dir : GANTRY_DEFAULT_BINARY_DIR;
}

inline std::filesystem::path source_dir() {
  const char* dir = std::getenv("GANTRY_SOURCE_DIR");
  return dir ? dir : GANTRY_DEFAULT_SOURCE_DIR;
}

inline std::filesystem::path bundled_plugin_dir() {
  return binary_dir() / "lib" / "gantry" / "plugins";
}
inline std::filesystem::path test_plugin_dir(const std::string& name) {
  return binary_dir() / "tests" / "plugins" / name;
}
inline std::filesystem::path gantry_executable() {
  return binary_dir() / "bin" / "gantry";
}

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// Runs `arguments` through the shell in `dir` with gantry on the command line, after the
// optional `environment` assignments (e.g. "GANTRY_PLUGIN_PATH=/x").
inline CommandResult run_gantry(const std::filesystem::path& dir, const std::string& arguments,
                                const std::string& environment = "") {
  std::string command = "cd '" + dir.string() + "' && " + environment + " '" +
                        gantry_executable().string() + "' " + arguments + " 2>&1";
  CommandResult result{-1, ""};
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) result.output += buffer.data();
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace gantry::testing
