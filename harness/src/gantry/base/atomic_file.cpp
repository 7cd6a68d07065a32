#include "gantry/base/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "gantry/base/errors.hpp"
#include "gantry/base/file_descriptor.hpp"

namespace gantry {

namespace fs = std::filesystem;

namespace {

void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

// The file's bytes on disk, not only in the page cache: a machine that loses power after the
// rename finds the new file whole.
bool sync_file(const fs::path& file) {
  FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write,
                           Durability durability) {
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path temporary =
      directory / ("." + path.filename().string() + ".tmp-" + std::to_string(getpid()));
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw StorageError("cannot write '" + path.string() + "': cannot create a file in '" +
                       directory.string() + "': " + std::strerror(errno));
  }
  try {
    write(out);
  } catch (...) {
    out.close();
    remove_quietly(temporary);
    throw;
  }
  out.close();
  if (!out || (durability == Durability::synced && !sync_file(temporary))) {
    remove_quietly(temporary);
    throw StorageError("cannot write '" + path.string() +
                       "': the write failed (is the disk full?)");
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    remove_quietly(temporary);
    throw StorageError("cannot write '" + path.string() + "': " + error.message());
  }
}

}  // namespace gantry
