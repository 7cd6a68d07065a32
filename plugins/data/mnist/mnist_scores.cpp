#include "mnist/mnist_scores.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "common/curve_scores.hpp"

namespace gantry::plugins {

ClassHistogramScores class_histogram_scores(const std::vector<int>& predicted,
                                            const std::vector<int>& classes) {
  if (predicted.empty()) throw std::invalid_argument("no predictions to score");
  std::vector<double> counts(classes.size(), 0.0);
  double inside = 0;
  for (int label : predicted) {
    auto found = std::lower_bound(classes.begin(), classes.end(), label);
    if (found != classes.end() && *found == label) {
      counts[static_cast<std::size_t>(found - classes.begin())] += 1;
      inside += 1;
    }
  }
  double covered = static_cast<double>(
      std::count_if(counts.begin(), counts.end(), [](double count) { return count > 0; }));
  double evenness = 0.0;
  if (inside > 0 && classes.size() == 1) {
    evenness = 1.0;
  } else if (inside > 0) {
    double entropy = 0.0;
    for (double count : counts) {
      if (count > 0) entropy -= (count / inside) * std::log(count / inside);
    }
    evenness = entropy / std::log(static_cast<double>(classes.size()));
  }
  double other = 1.0 - inside / static_cast<double>(predicted.size());
  return {covered, evenness, other};
}

Gaussian reference_gaussian(const TrainedClassifier& trained, const std::vector<int>& classes) {
  FeatureMoments moments(trained.classifier.hidden());
  for (int label : classes) moments += trained.test_features.at(static_cast<std::size_t>(label));
  return moments.gaussian();
}

std::vector<Score> mnist_scores(const Matrix& generated, const TrainedClassifier& trained,
                                const std::vector<int>& classes, const Gaussian& reference) {
  require_shape(generated, trained.classifier.inputs(), "generated");
  if (generated.rows() < 2) {
    throw std::invalid_argument("the Fréchet distance needs at least two generated rows");
  }
  Eigen::MatrixXf features = trained.classifier.features(generated);
  Eigen::MatrixXf probabilities = trained.classifier.probabilities(features);
  std::vector<int> predicted(static_cast<std::size_t>(generated.rows()));
  double confidence = 0.0;
  for (Eigen::Index row = 0; row < probabilities.rows(); ++row) {
    Eigen::Index best = 0;
    confidence += probabilities.row(row).maxCoeff(&best);
    predicted[static_cast<std::size_t>(row)] = static_cast<int>(best);
  }
  confidence /= static_cast<double>(probabilities.rows());
  ClassHistogramScores histogram = class_histogram_scores(predicted, classes);
  double distance = frechet_distance(fit_gaussian(features.cast<double>()), reference);
  return {{"classifier_confidence", confidence},
          {"classes_covered", histogram.classes_covered},
          {"class_evenness", histogram.class_evenness},
          {"other_class_share", histogram.other_class_share},
          {"frechet_distance", distance},
          {"classifier_test_acc", trained.test_accuracy}};
}

}  // namespace gantry::plugins
