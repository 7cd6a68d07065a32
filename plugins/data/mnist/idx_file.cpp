#include "mnist/idx_file.hpp"

#include <array>
#include <cstdio>

#include "mnist/gz_file.hpp"

namespace gantry::plugins {

namespace {

constexpr std::uint8_t kUnsignedByte = 0x08;
// Far above the 47 MB of MNIST's training images; a header declaring more is corrupt.
constexpr std::uint64_t kMaxElements = 1ULL << 31;

std::string hex_byte(unsigned value) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", value & 0xFFu);
  return text;
}

const char* type_name(std::uint8_t type) {
  switch (type) {
    case 0x08:
      return "unsigned byte";
    case 0x09:
      return "signed byte";
    case 0x0B:
      return "int16";
    case 0x0C:
      return "int32";
    case 0x0D:
      return "float32";
    case 0x0E:
      return "float64";
    default:
      return "unknown";
  }
}

[[noreturn]] void fail(const GzFile& file, const std::string& problem) {
  throw IdxError(file.path().string() + ": " + problem);
}

// Reads exactly `size` bytes, which start at byte `offset` of the `expected` the header declares.
void read_exactly(GzFile& file, void* buffer, std::size_t size, std::uint64_t offset,
                  std::uint64_t expected) {
  std::size_t got = file.read(buffer, size);
  if (got == size) return;
  std::string reason = file.end_reason();
  fail(file, "truncated: the data ends at byte " + std::to_string(offset + got) + " of " +
                 std::to_string(expected) + " expected" +
                 (reason.empty() ? "" : " (" + reason + ")"));
}

}  // namespace

IdxArray read_idx(const std::filesystem::path& path, int expected_dimensions) {
  GzFile file(path);
  std::array<std::uint8_t, 4> magic{};
  std::size_t got = file.read(magic.data(), magic.size());
  if (got < magic.size()) {
    std::string reason = file.end_reason();
    fail(file, "too short for an IDX header (" + std::to_string(got) + " bytes" +
                   (reason.empty() ? "" : "; " + reason) + ")");
  }
  if (magic[0] != 0 || magic[1] != 0) {
    fail(file, "not an IDX file: magic bytes " + hex_byte(magic[0]) + " " + hex_byte(magic[1]) +
                   ", expected 0x00 0x00");
  }
  if (magic[2] != kUnsignedByte) {
    fail(file, std::string("element type ") + hex_byte(magic[2]) + " (" + type_name(magic[2]) +
                   ") is not supported; expected 0x08 (unsigned byte)");
  }
  if (magic[3] != expected_dimensions) {
    fail(file, "has " + std::to_string(magic[3]) + " dimensions, expected " +
                   std::to_string(expected_dimensions));
  }

  IdxArray array;
  std::uint64_t header_size = 4 + 4 * static_cast<std::uint64_t>(expected_dimensions);
  std::uint64_t elements = 1;
  for (int d = 0; d < expected_dimensions; ++d) {
    std::array<std::uint8_t, 4> bytes{};
    read_exactly(file, bytes.data(), bytes.size(), 4 + 4 * d, header_size);
    std::uint32_t size = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
                         (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
    array.dimensions.push_back(size);
    elements *= size;
    if (elements > kMaxElements) {
      fail(file, "the header declares more than " + std::to_string(kMaxElements) +
                     " elements: corrupt header");
    }
  }
  std::uint64_t expected = header_size + elements;
  array.elements.resize(static_cast<std::size_t>(elements));
  read_exactly(file, array.elements.data(), array.elements.size(), header_size, expected);

  std::array<std::uint8_t, 4096> rest{};
  std::uint64_t trailing = 0;
  while (std::size_t more = file.read(rest.data(), rest.size())) trailing += more;
  if (trailing != 0) {
    fail(file, std::to_string(trailing) + " trailing bytes after the " + std::to_string(expected) +
                   " bytes its header declares");
  }
  return array;
}

LabelledImages read_labelled_images(const std::filesystem::path& images_file,
                                    const std::filesystem::path& labels_file) {
  IdxArray images = read_idx(images_file, 3);
  IdxArray labels = read_idx(labels_file, 1);
  if (images.dimensions[0] != labels.dimensions[0]) {
    throw IdxError(images_file.string() + " holds " + std::to_string(images.dimensions[0]) +
                   " images but " + labels_file.string() + " holds " +
                   std::to_string(labels.dimensions[0]) + " labels");
  }
  for (std::size_t item = 0; item < labels.elements.size(); ++item) {
    if (labels.elements[item] > 9) {
      throw IdxError(labels_file.string() + ": label " + std::to_string(labels.elements[item]) +
                     " of item " + std::to_string(item) + " is outside 0..9");
    }
  }
  if (images.dimensions[1] == 0 || images.dimensions[2] == 0) {
    throw IdxError(images_file.string() + ": images of " + std::to_string(images.dimensions[1]) +
                   " x " + std::to_string(images.dimensions[2]) + " pixels");
  }
  LabelledImages result;
  result.height = static_cast<int>(images.dimensions[1]);
  result.width = static_cast<int>(images.dimensions[2]);
  result.pixels = std::move(images.elements);
  result.labels = std::move(labels.elements);
  return result;
}

}  // namespace gantry::plugins
