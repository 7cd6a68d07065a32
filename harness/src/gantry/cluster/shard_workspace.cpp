#include "gantry/cluster/shard_workspace.hpp"

#include <cstdlib>

#include "gantry/base/atomic_file.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/store/sqlite.hpp"

namespace gantry {
namespace fs = std::filesystem;
namespace {

std::string sql_literal(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  return quoted + "'";
}

// Copies every file below `from` to the same place below `to`.
void copy_tree(const fs::path& from, const fs::path& to) {
  if (!fs::exists(from)) return;
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file()) continue;
    copy_file_atomically(entry.path(), to / fs::relative(entry.path(), from));
  }
}

}  // namespace

void copy_file_atomically(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::create_directories(to.parent_path(), error);
  replace_file_atomically(to, [&](const fs::path& temporary) {
    fs::copy_file(from, temporary, fs::copy_options::overwrite_existing, error);
    if (error) {
      throw StorageError("cannot copy '" + from.string() + "' to '" + to.string() +
                         "': " + error.message());
    }
  });
}

fs::path scratch_root(const std::string& requested) {
  if (!requested.empty()) return requested;
  const char* tmpdir = std::getenv("TMPDIR");
  return tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
}

ShardWorkspace::ShardWorkspace(fs::path shared_dir, const fs::path& scratch_root,
                               const ShardSpec& shard, const std::string& plan)
    : shared_(std::move(shared_dir)),
      // The plan in the name keeps two sweeps' shares apart on one node.
      scratch_(scratch_root / ("gantry-" + plan.substr(0, 8) + "-" + shard.name())),
      shard_(shard) {}

bool ShardWorkspace::prepare() {
  std::error_code error;
  fs::create_directories(shared_, error);
  if (error || !fs::is_directory(shared_)) {
    throw StorageError("cannot create the shared shard directory '" + shared_.string() + "'");
  }
  // Whatever an earlier attempt left on this node may be older or newer than what it published;
  // the published copy is the one every attempt agrees on.
  fs::remove_all(scratch_, error);
  fs::create_directories(scratch_, error);
  if (error) {
    throw StorageError("cannot create the scratch directory '" + scratch_.string() +
                       "' (--scratch, $TMPDIR): " + error.message());
  }
  if (!fs::exists(shared_db())) return false;
  copy_file_atomically(shared_db(), scratch_db());
  copy_tree(shared_ / artifacts_name(), scratch_artifacts());
  return true;
}

void ShardWorkspace::publish() const {
  // HDF5 files first: every path the published database records then exists.
  copy_tree(scratch_artifacts(), shared_ / artifacts_name());
  fs::path snapshot = scratch_ / ("." + shard_.name() + ".snapshot.sqlite");
  std::error_code ignored;
  fs::remove(snapshot, ignored);
  {
    sqlite::Connection connection(scratch_db().string(),
                                  sqlite::Connection::Mode::read_write_create, 10000);
    connection.execute("VACUUM INTO " + sql_literal(snapshot.string()));
  }
  {
    // One self-contained file: no -wal or -shm to copy along, readable where WAL is not.
    sqlite::Connection connection(snapshot.string(), sqlite::Connection::Mode::read_write_create,
                                  10000);
    connection.execute("PRAGMA journal_mode = DELETE");
  }
  copy_file_atomically(snapshot, shared_db());
  fs::remove(snapshot, ignored);
}

void ShardWorkspace::remove_scratch() const {
  std::error_code ignored;
  fs::remove_all(scratch_, ignored);
}

}  // namespace gantry
