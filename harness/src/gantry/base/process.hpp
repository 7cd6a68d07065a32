// External programs, started one way: fork and exec, no shell, standard input from /dev/null,
// standard output and error together into a file or back to the caller. A program that cannot
// be started is a ProcessError naming what failed (the directory, the redirection, the exec).
#pragma once

#include <string>
#include <vector>

namespace gantry {

struct ProcessRequest {
  std::string name;               // what messages call it ("gnuplot")
  std::vector<std::string> argv;  // argv[0]: a path, or a name looked up on PATH
  std::string directory;          // where it runs; empty: the current directory
  std::string output_file;        // stdout and stderr go here; empty: captured
};

struct ProcessResult {
  int status = 0;      // the exit status, or 128 + the signal that ended it
  std::string output;  // what it printed, when captured
};

// Runs the program to its end. Throws ProcessError when it cannot be started or waited for,
// StorageError when output_file cannot be written.
ProcessResult run_process(const ProcessRequest& request);

}  // namespace gantry
