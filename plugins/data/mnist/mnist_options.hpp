// The mnist plugin's option declarations (one constant each, so plugin.cpp's table and the tests
// share names, defaults and bounds) and their reading into checked settings.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gantry/option_spec.hpp"
#include "gantry/options.hpp"
#include "mnist/digit_classifier.hpp"

namespace gantry::plugins::mnist_options {

inline constexpr OptionSpec dir =
    option::text("dir", "data/mnist",
                 "Directory of the four IDX files (train/t10k images/labels, plain or .gz), e.g. "
                 "/usr/share/datasets/fashion-mnist; scripts/get-data.sh makes data/mnist");
inline constexpr OptionSpec split = option::choice(
    "split", "train", "train|test", "Which set real rows are sampled from (train: 60,000 images)");
inline constexpr OptionSpec classes = option::text(
    "classes", "all", "Classes to sample: all, or distinct labels 0-9 separated by commas (0,3,7)");
inline constexpr OptionSpec classifier_hidden =
    option::integer("classifier_hidden", "128",
                    "Hidden ReLU units of the scoring classifier (its feature space)", 8, 2048);
inline constexpr OptionSpec classifier_epochs = option::integer(
    "classifier_epochs", "2", "Passes over the training split to train the classifier", 1, 100);
inline constexpr OptionSpec classifier_lr =
    option::real_above("classifier_lr", "0.001", "Adam learning rate of the classifier", 0.0, 1.0);
inline constexpr OptionSpec classifier_batch =
    option::integer("classifier_batch", "64", "Minibatch size of the classifier", 1, 100000);
inline constexpr OptionSpec classifier_seed = option::integer(
    "classifier_seed", "1", "Seed of the classifier's initialisation and shuffling", 0, 1e15);
inline constexpr OptionSpec cache_dir = option::text(
    "cache_dir", "",
    "Where the trained classifier is cached; empty: $XDG_CACHE_HOME/gantry else ~/.cache/gantry");

}  // namespace gantry::plugins::mnist_options

namespace gantry::plugins {

enum class MnistSplit { train, test };

struct MnistSettings {
  std::filesystem::path dir;
  MnistSplit split = MnistSplit::train;
  std::vector<int> classes;  // sorted, distinct, in 0..9; all ten for "all"
  ClassifierSettings classifier;
  std::filesystem::path cache_dir;  // empty: the default cache directory
};

// Parses "all" or "0,3,7" (spaces allowed around labels). Throws OptionError naming the option
// for anything else: an empty list, a label outside 0..9, a repeated label.
std::vector<int> parse_classes(const std::string& text);

// Reads and checks every option (bounds too, since tests and tools build the plugin directly).
MnistSettings read_mnist_settings(const Options& options);

}  // namespace gantry::plugins
