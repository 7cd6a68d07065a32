#include "gantry/cluster/slurm_script.hpp"

#include <sstream>

#include "gantry/base/build_info.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/whole_integer.hpp"
#include "gantry/sweep/sweep_shard.hpp"

namespace gantry {
namespace {

int parse_count(const std::string& text, const std::string& whole) {
  std::optional<long long> value = whole_integer(text);
  if (!value || *value < 1 || *value > 100000) {
    throw ConfigError("--array '" + whole +
                      "': expected the number of tasks, optionally with %N to run at most N at "
                      "once (e.g. 8 or 8%2)");
  }
  return static_cast<int>(*value);
}

void resource_lines(std::ostream& out, const SlurmResources& resources, bool task) {
  if (!resources.partition.empty()) out << "#SBATCH --partition=" << resources.partition << "\n";
  if (!resources.time.empty()) out << "#SBATCH --time=" << resources.time << "\n";
  if (task) {
    out << "#SBATCH --cpus-per-task=" << resources.cpus_per_task << "\n";
    if (!resources.mem.empty()) out << "#SBATCH --mem=" << resources.mem << "\n";
  }
}

std::string header(const SlurmSweep& sweep, const std::string& what) {
  return "#!/bin/bash\n# " + what + "\n# Written by gantry " + gantry_version() + " (" +
         gantry_git_commit() + ") for `gantry sweep --slurm`; " +
         std::to_string(sweep.planned_runs) + " runs in " + std::to_string(sweep.array.size) +
         " shares.\n";
}

}  // namespace

std::filesystem::path SlurmSweep::shard_db(int index) const {
  return shard_dir / (ShardSpec{index, array.size}.name() + ".sqlite");
}

ArraySpec parse_array(const std::string& text) {
  std::size_t percent = text.find('%');
  ArraySpec spec;
  spec.size = parse_count(text.substr(0, percent), text);
  if (percent != std::string::npos) spec.throttle = parse_count(text.substr(percent + 1), text);
  return spec;
}

std::string shell_quote(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                              "0123456789_-+=/.,:@%") == std::string::npos) {
    return text;
  }
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string array_script(const SlurmSweep& sweep) {
  const std::string count = std::to_string(sweep.array.size);
  std::ostringstream out;
  out << header(sweep, "Sweep '" + sweep.sweep_name +
                           "' as a Slurm job array: task K runs share "
                           "K/" +
                           count + " of the sweep.");
  out << "#SBATCH --job-name=gantry-" << sweep.sweep_name << "\n";
  out << "#SBATCH --array=1-" << count;
  if (sweep.array.throttle > 0) out << "%" << sweep.array.throttle;
  out << "\n";
  // One log per share, appended to by a requeued task rather than overwritten.
  out << "#SBATCH --output="
      << shell_quote((sweep.log_dir() / ("shard-%a-of-" + count + ".out")).string())
      << "\n#SBATCH --open-mode=append\n#SBATCH --requeue\n";
  resource_lines(out, sweep.resources, true);
  out << "set -euo pipefail\n"
         "# N is written here rather than read from SLURM_ARRAY_TASK_COUNT, which counts only the\n"
         "# tasks of a partial resubmission (sbatch --array=3,5 this file) and would change the "
         "shares.\n"
         "# Results are written in node-local scratch and published to --shard-dir when the task\n"
         "# stops; a requeued task resumes from what was published.\n";
  out << "exec " << shell_quote(sweep.gantry.string()) << " sweep "
      << shell_quote(sweep.experiment_copy().string());
  for (const auto& argument : sweep.sweep_arguments) out << " " << shell_quote(argument);
  out << " \\\n  --shard \"${SLURM_ARRAY_TASK_ID}/" << count << "\" --shard-dir "
      << shell_quote(sweep.shard_dir.string()) << " --jobs \"${SLURM_CPUS_PER_TASK:-1}\"";
  if (!sweep.scratch.empty()) out << " --scratch " << shell_quote(sweep.scratch);
  out << "\n";
  return out.str();
}

std::string merge_script(const SlurmSweep& sweep) {
  std::ostringstream out;
  out << header(sweep, "Merges the shards of sweep '" + sweep.sweep_name +
                           "' into the results database once its job array has ended.");
  out << "#SBATCH --job-name=gantry-" << sweep.sweep_name << "-merge\n";
  out << "#SBATCH --output=" << shell_quote((sweep.log_dir() / "merge.out").string())
      << "\n#SBATCH --open-mode=append\n";
  resource_lines(out, sweep.resources, false);
  out << "#SBATCH --cpus-per-task=1\nset -euo pipefail\n";
  out << "exec " << shell_quote(sweep.gantry.string()) << " merge "
      << shell_quote(sweep.merged_db.string()) << " --artifacts "
      << shell_quote(sweep.merged_artifacts.string());
  for (int index = 1; index <= sweep.array.size; ++index) {
    out << " \\\n  " << shell_quote(sweep.shard_db(index).string());
  }
  out << "\n";
  return out.str();
}

}  // namespace gantry
