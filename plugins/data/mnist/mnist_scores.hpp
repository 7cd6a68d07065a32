// The mnist plugin's quality scores of generated rows, judged by the cached classifier:
//   classifier_confidence  mean over rows of the largest class probability      higher is better
//   classes_covered        selected classes predicted for at least one row      higher is better
//                          (at most the number of selected classes)
//   class_evenness         entropy of the predicted-class histogram over the    higher is better
//                          selected classes / log(their number): 1 even, 0 one class
//   other_class_share      share of rows predicted as a class the filter        lower is better
//                          leaves out (0 without a filter)
//   frechet_distance       Fréchet distance between the Gaussians of the        lower is better
//                          classifier's hidden features of the generated rows
//                          and of the test split's images of the selected classes
//   classifier_test_acc    the classifier's accuracy on the whole test split    (context only)
// Mode collapse shows as few classes covered and low evenness; blurry or odd images as low
// confidence; both, and a wrong spread within classes, as a large Fréchet distance.
#pragma once

#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/matrix.hpp"
#include "mnist/frechet_distance.hpp"
#include "mnist/trained_classifier.hpp"

namespace gantry::plugins {

struct ClassHistogramScores {
  double classes_covered;
  double class_evenness;
  double other_class_share;
};

// From each row's predicted class and the selected classes (sorted, distinct, 0..9).
ClassHistogramScores class_histogram_scores(const std::vector<int>& predicted,
                                            const std::vector<int>& classes);

// The Gaussian of the test split's features over `classes`.
Gaussian reference_gaussian(const TrainedClassifier& trained, const std::vector<int>& classes);

// Every score above, in that order. Throws std::invalid_argument unless `generated` has 784
// columns and at least two rows (a covariance needs two).
std::vector<Score> mnist_scores(const Matrix& generated, const TrainedClassifier& trained,
                                const std::vector<int>& classes, const Gaussian& reference);

}  // namespace gantry::plugins
