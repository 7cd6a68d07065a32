// Everything the mnist scores need from the classifier, computed once per data set and
// settings: the network, its accuracy on the test split, and per class the moments of the
// test split's hidden-layer features (the Fréchet distance's reference, for any class filter).
#pragma once

#include <memory>
#include <vector>

#include "mnist/digit_classifier.hpp"
#include "mnist/frechet_distance.hpp"
#include "mnist/idx_file.hpp"

namespace gantry::plugins {

struct TrainedClassifier {
  DigitClassifier classifier;
  double test_accuracy = 0;
  std::vector<FeatureMoments> test_features;  // index = class 0..9
};

// Trains on `train`, then measures `test`: accuracy and per-class feature moments.
TrainedClassifier train_classifier(const LabelledImages& train, const LabelledImages& test,
                                   const ClassifierSettings& settings);

}  // namespace gantry::plugins
