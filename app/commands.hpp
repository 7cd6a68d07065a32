// The subcommands: each parses and validates its arguments, calls the harness library, and
// returns an exit code. Errors propagate as GantryError to main.
#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace gantry::cli {

int command_run(const std::vector<std::string>& args, const std::atomic<bool>& stop_flag);
int command_sweep(const std::vector<std::string>& args, const std::atomic<bool>& stop_flag);
int command_search(const std::vector<std::string>& args, const std::atomic<bool>& stop_flag);
int command_plugins(const std::vector<std::string>& args);
int command_runs(const std::vector<std::string>& args);
int command_query(const std::vector<std::string>& args);
int command_report(const std::vector<std::string>& args, const std::atomic<bool>& stop_flag);
int command_new(const std::vector<std::string>& args);
int command_sample(const std::vector<std::string>& args);
int command_merge(const std::vector<std::string>& args);
// Started by a sweep for each job; not listed in the overview.
int command_worker(const std::vector<std::string>& args);

}  // namespace gantry::cli
