// Sample grids for image data: tiles generated rows into one 8-bit picture and writes it as PNG.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/matrix.hpp"

namespace gantry {

// An 8-bit picture, row-major, channels interleaved (1 = grey, 3 = RGB).
struct PixelImage {
  int width = 0;
  int height = 0;
  int channels = 0;
  std::vector<std::uint8_t> pixels;
};

// Tiles the first columns x rows images of `samples` (each row an image of `shape`, values in
// [-1, 1] as the ImageShape contract says) into a grid, left to right then top to bottom,
// separated and framed by `padding` black pixels. Values outside [-1, 1] are clipped. Throws
// std::invalid_argument when the rows do not match `shape` or are fewer than the grid needs,
// or when the shape has a channel count a PNG cannot hold (only 1 and 3).
PixelImage tile_images(const Matrix& samples, const ImageShape& shape, int columns, int rows,
                       int padding);

// Writes `image` as an 8-bit PNG (grey or RGB). Throws StorageError naming the file on failure.
void write_png(const std::string& path, const PixelImage& image);

// `image` as the bytes of an 8-bit PNG file (for a data: URI). Throws StorageError on failure.
std::vector<std::uint8_t> encode_png(const PixelImage& image);

}  // namespace gantry
