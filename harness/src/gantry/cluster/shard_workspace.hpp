// Where one share of a sweep runs when its results must end up on a shared file system (a Slurm
// array task): SQLite's WAL mode is not safe on network file systems, so the share's database and
// HDF5 files are written in node-local scratch and published to the shared directory when the
// share stops (finished, failed or interrupted by Slurm's SIGTERM).
//
// Layout, the same in scratch and in the shared directory so recorded HDF5 paths (relative to
// the database) hold in both:
//   shard-K-of-N.sqlite
//   shard-K-of-N-artifacts/<sweep>/run-<id>-<identity>.h5
//
// A requeued task may start on another node with empty scratch: prepare() starts from what was
// published, so finished runs are kept and only the rest is run again.
#pragma once

#include <filesystem>
#include <string>

#include "gantry/sweep/sweep_shard.hpp"

namespace gantry {

class ShardWorkspace {
 public:
  // `scratch_root` holds this share's private directory; `shared_dir` receives the results.
  ShardWorkspace(std::filesystem::path shared_dir, const std::filesystem::path& scratch_root,
                 const ShardSpec& shard, const std::string& plan);

  // Makes a fresh scratch directory and copies the published database and HDF5 files into it,
  // if there are any. Returns true when it resumed from a published share.
  bool prepare();

  const ShardSpec& shard() const { return shard_; }
  std::filesystem::path scratch_db() const { return scratch_ / (shard_.name() + ".sqlite"); }
  std::filesystem::path scratch_artifacts() const { return scratch_ / artifacts_name(); }
  std::filesystem::path shared_db() const { return shared_ / (shard_.name() + ".sqlite"); }

  // Copies the HDF5 files, then a consistent snapshot of the database (VACUUM INTO, rollback
  // journal), into the shared directory, each through a temporary name and a rename, so the
  // shared copy is always either the previous complete one or the new complete one.
  void publish() const;

  // Removes the scratch directory (after a successful publish).
  void remove_scratch() const;

 private:
  std::string artifacts_name() const { return shard_.name() + "-artifacts"; }

  std::filesystem::path shared_;
  std::filesystem::path scratch_;
  ShardSpec shard_;
};

// Copies `from` to `to` through a temporary file next to `to` and a rename.
void copy_file_atomically(const std::filesystem::path& from, const std::filesystem::path& to);

// The scratch root: `requested` if given, else $TMPDIR, else /tmp.
std::filesystem::path scratch_root(const std::string& requested);

}  // namespace gantry
