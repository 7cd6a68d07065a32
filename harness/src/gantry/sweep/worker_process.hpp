// The sweep side of a worker process: one `gantry worker` child per sweep thread, which runs
// the thread's runs one at a time. When the child dies in a run (a segfault or abort in plugin
// code, the kernel's out-of-memory killer, a time limit), the run is recorded as failed with
// the cause in words and the next run gets a new child.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gantry/run/run_executor.hpp"
#include "gantry/store/resume_policy.hpp"

namespace gantry {

// How to start a worker: the gantry executable and what `gantry worker` needs to know.
struct WorkerCommand {
  std::filesystem::path executable;
  std::string db;
  std::filesystem::path artifacts;
  std::vector<std::filesystem::path> plugin_dirs;
};

class WorkerProcess {
 public:
  explicit WorkerProcess(WorkerCommand command);
  ~WorkerProcess();  // ends the child: closes its input, then kills it if it lingers
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  // Runs `run` in the child (starting one if none is alive) and returns how it ended. A child
  // that dies ends the run as failed, recorded in `store` with the cause. When `stop_flag` is
  // set the child is asked to stop (SIGTERM) and the run ends interrupted. Throws StorageError
  // when the child reports that the store failed, or the store fails here.
  RunOutcome execute(const PlannedRun& run, const ResumePolicy& policy, RunStore& store,
                     const std::atomic<bool>& stop_flag);

 private:
  struct Child;
  // One try in the current worker (a new one when `fresh`). A worker that died before it
  // claimed the run ends it not_started, with the death in `error`.
  RunOutcome attempt(const PlannedRun& run, const ResumePolicy& policy, RunStore& store,
                     const std::atomic<bool>& stop_flag, bool fresh);

  WorkerCommand command_;
  std::unique_ptr<Child> child_;
};

// "killed by SIGSEGV (Segmentation fault)" or "exited with status 3", from a wait status.
std::string describe_wait_status(int status);

}  // namespace gantry
