// `gantry merge`: folds results databases (the shards of a sharded or Slurm sweep, or any other
// Gantry database) into one. Runs are matched by (sweep name, identity), so merging twice or
// merging overlapping shards duplicates nothing, and of two copies of one run the better one
// wins whatever the order: finished over failed over interrupted ("running"), then the later
// ended. Each input is merged in one transaction, so the output never holds half an input; its
// HDF5 files are copied under the output's artifacts directory and the paths rewritten.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gantry {

// What became of one input.
struct MergedInput {
  std::string path;
  bool merged = false;
  std::string problem;  // why it was not merged (missing, corrupt, newer schema, other sweep)
  int added = 0;        // runs new to the output
  int replaced = 0;     // runs whose copy in the output this one beat
  int kept = 0;         // runs the output already held as good or better
  std::vector<std::string> notes;  // e.g. a run whose HDF5 file was missing
};

struct MergeResult {
  std::vector<MergedInput> inputs;
  // For the sharded sweep the inputs belong to: the shares the output still lacks, e.g.
  // "sweep 'tanh': shards 2, 5 of 8 not merged yet".
  std::vector<std::string> incomplete;

  bool all_merged() const;
};

struct MergeSettings {
  std::filesystem::path output;     // created if missing
  std::filesystem::path artifacts;  // where the inputs' HDF5 files are copied
  std::vector<std::filesystem::path> inputs;
};

// Merges every usable input, in order, and reports the others by name. Throws only when the
// output itself cannot be used (not a Gantry database, newer schema, not writable: then before
// anything is merged) or fails its integrity check at the end.
MergeResult merge_results(const MergeSettings& settings);

}  // namespace gantry
