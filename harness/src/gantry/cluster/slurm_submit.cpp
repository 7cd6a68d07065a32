#include "gantry/cluster/slurm_submit.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "gantry/base/errors.hpp"
#include "gantry/base/process.hpp"
#include "gantry/base/text.hpp"
#include "gantry/cluster/shard_workspace.hpp"

namespace gantry {
namespace {

std::string sbatch_program() {
  const char* program = std::getenv("GANTRY_SBATCH");
  return program != nullptr && *program != '\0' ? program : "sbatch";
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// sbatch --parsable prints "jobid" or "jobid;cluster".
std::string submit(const std::vector<std::string>& argv, const std::string& what) {
  std::string command = shell_command(argv);
  auto [status, output] = run_process(ProcessRequest{"sbatch", argv, "", ""});
  std::string line = trimmed(output);
  std::string job = line.substr(0, line.find(';'));
  bool numeric = !job.empty() && job.find_first_not_of("0123456789") == std::string::npos;
  if (status != 0 || !numeric) {
    throw GantryError("sbatch could not submit the " + what + " (" + command +
                      "): " + (line.empty() ? "exit status " + std::to_string(status) : line));
  }
  return job;
}

void write_script(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path);
  file << text;
  if (!file.flush()) throw StorageError("cannot write '" + path.string() + "'");
}

std::vector<std::string> array_submit_arguments(const SlurmSweep& sweep) {
  return {sbatch_program(), "--parsable", sweep.array_script_path().string()};
}

std::vector<std::string> merge_submit_arguments(const SlurmSweep& sweep,
                                                const std::string& array_job) {
  return {sbatch_program(), "--parsable", "--dependency=afterany:" + array_job,
          sweep.merge_script_path().string()};
}

}  // namespace

std::string shell_command(const std::vector<std::string>& argv) {
  std::vector<std::string> words;
  for (const auto& arg : argv) words.push_back(shell_quote(arg));
  return join(words, " ");
}

std::string array_submit_command(const SlurmSweep& sweep) {
  return shell_command(array_submit_arguments(sweep));
}

std::string merge_submit_command(const SlurmSweep& sweep, const std::string& array_job) {
  std::vector<std::string> argv = merge_submit_arguments(sweep, array_job);
  // The dependency is written as it is: in a dry run "<array job id>" stands for the number.
  return shell_quote(argv[0]) + " " + argv[1] + " " + argv[2] + " " + shell_quote(argv[3]);
}

SlurmJobs submit_slurm_sweep(const SlurmSweep& sweep) {
  std::error_code error;
  std::filesystem::create_directories(sweep.log_dir(), error);
  if (error) {
    throw StorageError("cannot create '" + sweep.log_dir().string() + "': " + error.message());
  }
  copy_file_atomically(sweep.experiment, sweep.experiment_copy());
  write_script(sweep.array_script_path(), array_script(sweep));
  write_script(sweep.merge_script_path(), merge_script(sweep));
  SlurmJobs jobs;
  jobs.array_job = submit(array_submit_arguments(sweep), "job array");
  try {
    jobs.merge_job = submit(merge_submit_arguments(sweep, jobs.array_job), "merge job");
  } catch (const GantryError& failure) {
    throw GantryError(std::string(failure.what()) + "; the job array " + jobs.array_job +
                      " was submitted: submit the merge by hand with " +
                      merge_submit_command(sweep, jobs.array_job));
  }
  return jobs;
}

}  // namespace gantry
