// What every subcommand shares: exit codes, the storage and plugin-path options, and parsing
// a subcommand's arguments with its own --help.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace gantry::cli {

namespace po = boost::program_options;

enum ExitCode : int {
  kSuccess = 0,
  kError = 1,         // bad input, unusable plugin or database: nothing was run
  kUsage = 2,         // the command line itself is wrong
  kRunsFailed = 3,    // the sweep completed, but some runs failed (they are recorded)
  kInterrupted = 130  // stopped by Ctrl-C or SIGTERM; rerun the command to resume
};

struct StoreOptions {
  std::string db = "gantry.sqlite";
  std::string artifacts = "gantry-artifacts";
};

// A fractional default as --help shows it: 0.05, not 0.050000000000000003.
po::typed_value<double>* fractional_value(double& target);

// The gantry executable whose `gantry worker` runs each run of a sweep; main() sets it. Unset
// (the commands called in-process, by tests), runs execute as threads of this process.
void set_worker_executable(const std::filesystem::path& executable);
const std::optional<std::filesystem::path>& worker_executable();

void add_store_options(po::options_description& options, StoreOptions& store, bool artifacts);
void add_plugin_dir_option(po::options_description& options, std::vector<std::string>& dirs);

// Parses `args` (after the subcommand name). Returns nothing when --help was asked for (the help
// has been printed); throws po::error for bad arguments.
std::optional<po::variables_map> parse_command(const std::string& usage,
                                               const po::options_description& options,
                                               const po::positional_options_description& positional,
                                               const std::vector<std::string>& args);

}  // namespace gantry::cli
