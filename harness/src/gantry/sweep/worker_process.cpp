#include "gantry/sweep/worker_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/process.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <system_error>
#include <thread>

#include "gantry/base/errors.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/sweep/worker_protocol.hpp"

namespace gantry {
namespace bp = boost::process;

namespace {

// A pipe whose descriptors close on exec: a worker started by another thread inherits none of
// them, or this worker would never see the end of its input while that one lives. The child's
// copies on its stdin and stdout (dup2) stay open.
bp::pipe pipe_closed_on_exec() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw StorageError(std::string("cannot create a pipe to a worker process: ") +
                       std::strerror(errno));
  }
  return bp::pipe(fds[0], fds[1]);
}

}  // namespace

struct WorkerProcess::Child {
  bp::pipe to_child = pipe_closed_on_exec();
  bp::pipe from_child = pipe_closed_on_exec();
  bp::child process;
  std::string received;  // bytes read from the child and not yet decoded

  explicit Child(const WorkerCommand& command)
      // Boost.Process closes our ends of the child's; SQLite opens the database with
      // O_CLOEXEC, so the child inherits no lock of ours.
      : process(command.executable.string(), arguments(command), bp::std_in = to_child,
                bp::std_out = from_child) {}

  static std::vector<std::string> arguments(const WorkerCommand& command) {
    std::vector<std::string> args = {"worker", "--db", command.db, "--artifacts",
                                     command.artifacts.string()};
    for (const auto& dir : command.plugin_dirs) {
      args.push_back("--plugin-dir");
      args.push_back(dir.string());
    }
    return args;
  }

  // A child that is gone takes nothing: its exit is read below.
  void send(const std::string& bytes) { worker::write_fully(to_child.native_sink(), bytes); }

  // Reads what the child wrote within `timeout`; false at the end of its output.
  bool receive(std::chrono::milliseconds timeout) {
    pollfd ready{from_child.native_source(), POLLIN, 0};
    int polled = ::poll(&ready, 1, static_cast<int>(timeout.count()));
    if (polled <= 0) return true;
    char buffer[4096];
    ssize_t n = ::read(from_child.native_source(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) return true;
    if (n <= 0) return false;
    received.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int wait_status() {
    std::error_code error;
    process.wait(error);
    return process.native_exit_code();
  }
};

namespace {

// "was killed by SIGSEGV (...)", "exited with status 1", "was stopped at ...": after "process".
std::string ended(const std::string& how) {
  return how.rfind("exited", 0) == 0 || how.rfind("ended", 0) == 0 ? how : "was " + how;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The run's death in words, with how far it got and the limits that were set.
std::string death_cause(const std::string& how, std::optional<long long> step,
                        const ResolvedExperiment& experiment) {
  std::string text = "its worker process " + ended(how);
  text += step ? " after step " + std::to_string(*step) : " before its first recorded step";
  std::string memory = experiment.value("resources.memory_limit");
  if (memory != "0") text += " (resources.memory_limit = " + memory + " MB)";
  return text;
}

}  // namespace

std::string describe_wait_status(int status) {
  if (WIFSIGNALED(status)) {
    int signal = WTERMSIG(status);
    const char* name = sigabbrev_np(signal);
    return std::string("killed by SIG") + (name ? name : std::to_string(signal)) + " (" +
           strsignal(signal) + ")";
  }
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "ended with wait status " + std::to_string(status);
}

WorkerProcess::WorkerProcess(WorkerCommand command) : command_(std::move(command)) {
  // A worker that dies between two runs turns the next request into a write to a closed pipe:
  // that must be an error to read (EPIPE), not SIGPIPE ending the whole sweep.
  static const bool ignoring_sigpipe = std::signal(SIGPIPE, SIG_IGN) != SIG_ERR;
  (void)ignoring_sigpipe;
}

WorkerProcess::~WorkerProcess() {
  if (!child_) return;
  try {
    child_->to_child.close();  // end of input: the worker returns after its current run
    for (int waited = 0; waited < 50 && child_->process.running(); ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (child_->process.running()) child_->process.terminate();
    child_->wait_status();
  } catch (...) {
    // A destructor never throws; a child that cannot be reaped is reaped by init.
  }
}

RunOutcome WorkerProcess::execute(const PlannedRun& run, const ResumePolicy& policy,
                                  RunStore& store, const std::atomic<bool>& stop_flag) {
  // A worker that died idle (between runs) gets the run again in a new worker; one that cannot
  // even claim a run when new is the machinery's fault.
  bool fresh = !child_ || !child_->process.running();
  RunOutcome outcome = attempt(run, policy, store, stop_flag, fresh);
  if (outcome.status == RunStatus::not_started && !fresh) {
    outcome = attempt(run, policy, store, stop_flag, true);
  }
  if (outcome.status == RunStatus::not_started) throw StorageError(outcome.error);
  return outcome;
}

RunOutcome WorkerProcess::attempt(const PlannedRun& run, const ResumePolicy& policy,
                                  RunStore& store, const std::atomic<bool>& stop_flag, bool fresh) {
  if (fresh) {
    child_.reset();
    try {
      child_ = std::make_unique<Child>(command_);
    } catch (const std::system_error& error) {
      throw StorageError("cannot start a worker process ('" + command_.executable.string() +
                         " worker'): " + error.what());
    }
  }
  Child& child = *child_;
  child.send(worker::encode(worker::RunRequest{run.sweep_id, run.sweep_name, run.seed, run.identity,
                                               run.experiment.to_ini(), policy}));
  const double time_limit = std::stod(run.experiment.value("resources.time_limit"));
  const auto started = std::chrono::steady_clock::now();
  RunOutcome outcome;
  bool asked_to_stop = false, timed_out = false;
  for (;;) {
    while (auto message = worker::take_message(child.received)) {
      if (message->kind == worker::MessageKind::store_failed) {
        child_.reset();
        throw StorageError(message->text);
      }
      outcome.run_id = message->run_id;
      if (message->kind == worker::MessageKind::ended) {
        outcome.status = message->status;
        outcome.error = message->text;
        outcome.wall_seconds = message->wall_seconds;
        return outcome;
      }
    }
    if (!child.receive(std::chrono::milliseconds(100))) break;
    if (stop_flag.load() && !asked_to_stop) {
      asked_to_stop = true;
      ::kill(child.process.id(), SIGTERM);  // the worker stops at its next step, resumable
    }
    if (time_limit > 0 && !timed_out && seconds_since(started) > time_limit) {
      timed_out = true;
      child.process.terminate();  // SIGKILL: a run over its time may not listen to anything
    }
  }
  // The child died in the run.
  std::string how = timed_out ? "stopped at resources.time_limit = " +
                                    run.experiment.value("resources.time_limit") + " s"
                              : describe_wait_status(child.wait_status());
  child_.reset();
  outcome.wall_seconds = seconds_since(started);
  if (outcome.run_id == 0) {
    outcome.error = "a worker process " + ended(how) + " before it could claim a run";
    return outcome;  // not_started
  }
  outcome.status = RunStatus::failed;
  std::optional<long long> step = store.db.last_metric_step(outcome.run_id);
  outcome.error = death_cause(how, step, run.experiment);
  store.db.end_run(
      outcome.run_id,
      RunEnd{RecordedStatus::failed, outcome.wall_seconds, step.value_or(0), outcome.error, {}});
  return outcome;
}

}  // namespace gantry
