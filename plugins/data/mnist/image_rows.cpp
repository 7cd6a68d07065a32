#include "mnist/image_rows.hpp"

#include <numeric>

namespace gantry::plugins {

Matrix image_rows(const LabelledImages& images, const std::vector<int>& items) {
  const int columns = images.height * images.width;
  Matrix rows(static_cast<Eigen::Index>(items.size()), columns);
  for (std::size_t row = 0; row < items.size(); ++row) {
    const std::uint8_t* pixels =
        images.pixels.data() + static_cast<std::size_t>(items[row]) * columns;
    for (int column = 0; column < columns; ++column) {
      rows(static_cast<Eigen::Index>(row), column) = scale_pixel(pixels[column]);
    }
  }
  return rows;
}

Matrix all_image_rows(const LabelledImages& images) {
  std::vector<int> items(static_cast<std::size_t>(images.count()));
  std::iota(items.begin(), items.end(), 0);
  return image_rows(images, items);
}

}  // namespace gantry::plugins
