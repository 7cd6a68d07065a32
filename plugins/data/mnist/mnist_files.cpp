#include "mnist/mnist_files.hpp"

#include <array>
#include <fstream>
#include <string>
#include <vector>

#include "mnist/idx_file.hpp"

namespace gantry::plugins {

namespace {

constexpr std::array<const char*, 4> kNames = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                               "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

}  // namespace

MnistFiles find_mnist_files(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::path where = std::filesystem::absolute(dir, error);
  if (error) where = dir;
  if (!std::filesystem::is_directory(where, error)) {
    throw IdxError("MNIST data directory " + where.string() +
                   " does not exist; run scripts/get-data.sh, or set data.dir to a directory "
                   "holding the four MNIST files (train-images-idx3-ubyte, "
                   "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, "
                   "each plain or .gz)");
  }
  std::array<std::filesystem::path, 4> found;
  std::string missing;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    std::filesystem::path plain = where / kNames[i];
    std::filesystem::path zipped = where / (std::string(kNames[i]) + ".gz");
    if (std::filesystem::is_regular_file(plain, error)) {
      found[i] = plain;
    } else if (std::filesystem::is_regular_file(zipped, error)) {
      found[i] = zipped;
    } else {
      missing += (missing.empty() ? "" : ", ") + std::string(kNames[i]) + "[.gz]";
    }
  }
  if (!missing.empty()) {
    throw IdxError("MNIST data directory " + where.string() + " lacks " + missing +
                   "; run scripts/get-data.sh, or point data.dir at the official MNIST files");
  }
  return {found[0], found[1], found[2], found[3]};
}

std::uint64_t hash_mnist_files(const MnistFiles& files) {
  std::uint64_t hash = 1469598103934665603ULL;
  std::vector<char> buffer(1 << 16);
  for (const auto* path :
       {&files.train_images, &files.train_labels, &files.test_images, &files.test_labels}) {
    std::ifstream in(*path, std::ios::binary);
    if (!in) throw IdxError(path->string() + ": cannot open");
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      std::streamsize got = in.gcount();
      for (std::streamsize i = 0; i < got; ++i) {
        hash = (hash ^ static_cast<unsigned char>(buffer[static_cast<std::size_t>(i)])) *
               1099511628211ULL;
      }
    }
    // Separates the files, so bytes moved from one file to the next change the hash.
    hash = (hash ^ 0xFF) * 1099511628211ULL;
  }
  return hash;
}

}  // namespace gantry::plugins
