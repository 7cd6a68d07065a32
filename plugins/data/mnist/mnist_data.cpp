#include "mnist/mnist_data.hpp"

#include <iostream>
#include <stdexcept>
#include <string>

#include <boost/random/uniform_int_distribution.hpp>

#include "mnist/dataset_cache.hpp"
#include "mnist/image_rows.hpp"
#include "mnist/mnist_files.hpp"
#include "mnist/mnist_scores.hpp"

namespace gantry::plugins {

MnistData::MnistData(const PluginArgs& args) : settings_(read_mnist_settings(args.options)) {
  MnistFiles files = find_mnist_files(settings_.dir);
  const bool train = settings_.split == MnistSplit::train;
  const auto& images_file = train ? files.train_images : files.test_images;
  images_ = shared_labelled_images(images_file, train ? files.train_labels : files.test_labels);
  const LabelledImages& images = *images_;
  if (images.height != kHeight || images.width != kWidth) {
    throw IdxError(images_file.string() + ": images of " + std::to_string(images.height) + " x " +
                   std::to_string(images.width) + " pixels; the mnist plugin reads 28 x 28");
  }
  std::vector<bool> selected(10, false);
  for (int label : settings_.classes) selected[static_cast<std::size_t>(label)] = true;
  std::vector<int> per_class(10, 0);
  for (int item = 0; item < images.count(); ++item) {
    if (selected[images.labels[static_cast<std::size_t>(item)]]) {
      items_.push_back(item);
      ++per_class[images.labels[static_cast<std::size_t>(item)]];
    }
  }
  for (int label : settings_.classes) {
    if (per_class[static_cast<std::size_t>(label)] == 0) {
      throw OptionError("option 'classes': class " + std::to_string(label) + " has no images in " +
                        images_file.string());
    }
  }

  classifier_ = load_or_train_classifier(files, settings_.classifier, settings_.cache_dir);
  if (!classifier_.note.empty()) std::cerr << "mnist: " << classifier_.note << '\n';
  reference_ = reference_gaussian(*classifier_.trained, settings_.classes);
}

Matrix MnistData::sample(int rows, Random& random) const {
  if (rows < 0) throw std::invalid_argument("cannot sample " + std::to_string(rows) + " rows");
  boost::random::uniform_int_distribution<std::size_t> pick(0, items_.size() - 1);
  std::vector<int> chosen(static_cast<std::size_t>(rows));
  for (int& item : chosen) item = items_[pick(random)];
  return image_rows(*images_, chosen);
}

std::vector<Score> MnistData::score(const Matrix& generated, const Matrix& /*real*/) const {
  return mnist_scores(generated, *classifier_.trained, settings_.classes, reference_);
}

}  // namespace gantry::plugins
