// The on-disk form of a TrainedClassifier. Native byte order (a cache belongs to one machine):
//   magic "GNTYMCLF", u32 format version, u32 inputs, hidden, classes, u32 epochs, batch,
//   u64 seed, f64 learning rate, u64 data key, f64 test accuracy, f32 weights w1 b1 w2 b2
//   (Eigen's column-major order), per class f64 count, sum[hidden], outer_sum[hidden^2],
//   then u64 FNV-1a of every byte before it.
// Reading checks the magic, version, settings, data key, exact size and checksum, so a
// truncated, corrupt or foreign file is refused (and retrained by the caller), never trusted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "mnist/trained_classifier.hpp"

namespace gantry::plugins {

class CacheFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string encode_classifier(const TrainedClassifier& trained, const ClassifierSettings& settings,
                              std::uint64_t data_key);

// Throws CacheFileError saying why `bytes` is not a classifier for `settings` and `data_key`.
TrainedClassifier decode_classifier(const std::string& bytes, const ClassifierSettings& settings,
                                    std::uint64_t data_key);

// Writes `bytes` to a temporary file beside `file`, then renames it over `file`, so readers
// (other threads or processes) see the old file or the whole new one, never a part. Throws
// CacheFileError naming the file.
void write_file_atomically(const std::filesystem::path& file, const std::string& bytes);

}  // namespace gantry::plugins
