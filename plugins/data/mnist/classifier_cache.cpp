#include "mnist/classifier_cache.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

#include "mnist/classifier_cache_file.hpp"
#include "mnist/dataset_cache.hpp"

namespace gantry::plugins {

namespace {

std::mutex& cache_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, std::shared_ptr<const TrainedClassifier>>& in_process() {
  static std::map<std::string, std::shared_ptr<const TrainedClassifier>> classifiers;
  return classifiers;
}

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// The data's key mixed with every setting that changes the trained classifier.
std::uint64_t cache_key(std::uint64_t data_key, const ClassifierSettings& s) {
  std::string text = hex(data_key) + " hidden=" + std::to_string(s.hidden) +
                     " epochs=" + std::to_string(s.epochs) + " batch=" + std::to_string(s.batch) +
                     " seed=" + std::to_string(s.seed) + " lr=" + hex([&] {
                       std::uint64_t bits;
                       std::memcpy(&bits, &s.learning_rate, sizeof bits);
                       return bits;
                     }());
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

std::string read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

std::filesystem::path default_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return std::filesystem::path(xdg) / "gantry";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return std::filesystem::path(home) / ".cache" / "gantry";
  return std::filesystem::temp_directory_path() / "gantry-cache";
}

ClassifierHandle load_or_train_classifier(const MnistFiles& files,
                                          const ClassifierSettings& settings,
                                          const std::filesystem::path& cache_dir) {
  std::uint64_t data_key = shared_files_key(files);
  std::filesystem::path dir = cache_dir.empty() ? default_cache_dir() : cache_dir;
  ClassifierHandle handle{nullptr,
                          ClassifierOrigin::trained,
                          dir / ("mnist-classifier-" + hex(cache_key(data_key, settings)) + ".bin"),
                          {}};

  std::lock_guard<std::mutex> lock(cache_mutex());
  auto& memory = in_process();
  if (auto found = memory.find(handle.cache_file.string()); found != memory.end()) {
    handle.trained = found->second;
    handle.origin = ClassifierOrigin::in_process;
    return handle;
  }

  std::error_code error;
  if (std::filesystem::exists(handle.cache_file, error)) {
    try {
      if (!std::filesystem::is_regular_file(handle.cache_file, error)) {
        throw CacheFileError("not a regular file");
      }
      handle.trained = std::make_shared<const TrainedClassifier>(
          decode_classifier(read_whole(handle.cache_file), settings, data_key));
      handle.origin = ClassifierOrigin::cache_file;
    } catch (const std::exception& problem) {
      // A cache that cannot be used costs a retraining, never the run.
      handle.note = "ignored " + handle.cache_file.string() + " (" + problem.what() + ")";
    }
  }
  if (!handle.trained) {
    auto train = shared_labelled_images(files.train_images, files.train_labels);
    auto test = shared_labelled_images(files.test_images, files.test_labels);
    auto trained =
        std::make_shared<const TrainedClassifier>(train_classifier(*train, *test, settings));
    handle.trained = trained;
    try {
      std::filesystem::create_directories(dir);
      write_file_atomically(handle.cache_file, encode_classifier(*trained, settings, data_key));
    } catch (const std::exception& problem) {
      // Not fatal: the classifier is trained and held in memory; only the next process pays.
      handle.note +=
          (handle.note.empty() ? "" : "; ") + std::string("cache not written: ") + problem.what();
    }
  }
  memory[handle.cache_file.string()] = handle.trained;
  return handle;
}

void forget_classifiers_in_process() {
  std::lock_guard<std::mutex> lock(cache_mutex());
  in_process().clear();
}

}  // namespace gantry::plugins
