#include "mnist/trained_classifier.hpp"

#include <numeric>

#include "mnist/image_rows.hpp"

namespace gantry::plugins {

TrainedClassifier train_classifier(const LabelledImages& train, const LabelledImages& test,
                                   const ClassifierSettings& settings) {
  DigitClassifier classifier = DigitClassifier::train(train, settings);
  double accuracy = classifier.accuracy(test);
  std::vector<FeatureMoments> moments(DigitClassifier::kClasses,
                                      FeatureMoments(classifier.hidden()));
  constexpr int kChunk = 2048;
  for (int start = 0; start < test.count(); start += kChunk) {
    std::vector<int> items(static_cast<std::size_t>(std::min(kChunk, test.count() - start)));
    std::iota(items.begin(), items.end(), start);
    Eigen::MatrixXd features = classifier.features(image_rows(test, items)).cast<double>();
    for (Eigen::Index r = 0; r < features.rows(); ++r) {
      moments[test.labels[items[r]]].add(features.row(r).transpose());
    }
  }
  return TrainedClassifier{std::move(classifier), accuracy, std::move(moments)};
}

}  // namespace gantry::plugins
