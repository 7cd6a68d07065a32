// Where the mnist plugin finds its data: the four files of the standard MNIST layout (which
// Fashion-MNIST shares) in one directory, each either plain or gzipped.
#pragma once

#include <cstdint>
#include <filesystem>

namespace gantry::plugins {

struct MnistFiles {
  std::filesystem::path train_images;
  std::filesystem::path train_labels;
  std::filesystem::path test_images;
  std::filesystem::path test_labels;
};

// Finds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and
// t10k-labels-idx1-ubyte in `dir`, each as <name> or <name>.gz (the plain file when both exist).
// Throws IdxError naming the directory, the files that are missing and scripts/get-data.sh.
MnistFiles find_mnist_files(const std::filesystem::path& dir);

// FNV-1a 64 over the four files' bytes as stored: a change to any of them changes the key of
// the cached classifier.
std::uint64_t hash_mnist_files(const MnistFiles& files);

}  // namespace gantry::plugins
