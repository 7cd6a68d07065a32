// A data plugin for the torch-dcgan tests only: deterministic synthetic images (a bright square
// at a random place on a dark background, values in [-1, 1]), so the DCGAN runs end to end
// through `gantry run` without depending on a real image data set.
#include <algorithm>
#include <cmath>

#include <boost/random/uniform_int_distribution.hpp>

#include "gantry/plugin_export.hpp"

namespace {

class TestImages final : public gantry::DataSource {
 public:
  explicit TestImages(const gantry::PluginArgs& args)
      : side_(static_cast<int>(args.options.integer("side"))) {}

  int dimensions() const override { return side_ * side_; }
  std::optional<gantry::ImageShape> image_shape() const override {
    return gantry::ImageShape{side_, side_, 1};
  }

  gantry::Matrix sample(int rows, gantry::Random& random) const override {
    gantry::Matrix images = gantry::Matrix::Constant(rows, dimensions(), -1.0f);
    const int square = std::max(1, side_ / 4);
    boost::random::uniform_int_distribution<int> corner(0, side_ - square);
    for (int row = 0; row < rows; ++row) {
      const int top = corner(random), left = corner(random);
      for (int y = top; y < top + square; ++y) {
        for (int x = left; x < left + square; ++x) images(row, y * side_ + x) = 1.0f;
      }
    }
    return images;
  }

  // The difference of mean brightness, lower is better.
  std::vector<gantry::Score> score(const gantry::Matrix& generated,
                                   const gantry::Matrix& real) const override {
    return {{"brightness_gap", std::abs(static_cast<double>(generated.mean() - real.mean()))}};
  }

 private:
  int side_;
};

constexpr gantry::OptionSpec kOptions[] = {
    gantry::option::integer("side", "28", "Height and width of the square images", 4, 256)};

}  // namespace

GANTRY_PLUGIN(data, TestImages, "test-images", "0.0.1", "synthetic square images for tests",
              kOptions)
