#include "mnist/dataset_cache.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace gantry::plugins {

namespace {

using Paths = std::vector<std::string>;

Paths absolute_paths(std::initializer_list<const std::filesystem::path*> files) {
  Paths paths;
  for (const std::filesystem::path* file : files) {
    std::error_code error;
    std::filesystem::path where = std::filesystem::absolute(*file, error);
    paths.push_back(error ? file->string() : where.string());
  }
  return paths;
}

std::vector<FileStamp> stamps_of(const Paths& paths) {
  std::vector<FileStamp> stamps;
  for (const std::string& path : paths) stamps.push_back(stamp_of(path));
  return stamps;
}

// Whether no file was modified within kUnsettledSeconds of now (see the header).
bool settled(const std::vector<FileStamp>& stamps) {
  const std::int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
  const std::int64_t latest = now_ns - std::int64_t{kUnsettledSeconds} * 1000000000LL;
  for (const FileStamp& stamp : stamps) {
    if (stamp.modified_ns > latest) return false;
  }
  return true;
}

// Values keyed by a list of paths, valid while every file keeps the stamp it had when the value
// was made. The lock is held while a value is made, so concurrent first uses make it once.
template <class Value>
class StampedCache {
 public:
  template <class Make>
  std::shared_ptr<const Value> get(const Paths& paths, Make make) {
    std::lock_guard<std::mutex> lock(mutex_);
    // Stamped before reading: a file changed while it is read is read again next time.
    std::vector<FileStamp> stamps = stamps_of(paths);
    auto found = entries_.find(paths);
    if (found != entries_.end() && found->second.stamps == stamps) return found->second.value;
    auto value = std::make_shared<const Value>(make());
    ++loads_;
    if (settled(stamps)) {
      entries_[paths] = Entry{std::move(stamps), value};
    } else if (found != entries_.end()) {
      entries_.erase(found);
    }
    return value;
  }

  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
  }

  long long loads() {
    std::lock_guard<std::mutex> lock(mutex_);
    return loads_;
  }

 private:
  struct Entry {
    std::vector<FileStamp> stamps;
    std::shared_ptr<const Value> value;
  };
  std::mutex mutex_;
  std::map<Paths, Entry> entries_;
  long long loads_ = 0;
};

StampedCache<LabelledImages>& images_cache() {
  static StampedCache<LabelledImages> cache;
  return cache;
}

StampedCache<std::uint64_t>& keys_cache() {
  static StampedCache<std::uint64_t> cache;
  return cache;
}

}  // namespace

bool FileStamp::operator==(const FileStamp& other) const {
  return device == other.device && inode == other.inode && size == other.size &&
         modified_ns == other.modified_ns;
}

FileStamp stamp_of(const std::filesystem::path& file) {
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0) {
    throw IdxError(file.string() + ": cannot open: " + std::strerror(errno));
  }
  return FileStamp{
      static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino),
      static_cast<std::uint64_t>(status.st_size),
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000LL + status.st_mtim.tv_nsec};
}

std::shared_ptr<const LabelledImages> shared_labelled_images(
    const std::filesystem::path& images_file, const std::filesystem::path& labels_file) {
  return images_cache().get(absolute_paths({&images_file, &labels_file}),
                            [&] { return read_labelled_images(images_file, labels_file); });
}

std::uint64_t shared_files_key(const MnistFiles& files) {
  Paths paths = absolute_paths(
      {&files.train_images, &files.train_labels, &files.test_images, &files.test_labels});
  return *keys_cache().get(paths, [&] { return hash_mnist_files(files); });
}

void forget_datasets_in_process() {
  images_cache().clear();
  keys_cache().clear();
}

DatasetCacheLoads dataset_cache_loads() {
  return DatasetCacheLoads{images_cache().loads(), keys_cache().loads()};
}

}  // namespace gantry::plugins
