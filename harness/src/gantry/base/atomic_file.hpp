// A file replaced whole or not at all: written beside its target under a temporary name, then
// renamed over it, so a reader (a browser reloading a watched report page) never sees half of it.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace gantry {

enum class Durability {
  renamed,  // a reader sees the old file or the new one, whole
  synced,   // and the new one's bytes are on disk before it replaces the old (fsync)
};

// Calls `write` with a stream to a temporary file in `path`'s directory, then renames that file
// to `path`. Throws StorageError naming `path` when the file cannot be written or renamed (the
// temporary file is removed; `path` is left as it was).
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write,
                           Durability durability = Durability::renamed);

}  // namespace gantry
