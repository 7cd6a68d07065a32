#include "gantry/artifacts/image_grid.hpp"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "gantry/base/errors.hpp"

namespace gantry {
namespace {

// Owns libpng's simplified-API state: png_image_free releases whatever a failed or finished
// write left behind.
class PngImage {
 public:
  PngImage() {
    std::memset(&image_, 0, sizeof image_);
    image_.version = PNG_IMAGE_VERSION;
  }
  ~PngImage() { png_image_free(&image_); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;

  png_image* get() { return &image_; }

 private:
  png_image image_;
};

std::uint8_t to_byte(float value) {
  float clipped = std::clamp(value, -1.0f, 1.0f);
  return static_cast<std::uint8_t>(std::lround((clipped + 1.0f) * 127.5f));
}

}  // namespace

PixelImage tile_images(const Matrix& samples, const ImageShape& shape, int columns, int rows,
                       int padding) {
  if (shape.channels != 1 && shape.channels != 3) {
    throw std::invalid_argument("images with " + std::to_string(shape.channels) +
                                " channels cannot be drawn (1 or 3)");
  }
  const Eigen::Index pixels_per_image =
      static_cast<Eigen::Index>(shape.height) * shape.width * shape.channels;
  if (samples.cols() != pixels_per_image ||
      samples.rows() < static_cast<Eigen::Index>(columns) * rows) {
    throw std::invalid_argument(
        "a " + std::to_string(columns) + " x " + std::to_string(rows) + " grid needs " +
        std::to_string(columns * rows) + " rows of " + std::to_string(pixels_per_image) +
        " values; got " + std::to_string(samples.rows()) + " x " + std::to_string(samples.cols()));
  }
  PixelImage grid;
  grid.channels = shape.channels;
  grid.width = columns * shape.width + (columns + 1) * padding;
  grid.height = rows * shape.height + (rows + 1) * padding;
  grid.pixels.assign(static_cast<std::size_t>(grid.width) * grid.height * grid.channels, 0);
  for (int tile = 0; tile < columns * rows; ++tile) {
    int left = padding + (tile % columns) * (shape.width + padding);
    int top = padding + (tile / columns) * (shape.height + padding);
    for (int y = 0; y < shape.height; ++y) {
      for (int x = 0; x < shape.width; ++x) {
        for (int c = 0; c < shape.channels; ++c) {
          float value =
              samples(tile, (static_cast<Eigen::Index>(y) * shape.width + x) * shape.channels + c);
          std::size_t at =
              (static_cast<std::size_t>(top + y) * grid.width + left + x) * grid.channels + c;
          grid.pixels[at] = to_byte(value);
        }
      }
    }
  }
  return grid;
}

namespace {

void describe(PngImage& png, const PixelImage& image) {
  png.get()->width = static_cast<png_uint_32>(image.width);
  png.get()->height = static_cast<png_uint_32>(image.height);
  png.get()->format = image.channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
}

}  // namespace

std::vector<std::uint8_t> encode_png(const PixelImage& image) {
  PngImage png;
  describe(png, image);
  // The first call measures; the second writes into a buffer of that size.
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(png.get(), nullptr, &size, 0, image.pixels.data(), 0, nullptr)) {
    std::vector<std::uint8_t> bytes(size);
    if (png_image_write_to_memory(png.get(), bytes.data(), &size, 0, image.pixels.data(), 0,
                                  nullptr)) {
      bytes.resize(size);
      return bytes;
    }
  }
  throw StorageError(std::string("cannot encode a PNG: ") + png.get()->message);
}

void write_png(const std::string& path, const PixelImage& image) {
  PngImage png;
  describe(png, image);
  if (!png_image_write_to_file(png.get(), path.c_str(), 0, image.pixels.data(), 0, nullptr)) {
    throw StorageError("cannot write the PNG '" + path + "': " + png.get()->message);
  }
}

}  // namespace gantry
