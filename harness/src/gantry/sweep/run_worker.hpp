// The worker side of a sweep's worker processes (`gantry worker`, started by the sweep): reads
// runs from the sweep, executes each as execute_run does in-process, and reports back. A run
// whose plugin crashes takes only this process down; the sweep records the run as failed and
// starts another worker.
#pragma once

#include <atomic>
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

namespace gantry {

struct WorkerSettings {
  std::string db;
  std::filesystem::path artifacts;
  std::vector<std::filesystem::path> plugin_dirs;  // the sweep's search path, as it is
};

// Serves runs from `in` until it ends, writing messages (worker_protocol.hpp) to `out_fd`.
// Applies each run's resources.memory_limit to this process while it runs. Returns 0 at the
// end of the input; after a store failure, reports it and returns 1.
int serve_runs(const WorkerSettings& settings, std::istream& in, int out_fd,
               const std::atomic<bool>& stop_flag);

}  // namespace gantry
