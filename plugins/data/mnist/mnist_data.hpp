// The mnist data plugin: real images of MNIST or Fashion-MNIST (same IDX format) as rows of 784
// values in [-1, 1] (28 x 28 x 1, row-major), optionally only some classes, scored by a small
// cached classifier (mnist_scores.hpp lists the scores).
#pragma once

#include <memory>
#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/plugin_args.hpp"
#include "mnist/classifier_cache.hpp"
#include "mnist/frechet_distance.hpp"
#include "mnist/idx_file.hpp"
#include "mnist/mnist_options.hpp"

namespace gantry::plugins {

class MnistData final : public DataSource {
 public:
  static constexpr int kHeight = 28;
  static constexpr int kWidth = 28;

  // Reads the options, the split's images and labels, and loads or trains the classifier (each
  // at most once per process and version of the files: dataset_cache.hpp). Throws OptionError
  // for a bad option and IdxError for missing or broken data files, naming them.
  explicit MnistData(const PluginArgs& args);

  int dimensions() const override { return kHeight * kWidth; }

  // 28 x 28 grey images: the evaluation keeps grids of them (/images/step_<N>, PNG).
  std::optional<ImageShape> image_shape() const override { return ImageShape{kHeight, kWidth, 1}; }

  // Draws `rows` images uniformly with replacement from the split's images of the selected
  // classes, using `random` only.
  Matrix sample(int rows, Random& random) const override;

  // The scores of mnist_scores.hpp; `real` is not needed (the reference is the cached test
  // split's feature Gaussian, the same for every run).
  std::vector<Score> score(const Matrix& generated, const Matrix& real) const override;

  const MnistSettings& settings() const { return settings_; }
  // Images the sampler draws from (the split's images of the selected classes).
  int available_images() const { return static_cast<int>(items_.size()); }
  const ClassifierHandle& classifier() const { return classifier_; }

 private:
  MnistSettings settings_;
  std::shared_ptr<const LabelledImages> images_;  // shared by every plugin on the same files
  std::vector<int> items_;
  ClassifierHandle classifier_;
  Gaussian reference_;
};

}  // namespace gantry::plugins
