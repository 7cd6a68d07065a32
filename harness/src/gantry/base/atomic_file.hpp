// A file replaced whole or not at all: written beside its target under a temporary name, then
// renamed over it, so a reader (a browser reloading a watched report page, a merge reading a
// published share) never sees half of it.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace gantry {

enum class Durability {
  renamed,  // a reader sees the old file or the new one, whole
  synced,   // and the new one's bytes are on disk before it replaces the old (fsync)
};

// Calls `fill` with a temporary path in `target`'s directory (".<name>.tmp-<pid>") for it to
// write the new file by whatever means (a stream, HDF5, a copy), then renames that file to
// `target`. When `fill` throws, or the file cannot be synced or renamed, the temporary file is
// removed and `target` is left as it was; the failure is a StorageError naming `target`, or what
// `fill` threw.
void replace_file_atomically(const std::filesystem::path& target,
                             const std::function<void(const std::filesystem::path&)>& fill,
                             Durability durability = Durability::renamed);

// replace_file_atomically with `write` given a stream to the temporary file.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write,
                           Durability durability = Durability::renamed);

}  // namespace gantry
