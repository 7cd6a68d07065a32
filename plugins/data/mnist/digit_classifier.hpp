// The small classifier behind the mnist plugin's scores: input (784 scaled pixels) -> hidden
// ReLU layer -> 10-way softmax, trained with Adam on minibatches of the training split. It is a
// judge of generated images, not a model under study, so it only needs to be decent and, above
// all, the same every time: single-threaded Eigen, initialised and shuffled from its own seed.
#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "gantry/matrix.hpp"
#include "mnist/idx_file.hpp"

namespace gantry::plugins {

// Training settings; all come from the plugin's options.
struct ClassifierSettings {
  int hidden = 128;
  int epochs = 2;
  double learning_rate = 1e-3;
  int batch = 64;
  std::uint64_t seed = 1;
};

// Weights of the network. w1 is inputs x hidden, w2 hidden x classes.
struct ClassifierWeights {
  Eigen::MatrixXf w1;
  Eigen::VectorXf b1;
  Eigen::MatrixXf w2;
  Eigen::VectorXf b2;
};

class DigitClassifier {
 public:
  static constexpr int kClasses = 10;

  // Throws std::invalid_argument when the shapes do not fit together.
  explicit DigitClassifier(ClassifierWeights weights);

  // Trains on every image of `train` (rows scaled as image_rows.hpp does). Throws
  // std::invalid_argument on settings out of range or an empty set.
  static DigitClassifier train(const LabelledImages& train, const ClassifierSettings& settings);

  int inputs() const { return static_cast<int>(weights_.w1.rows()); }
  int hidden() const { return static_cast<int>(weights_.w1.cols()); }
  const ClassifierWeights& weights() const { return weights_; }

  // Hidden-layer activations (rows x hidden): the feature space of the Fréchet distance.
  Eigen::MatrixXf features(const Matrix& rows) const;
  // Softmax class probabilities (rows x 10) from features().
  Eigen::MatrixXf probabilities(const Eigen::MatrixXf& features) const;
  // Share of `images` whose most probable class is their label.
  double accuracy(const LabelledImages& images) const;

 private:
  ClassifierWeights weights_;
};

}  // namespace gantry::plugins
