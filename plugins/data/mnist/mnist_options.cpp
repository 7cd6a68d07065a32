#include "mnist/mnist_options.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace gantry::plugins {

namespace {

std::string quoted(const Options& options, const OptionSpec& spec) {
  return "option '" + std::string(spec.name) + "' = '" + options.text(spec.name) + "'";
}

long long integer_in(const Options& options, const OptionSpec& spec) {
  long long value = options.integer(spec.name);
  if (value < spec.min_value || value > spec.max_value) {
    throw OptionError(quoted(options, spec) + " must be in " + spell_number(spec.min_value) + ".." +
                      spell_number(spec.max_value));
  }
  return value;
}

std::string trimmed(const std::string& text) {
  auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

std::vector<int> parse_classes(const std::string& text) {
  const std::string prefix = "option 'classes' = '" + text + "'";
  if (trimmed(text) == "all") return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<int> classes;
  std::stringstream list(text);
  std::string item;
  while (std::getline(list, item, ',')) {
    std::string label = trimmed(item);
    if (label.size() != 1 || label[0] < '0' || label[0] > '9') {
      throw OptionError(prefix + ": '" + label +
                        "' is not a class label 0-9 (write all, or labels like 0,3,7)");
    }
    int value = label[0] - '0';
    if (std::find(classes.begin(), classes.end(), value) != classes.end()) {
      throw OptionError(prefix + ": class " + label + " is listed twice");
    }
    classes.push_back(value);
  }
  if (classes.empty() || text.back() == ',') {
    throw OptionError(prefix + ": no classes (write all, or labels like 0,3,7)");
  }
  std::sort(classes.begin(), classes.end());
  return classes;
}

MnistSettings read_mnist_settings(const Options& options) {
  namespace opt = mnist_options;
  MnistSettings settings;
  settings.dir = options.text(opt::dir.name);
  if (settings.dir.empty()) {
    throw OptionError(
        "option 'dir' is empty: set it to a directory of MNIST IDX files "
        "(scripts/get-data.sh makes data/mnist)");
  }
  settings.split = options.choice(opt::split.name, {"train", "test"}) == "train" ? MnistSplit::train
                                                                                 : MnistSplit::test;
  settings.classes = parse_classes(options.text(opt::classes.name));
  settings.classifier.hidden = static_cast<int>(integer_in(options, opt::classifier_hidden));
  settings.classifier.epochs = static_cast<int>(integer_in(options, opt::classifier_epochs));
  settings.classifier.batch = static_cast<int>(integer_in(options, opt::classifier_batch));
  settings.classifier.seed = static_cast<std::uint64_t>(integer_in(options, opt::classifier_seed));
  double rate = options.real(opt::classifier_lr.name);
  if (!(rate > 0.0 && rate <= 1.0)) {
    throw OptionError(quoted(options, opt::classifier_lr) + " must be above 0 and at most 1");
  }
  settings.classifier.learning_rate = rate;
  settings.cache_dir = options.text(opt::cache_dir.name);
  return settings;
}

}  // namespace gantry::plugins
