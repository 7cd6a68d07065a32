// A data plugin for tests of the image evaluation: height x width x channels images, each black
// (-1) but for one white (+1) column at a random place. `claimed_height` makes image_shape()
// disagree with dimensions(), which the harness must refuse.
#include <boost/random/uniform_int_distribution.hpp>

#include "gantry/plugin_export.hpp"

namespace {

class TinyImages final : public gantry::DataSource {
 public:
  explicit TinyImages(const gantry::PluginArgs& args)
      : height_(static_cast<int>(args.options.integer("height"))),
        width_(static_cast<int>(args.options.integer("width"))),
        channels_(static_cast<int>(args.options.integer("channels"))),
        claimed_height_(static_cast<int>(args.options.integer("claimed_height"))) {}

  int dimensions() const override { return height_ * width_ * channels_; }
  std::optional<gantry::ImageShape> image_shape() const override {
    return gantry::ImageShape{claimed_height_ > 0 ? claimed_height_ : height_, width_, channels_};
  }
  gantry::Matrix sample(int rows, gantry::Random& random) const override {
    gantry::Matrix images = gantry::Matrix::Constant(rows, dimensions(), -1.0f);
    boost::random::uniform_int_distribution<int> column(0, width_ - 1);
    for (int i = 0; i < rows; ++i) {
      int white = column(random);
      for (int y = 0; y < height_; ++y) {
        for (int c = 0; c < channels_; ++c) images(i, (y * width_ + white) * channels_ + c) = 1.0f;
      }
    }
    return images;
  }
  std::vector<gantry::Score> score(const gantry::Matrix& generated,
                                   const gantry::Matrix&) const override {
    return {{"mean_pixel", static_cast<double>(generated.mean())}};
  }

 private:
  int height_, width_, channels_, claimed_height_;
};

constexpr gantry::OptionSpec kOptions[] = {
    gantry::option::integer("height", "6", "image height", 1, 64),
    gantry::option::integer("width", "4", "image width", 1, 64),
    gantry::option::integer("channels", "1", "channels", 1, 4),
    gantry::option::integer("claimed_height", "0", "height image_shape() reports (0: the real one)",
                            0, 64),
};

}  // namespace

GANTRY_PLUGIN(data, TinyImages, "tiny-images", "0.0.1", "test images: one white column", kOptions)
