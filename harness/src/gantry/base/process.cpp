#include "gantry/base/process.hpp"

#include "gantry/base/file_descriptor.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "gantry/base/errors.hpp"

namespace gantry {
namespace {

std::string errno_text(int error) {
  return std::strerror(error);
}

struct Pipe {
  FileDescriptor read, write;
};

Pipe make_pipe(const std::string& program, const char* what) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw ProcessError("cannot start " + program + ": " + what + ": " + errno_text(errno));
  }
  return Pipe{FileDescriptor(fds[0]), FileDescriptor(fds[1])};
}

// In the child, between fork and exec: async-signal-safe calls only. Reports the stage that
// failed and errno through `report`; a successful exec closes it.
[[noreturn]] void exec_child(char* const argv[], const char* directory, int input, int output,
                             int report) {
  int stage = 0;  // 0: chdir, 1: redirect, 2: exec
  if (directory == nullptr || ::chdir(directory) == 0) {
    stage = 1;
    if (::dup2(input, 0) >= 0 && ::dup2(output, 1) >= 0 && ::dup2(output, 2) >= 0) {
      stage = 2;
      ::execvp(argv[0], argv);
    }
  }
  int failure[2] = {stage, errno};
  ssize_t ignored = ::write(report, failure, sizeof failure);
  (void)ignored;
  ::_exit(127);
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) {
      text.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      return text;
    }
  }
}

int wait_for(pid_t pid, const std::string& program) {
  int status = 0;
  pid_t waited;
  do {
    waited = ::waitpid(pid, &status, 0);
  } while (waited < 0 && errno == EINTR);
  if (waited < 0) throw ProcessError("cannot wait for " + program + ": " + errno_text(errno));
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ProcessResult run_process(const ProcessRequest& request) {
  const std::string& program = request.name.empty() ? request.argv.at(0) : request.name;
  FileDescriptor input(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  if (input.get() < 0) throw ProcessError("cannot open /dev/null: " + errno_text(errno));
  Pipe captured;
  FileDescriptor file;
  if (request.output_file.empty()) {
    captured = make_pipe(program, "pipe");
  } else {
    file = FileDescriptor(
        ::open(request.output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (file.get() < 0) {
      throw StorageError("cannot write '" + request.output_file + "': " + errno_text(errno));
    }
  }
  int output = request.output_file.empty() ? captured.write.get() : file.get();
  Pipe report = make_pipe(program, "pipe");

  // Everything the child needs is prepared before the fork.
  std::vector<std::vector<char>> words;
  for (const auto& arg : request.argv)
    words.emplace_back(arg.c_str(), arg.c_str() + arg.size() + 1);
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const char* directory = request.directory.empty() ? nullptr : request.directory.c_str();

  pid_t pid = ::fork();
  if (pid < 0) throw ProcessError("cannot start " + program + ": fork: " + errno_text(errno));
  if (pid == 0) exec_child(argv.data(), directory, input.get(), output, report.write.get());
  report.write.reset();
  captured.write.reset();
  ProcessResult result;
  if (captured.read.get() >= 0) result.output = read_all(captured.read.get());
  std::string failure_bytes = read_all(report.read.get());
  result.status = wait_for(pid, program);
  int failure[2] = {0, 0};
  if (failure_bytes.size() == sizeof failure) {
    std::memcpy(failure, failure_bytes.data(), sizeof failure);
    std::string what = failure[0] == 0   ? "cannot enter the directory '" + request.directory + "'"
                       : failure[0] == 1 ? "cannot redirect its output"
                                         : "cannot execute '" + request.argv.at(0) + "'";
    throw ProcessError("cannot start " + program + ": " + what + ": " + errno_text(failure[1]));
  }
  return result;
}

}  // namespace gantry
