// The mnist plugin's data files read once per process. A sweep constructs the plugin once when
// it checks the plan and again for every run, all in one process (runs on parallel threads);
// each would otherwise decompress the 47 MB of training images and hash all four files again.
// Entries are keyed by the files' absolute paths and checked against each file's stamp (device,
// inode, size, modification time) on every use, so a file replaced or rewritten between two
// uses is read again. Modification times come from a coarse clock, so a file rewritten in place
// at the same size within one tick keeps its stamp: a file modified less than
// kUnsettledSeconds before it was stamped is read again at every use. Values are immutable and
// shared: a stale entry is dropped from the cache but lives on in the plugins that still hold it.
// One entry per set of paths is kept for the life of the process (the plugin's images of one
// directory: about 55 MB).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "mnist/idx_file.hpp"
#include "mnist/mnist_files.hpp"

namespace gantry::plugins {

inline constexpr int kUnsettledSeconds = 2;

// What identifies one version of a file for the cache. Throws IdxError naming the file if it
// cannot be inspected.
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;  // since the epoch

  bool operator==(const FileStamp& other) const;
  bool operator!=(const FileStamp& other) const { return !(*this == other); }
};
FileStamp stamp_of(const std::filesystem::path& file);

// read_labelled_images(images_file, labels_file), read at most once per version of the files.
std::shared_ptr<const LabelledImages> shared_labelled_images(
    const std::filesystem::path& images_file, const std::filesystem::path& labels_file);

// hash_mnist_files(files), computed at most once per version of the four files.
std::uint64_t shared_files_key(const MnistFiles& files);

// Forgets every entry (for tests that count reads).
void forget_datasets_in_process();

// How many times this process has read labelled images or hashed files through the cache (for
// tests: a second use of unchanged files reads nothing).
struct DatasetCacheLoads {
  long long images = 0;
  long long keys = 0;
};
DatasetCacheLoads dataset_cache_loads();

}  // namespace gantry::plugins
