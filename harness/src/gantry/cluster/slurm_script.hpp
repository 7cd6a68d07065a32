// The two sbatch scripts of a Slurm sweep: a job array whose task K runs share K/N of the sweep
// (`gantry sweep ... --shard K/N --shard-dir DIR`) in node-local scratch, and a merge job that
// folds the N shard databases into the results database once the array has ended. Everything a
// task needs is written into the script: the gantry executable, the experiment file and plugin
// directories as absolute paths, and the sweep's seeds, grid and overrides.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gantry {

// --array: "8" or "8%2" (8 tasks, at most 2 running at once).
struct ArraySpec {
  int size = 1;
  int throttle = 0;  // 0: no limit
};
ArraySpec parse_array(const std::string& text);

// What each task asks Slurm for; empty or 0 leaves Slurm's default.
struct SlurmResources {
  std::string partition;
  std::string time;
  std::string mem;
  int cpus_per_task = 1;
};

struct SlurmSweep {
  std::string sweep_name;
  std::filesystem::path gantry;      // absolute path of the gantry executable
  std::filesystem::path experiment;  // the experiment file as given, absolute
  // After `gantry sweep EXPERIMENT`, the same for every task: seeds, grid, overrides, sweep name.
  std::vector<std::string> sweep_arguments;
  ArraySpec array;
  SlurmResources resources;
  std::filesystem::path shard_dir;  // shared: shard databases, HDF5 files, logs, the scripts
  std::string scratch;              // node-local scratch root; empty: $TMPDIR, else /tmp
  std::filesystem::path merged_db;
  std::filesystem::path merged_artifacts;
  int planned_runs = 0;

  std::filesystem::path array_script_path() const { return shard_dir / "sweep.sbatch"; }
  std::filesystem::path merge_script_path() const { return shard_dir / "merge.sbatch"; }
  // The tasks read this copy, taken at submission: editing the experiment file while tasks wait
  // in the queue must not change the sweep under them.
  std::filesystem::path experiment_copy() const { return shard_dir / "experiment.ini"; }
  std::filesystem::path log_dir() const { return shard_dir / "logs"; }
  // Where task `index` (counted from 1) publishes its share's database.
  std::filesystem::path shard_db(int index) const;
};

std::string array_script(const SlurmSweep& sweep);
std::string merge_script(const SlurmSweep& sweep);

// `text` as one POSIX shell word: single-quoted unless it is plainly safe.
std::string shell_quote(const std::string& text);

}  // namespace gantry
