// A run's checkpoint: what it needs to continue from a step instead of from step 0 (the
// session's, the model's and the trainer's saved state), beside its HDF5 file as
// run-<id>-<identity prefix>.ckpt. Written whole or not at all (a temporary file, synced, then
// renamed; the one it replaces is kept as .ckpt.prev) and checked on reading (magic, version,
// length, CRC-32 of the contents): a damaged checkpoint is reported, never used.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gantry {

struct Checkpoint {
  long long step = 0;    // the last completed step
  std::string identity;  // the run's identity: another run's checkpoint is refused
  std::map<std::string, std::string> sections;  // "session", "model", "trainer": saved state
};

// The checkpoint beside a run's HDF5 file, and the previous one.
std::string checkpoint_path(const std::string& hdf5_path);
std::string previous_checkpoint_path(const std::string& hdf5_path);

// Throws StorageError naming the file when it cannot be written (the last good one stays).
void write_checkpoint(const std::string& hdf5_path, const Checkpoint& checkpoint);

// The newest whole checkpoint of the run `identity` (the last, else the previous); nothing when
// there is none. Each one found damaged, or of another run, adds a line to `problems`.
std::optional<Checkpoint> read_checkpoint(const std::string& hdf5_path, const std::string& identity,
                                          std::vector<std::string>& problems);

// Removes both (a finished run keeps its weights in its HDF5 file instead).
void remove_checkpoints(const std::string& hdf5_path);

}  // namespace gantry
