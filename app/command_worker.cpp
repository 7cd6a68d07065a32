// `gantry worker`: not for people. A sweep starts one per job and sends it runs over stdin
// (sweep/run_worker.hpp); this binding parses the options, makes signals stop the current run
// and ties the worker's life to the sweep's.
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/sweep/run_worker.hpp"

namespace gantry::cli {
namespace {

std::atomic<bool> worker_stop{false};

// Every signal only asks the current run to stop at its next step: the sweep waits for the
// worker to record the run as interrupted, so a second signal must not cut that short.
extern "C" void on_worker_signal(int) {
  worker_stop = true;
}

}  // namespace

int command_worker(const std::vector<std::string>& raw_args) {
  WorkerSettings settings;
  std::string artifacts;
  std::vector<std::string> plugin_dirs;
  po::options_description options("worker options");
  options.add_options()("db", po::value(&settings.db)->required(), "results database")(
      "artifacts", po::value(&artifacts)->required(), "artifacts directory")(
      "plugin-dir", po::value(&plugin_dirs)->composing(), "the sweep's plugin search path");
  auto values = parse_command(
      "gantry worker --db F --artifacts D [--plugin-dir D]... (started "
      "by gantry sweep, not by hand)",
      options, {}, raw_args);
  if (!values) return kSuccess;
  settings.artifacts = artifacts;
  settings.plugin_dirs.assign(plugin_dirs.begin(), plugin_dirs.end());
  // A sweep killed with SIGKILL takes its workers with it, at once: their runs are left
  // "running" under a dead process, which the next invocation reruns (a worker that lingered
  // to finish its step would make that invocation leave the run to it).
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() == 1) return kInterrupted;
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, on_worker_signal);
  // The protocol keeps the worker's stdout; whatever plugins print goes to stderr.
  int protocol = dup(STDOUT_FILENO);
  dup2(STDERR_FILENO, STDOUT_FILENO);
  int status = serve_runs(settings, std::cin, protocol, worker_stop);
  close(protocol);
  return status == 0 ? kSuccess : kError;
}

}  // namespace gantry::cli
