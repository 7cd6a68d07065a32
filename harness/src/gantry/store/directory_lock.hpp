// An exclusive flock(2) on a directory, held while a results database in it is created or
// migrated: two gantry processes starting on a database that does not exist yet take turns
// instead of one reading the other's half-made file. A lock on the directory leaves SQLite's own
// POSIX locks on the database alone (closing another descriptor of the database file would drop
// them). Where the file system cannot lock a directory, nothing is held (best effort).
#pragma once

#include <filesystem>

namespace gantry {

class DirectoryLock {
 public:
  explicit DirectoryLock(const std::filesystem::path& directory);
  ~DirectoryLock();  // unlocks by closing the descriptor
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace gantry
