// Turns IDX pixels into the rows the harness and the classifier see: one flattened image per
// row, row-major, each byte p scaled to p / 127.5 - 1 in [-1, 1] (the DCGAN notebook's scaling,
// matching a tanh generator output).
#pragma once

#include <cstdint>
#include <vector>

#include "gantry/matrix.hpp"
#include "mnist/idx_file.hpp"

namespace gantry::plugins {

inline float scale_pixel(std::uint8_t pixel) {
  return static_cast<float>(pixel) / 127.5f - 1.0f;
}

// The images `items` (indices into `images`) as rows scaled to [-1, 1].
Matrix image_rows(const LabelledImages& images, const std::vector<int>& items);

// Every image of `images`, in file order.
Matrix all_image_rows(const LabelledImages& images);

}  // namespace gantry::plugins
