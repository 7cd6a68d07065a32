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

void replace_file_atomically(const fs::path& target,
                             const std::function<void(const fs::path&)>& fill,
                             Durability durability) {
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const fs::path temporary =
      directory / ("." + target.filename().string() + ".tmp-" + std::to_string(getpid()));
  try {
    fill(temporary);
  } catch (...) {
    remove_quietly(temporary);
    throw;
  }
  if (durability == Durability::synced && !sync_file(temporary)) {
    remove_quietly(temporary);
    throw StorageError("cannot write '" + target.string() +
                       "': the write failed (is the disk full?)");
  }
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) {
    remove_quietly(temporary);
    throw StorageError("cannot write '" + target.string() + "': " + error.message());
  }
}

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write,
                           Durability durability) {
  replace_file_atomically(
      path,
      [&](const fs::path& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
          throw StorageError("cannot write '" + path.string() + "': cannot create a file in '" +
                             temporary.parent_path().string() + "': " + std::strerror(errno));
        }
        write(out);
        out.close();
        if (!out) {
          throw StorageError("cannot write '" + path.string() +
                             "': the write failed (is the disk full?)");
        }
      },
      durability);
}

}  // namespace gantry
