// Helpers for tests that drive gantry as a process and read what it recorded: SQL answers as
// CSV, counting runs, and starting a sweep in the background to interrupt or watch it.
#pragma once

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gantry/store/results_reader.hpp"
#include "test_support.hpp"

namespace gantry::testing {

inline std::string query(const std::filesystem::path& db, const std::string& sql) {
  gantry::ResultsReader reader(db.string());
  std::ostringstream out;
  gantry::write_table(out, reader.query(sql), gantry::TableFormat::csv);
  return out.str();
}

inline std::string count(const std::filesystem::path& db, const std::string& where) {
  std::string csv = query(db, "SELECT count(*) FROM runs WHERE " + where);
  return csv.substr(csv.find('\n') + 1, csv.size() - csv.find('\n') - 2);
}

// Everything a run measured, keyed by run identity so run ids and order do not matter.
inline std::string all_measurements(const std::filesystem::path& db) {
  return query(db,
               "SELECT runs.identity, metrics.key, metrics.step, metrics.value FROM metrics "
               "JOIN runs ON runs.id = metrics.run_id ORDER BY 1, 2, 3") +
         query(db,
               "SELECT runs.identity, summaries.key, summaries.value FROM summaries "
               "JOIN runs ON runs.id = summaries.run_id ORDER BY 1, 2");
}

// gantry started in `dir` without waiting for it. Killed (SIGKILL) and reaped when the object
// goes out of scope still running, so a failed REQUIRE never leaves a sweep behind.
class BackgroundGantry {
 public:
  BackgroundGantry(const std::filesystem::path& dir, std::vector<std::string> arguments) {
    pid_ = fork();
    if (pid_ == 0) {
      if (chdir(dir.c_str()) != 0) _exit(127);
      freopen("/dev/null", "w", stdout);
      freopen("/dev/null", "w", stderr);
      std::string program = gantry_executable().string();
      std::vector<char*> argv{program.data()};
      for (auto& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      execv(program.c_str(), argv.data());
      _exit(127);
    }
  }
  ~BackgroundGantry() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  BackgroundGantry(const BackgroundGantry&) = delete;
  BackgroundGantry& operator=(const BackgroundGantry&) = delete;

  // Sends `signal` and waits for the process to end; returns its wait status.
  int stop(int signal) {
    int status = 0;
    kill(pid_, signal);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_ = -1;
};

// Waits (bounded) until at least `finished` runs are recorded as finished.
inline bool wait_for_finished(const std::filesystem::path& db, int finished) {
  // Generous, for slow (sanitizer) builds on a loaded machine: only a failure waits this long.
  for (int attempt = 0; attempt < 3000; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!std::filesystem::exists(db)) continue;
    try {
      if (std::stoi(count(db, "status = 'finished'")) >= finished) return true;
    } catch (const std::exception&) {
      // The schema may not exist yet while the sweep starts.
    }
  }
  return false;
}

}  // namespace gantry::testing
