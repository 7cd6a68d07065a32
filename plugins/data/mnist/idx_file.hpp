// Reads IDX files (the format of MNIST and Fashion-MNIST), gzipped or plain: a 4-byte magic
// (two zero bytes, the element type, the number of dimensions), one big-endian uint32 per
// dimension, then the elements in row-major order. Only unsigned bytes (type 0x08) are read,
// the one type either data set uses. Every problem throws IdxError with the file's name and what
// is wrong, because a half-downloaded or mismatched file otherwise shows up as a mysteriously
// bad GAN much later.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace gantry::plugins {

class IdxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One IDX array of unsigned bytes.
struct IdxArray {
  std::vector<std::uint32_t> dimensions;
  std::vector<std::uint8_t> elements;  // row-major, product of the dimensions
};

// Reads `file` (a .gz file is decompressed; zlib reads a plain file as it is) and checks that it
// is an IDX file of unsigned bytes with `expected_dimensions` dimensions, holding exactly the
// bytes its header declares: no fewer (truncated), no more (trailing bytes).
IdxArray read_idx(const std::filesystem::path& file, int expected_dimensions);

// Images and their labels, read from an idx3 images file and an idx1 labels file.
struct LabelledImages {
  int height = 0;
  int width = 0;
  std::vector<std::uint8_t> pixels;  // count() images of height x width bytes, row-major
  std::vector<std::uint8_t> labels;  // one class 0..9 per image

  int count() const { return static_cast<int>(labels.size()); }
};

// Reads both files and checks they belong together: one label per image, each label in 0..9.
LabelledImages read_labelled_images(const std::filesystem::path& images_file,
                                    const std::filesystem::path& labels_file);

}  // namespace gantry::plugins
