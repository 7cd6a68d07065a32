// gantry: the command-line entry point. Dispatches to a subcommand and turns every error into
// one message on stderr and a non-zero exit code.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/build_info.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/system.hpp"

namespace {

std::atomic<bool> stop_flag{false};

// First signal: ask runs to stop at their next step, so they are left resumable. Second: leave
// now (the database stays consistent; in-flight runs are rerun on resume).
extern "C" void on_stop_signal(int) {
  if (stop_flag.exchange(true)) std::_Exit(gantry::cli::kInterrupted);
  const char message[] = "\nstopping: finishing the current steps (again to abort at once)\n";
  [[maybe_unused]] auto ignored = write(STDERR_FILENO, message, sizeof message - 1);
}

const char* const kOverview = R"(gantry: a research harness for GAN experiments

usage: gantry <command> [options]     (gantry <command> --help for its options)

commands:
  run EXPERIMENT.ini [--seed N]            one run
  sweep EXPERIMENT.ini --seeds 1-8 [--grid section.key=v1,v2 ...] [--jobs N]
                                           a sweep over seeds and a grid; resumes if rerun
                                           --shard K/N: one share; --slurm --array N: on Slurm
  search EXPERIMENT.ini --space KEY=SPEC --metric KEY --seeds 1-20 [--strategy race]
                                           spend seeds where the evidence is still open: race,
                                           halving, random or grid; resumes if rerun
  merge OUT.sqlite SHARD.sqlite...         merge results databases (shards) into one
  plugins [NAME]                           the plugins found, with their options
  runs [--sweep NAME]                      the recorded runs, one line each
  query "SELECT ..."                       read-only SQL over the results database
  report [--sweep NAME] [--group-by KEY]   cross-run variance, discriminator overpowering, and
                                           whether the grouping matters more than the seed;
                                           --html FILE [--watch S]: as one page with figures
  sample RUN_ID -n 1000 --out FILE.npy      new rows from a finished run's generator (.npy or .h5)
  new plugin --kind data|model|trainer NAME [DIR]
                                           a plugin skeleton that builds against the SDK

results go to gantry.sqlite and gantry-artifacts/ in the current directory (--db, --artifacts)
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace gantry::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kOverview;
    return args.empty() ? kUsage : kSuccess;
  }
  if (args[0] == "--version") {
    std::cout << "gantry " << gantry::gantry_version() << " (" << gantry::gantry_git_commit()
              << ", " << gantry::gantry_build_flags() << ")\n";
    return kSuccess;
  }
  std::string command = args[0];
  args.erase(args.begin());
  set_worker_executable(gantry::executable_path());
  const bool watching = command == "report" && std::any_of(args.begin(), args.end(), [](auto& a) {
                          return a.rfind("--watch", 0) == 0;
                        });
  if (command == "run" || command == "sweep" || command == "search" || watching) {
    // Only runs and a watched report page stop gracefully; other commands keep the default:
    // Ctrl-C ends them at once.
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGHUP, on_stop_signal);  // a closed terminal or ssh session: stop as for SIGTERM
  }
  try {
    if (command == "run") return command_run(args, stop_flag);
    if (command == "sweep") return command_sweep(args, stop_flag);
    if (command == "search") return command_search(args, stop_flag);
    if (command == "plugins") return command_plugins(args);
    if (command == "runs") return command_runs(args);
    if (command == "query") return command_query(args);
    if (command == "report") return command_report(args, stop_flag);
    if (command == "new") return command_new(args);
    if (command == "sample") return command_sample(args);
    if (command == "merge") return command_merge(args);
    if (command == "worker") return command_worker(args);
    std::cerr << "gantry: unknown command '" << command
              << "'; expected run, sweep, search, merge, plugins, runs, query, report or new "
                 "(gantry --help)\n";
    return kUsage;
  } catch (const boost::program_options::error& error) {
    std::cerr << "gantry " << command << ": " << error.what() << " (gantry " << command
              << " --help)\n";
    return kUsage;
  } catch (const gantry::GantryError& error) {
    std::cerr << "gantry " << command << ": " << error.what() << "\n";
    return kError;
  } catch (const std::exception& error) {
    std::cerr << "gantry " << command << ": unexpected error: " << error.what() << "\n";
    return kError;
  }
}
