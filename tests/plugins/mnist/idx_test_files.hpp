// Helpers of the mnist tests: a temporary directory, IDX files written byte by byte (plain or
// gzipped, correct or deliberately broken), and a synthetic 28 x 28 data set whose classes a
// small classifier separates at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <zlib.h>

#include "mnist/idx_file.hpp"

namespace mnist_test {

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

// A fresh directory under the system's temporary directory, removed with its contents.
class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    std::random_device entropy;
    path_ = fs::temp_directory_path() /
            ("gantry-" + tag + "-" + std::to_string(entropy()) + std::to_string(entropy()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The bytes of an IDX file: magic 00 00 type count, big-endian dimensions, then `elements`.
inline Bytes idx_bytes(const std::vector<std::uint32_t>& dimensions, const Bytes& elements,
                       std::uint8_t type = 0x08) {
  Bytes bytes = {0, 0, type, static_cast<std::uint8_t>(dimensions.size())};
  for (std::uint32_t d : dimensions) {
    for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back((d >> shift) & 0xFF);
  }
  bytes.insert(bytes.end(), elements.begin(), elements.end());
  return bytes;
}

// Writes `bytes` to `file`, gzipped when its name ends in .gz.
inline void write_file(const fs::path& file, const Bytes& bytes) {
  if (file.extension() == ".gz") {
    gzFile out = gzopen(file.c_str(), "wb");
    if (out == nullptr) throw std::runtime_error("cannot write " + file.string());
    int written =
        bytes.empty() ? 0 : gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(out);
    if (written != static_cast<int>(bytes.size())) throw std::runtime_error("gzwrite failed");
  } else {
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
}

inline Bytes read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `count` images of 28 x 28 with labels cycling 0..9: image i of class c has rows 2c..2c+4
// bright (255) plus a little deterministic speckle, and pixel (27, 27) = 10 c + 1, so a sampled
// row's class is readable from its last value.
inline gantry::plugins::LabelledImages synthetic_images(int count, std::uint32_t seed) {
  gantry::plugins::LabelledImages images;
  images.height = 28;
  images.width = 28;
  std::mt19937 random(seed);
  for (int i = 0; i < count; ++i) {
    int label = i % 10;
    images.labels.push_back(static_cast<std::uint8_t>(label));
    for (int r = 0; r < 28; ++r) {
      for (int c = 0; c < 28; ++c) {
        std::uint8_t value = (r >= 2 * label && r < 2 * label + 5) ? 255 : 0;
        if (random() % 16 == 0) value = static_cast<std::uint8_t>(random() % 256);
        images.pixels.push_back(value);
      }
    }
    images.pixels.back() = static_cast<std::uint8_t>(10 * label + 1);
  }
  return images;
}

// Writes `images` as <dir>/<prefix>-images-idx3-ubyte and -labels-idx1-ubyte (+ `suffix`).
inline void write_images(const fs::path& dir, const std::string& prefix,
                         const gantry::plugins::LabelledImages& images,
                         const std::string& suffix = ".gz") {
  auto count = static_cast<std::uint32_t>(images.count());
  write_file(dir / (prefix + "-images-idx3-ubyte" + suffix),
             idx_bytes({count, static_cast<std::uint32_t>(images.height),
                        static_cast<std::uint32_t>(images.width)},
                       images.pixels));
  write_file(dir / (prefix + "-labels-idx1-ubyte" + suffix), idx_bytes({count}, images.labels));
}

// A complete synthetic data set (train and t10k) in `dir`.
inline void write_synthetic_dataset(const fs::path& dir, int train = 600, int test = 200) {
  write_images(dir, "train", synthetic_images(train, 1));
  write_images(dir, "t10k", synthetic_images(test, 2), "");
}

}  // namespace mnist_test
