#include "mnist/digit_classifier.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "gantry/random.hpp"
#include "mnist/image_rows.hpp"

namespace gantry::plugins {

namespace {

// Rows per forward pass when only predicting, to bound memory on large sets.
constexpr int kPredictChunk = 2048;

Eigen::MatrixXf uniform_matrix(int rows, int cols, double limit, Random& random) {
  boost::random::uniform_real_distribution<double> draw(-limit, limit);
  Eigen::MatrixXf matrix(rows, cols);
  for (int c = 0; c < cols; ++c) {
    for (int r = 0; r < rows; ++r) matrix(r, c) = static_cast<float>(draw(random));
  }
  return matrix;
}

// One Adam moment pair per parameter tensor (Kingma & Ba, default betas and epsilon). Not the
// model plugins' keras_adam_step (plugins/model/support): that one rounds beta to float before
// taking 1 - beta, this one rounds 1 - beta computed in double, and its epsilon is the paper's
// 1e-8. Switching would change every trained classifier, so cached classifiers and the scores
// computed with them would no longer be reproduced.
struct Adam {
  double rate;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-8;
  long long step = 0;

  template <class Param, class Grad>
  void update(Param& param, const Grad& grad, Param& m, Param& v) const {
    m = static_cast<float>(beta1) * m + static_cast<float>(1 - beta1) * grad;
    v = static_cast<float>(beta2) * v + static_cast<float>(1 - beta2) * grad.cwiseAbs2();
    double corrected_rate = rate * std::sqrt(1 - std::pow(beta2, static_cast<double>(step))) /
                            (1 - std::pow(beta1, static_cast<double>(step)));
    param.array() -= static_cast<float>(corrected_rate) * m.array() /
                     (v.array().sqrt() + static_cast<float>(epsilon));
  }
};

void check_settings(const ClassifierSettings& s) {
  if (s.hidden < 1 || s.epochs < 1 || s.batch < 1 || !(s.learning_rate > 0) ||
      !std::isfinite(s.learning_rate)) {
    throw std::invalid_argument("digit classifier settings out of range: hidden " +
                                std::to_string(s.hidden) + ", epochs " + std::to_string(s.epochs) +
                                ", batch " + std::to_string(s.batch) + ", learning rate " +
                                std::to_string(s.learning_rate));
  }
}

}  // namespace

DigitClassifier::DigitClassifier(ClassifierWeights weights) : weights_(std::move(weights)) {
  const auto& w = weights_;
  if (w.w1.cols() != w.b1.size() || w.w2.rows() != w.w1.cols() || w.w2.cols() != kClasses ||
      w.b2.size() != kClasses || w.w1.rows() < 1 || w.w1.cols() < 1) {
    throw std::invalid_argument("digit classifier weights do not fit together");
  }
}

DigitClassifier DigitClassifier::train(const LabelledImages& train,
                                       const ClassifierSettings& settings) {
  check_settings(settings);
  if (train.count() == 0) throw std::invalid_argument("no images to train the classifier on");
  const int inputs = train.height * train.width;
  const int hidden = settings.hidden;

  Random init = make_stream(settings.seed, "digit-classifier-init");
  Random shuffle = make_stream(settings.seed, "digit-classifier-shuffle");
  ClassifierWeights w;
  w.w1 = uniform_matrix(inputs, hidden, std::sqrt(6.0 / inputs), init);  // He uniform
  w.b1 = Eigen::VectorXf::Zero(hidden);
  w.w2 = uniform_matrix(hidden, kClasses, std::sqrt(6.0 / (hidden + kClasses)), init);  // Glorot
  w.b2 = Eigen::VectorXf::Zero(kClasses);

  ClassifierWeights m{Eigen::MatrixXf::Zero(inputs, hidden), Eigen::VectorXf::Zero(hidden),
                      Eigen::MatrixXf::Zero(hidden, kClasses), Eigen::VectorXf::Zero(kClasses)};
  ClassifierWeights v = m;
  Adam adam{settings.learning_rate};

  std::vector<int> order(static_cast<std::size_t>(train.count()));
  std::iota(order.begin(), order.end(), 0);
  for (int epoch = 0; epoch < settings.epochs; ++epoch) {
    // Fisher-Yates with Boost's distribution: std::shuffle's algorithm varies by library.
    for (std::size_t i = order.size() - 1; i > 0; --i) {
      boost::random::uniform_int_distribution<std::size_t> pick(0, i);
      std::swap(order[i], order[pick(shuffle)]);
    }
    for (std::size_t start = 0; start < order.size(); start += settings.batch) {
      std::size_t end = std::min(order.size(), start + static_cast<std::size_t>(settings.batch));
      std::vector<int> items(order.begin() + start, order.begin() + end);
      const Matrix x = image_rows(train, items);
      const auto rows = static_cast<Eigen::Index>(items.size());

      Eigen::MatrixXf h = ((x * w.w1).rowwise() + w.b1.transpose()).cwiseMax(0.0f);
      Eigen::MatrixXf logits = (h * w.w2).rowwise() + w.b2.transpose();
      // Softmax cross-entropy gradient: (p - onehot) / rows.
      Eigen::MatrixXf g = (logits.colwise() - logits.rowwise().maxCoeff()).array().exp();
      g.array().colwise() /= g.rowwise().sum().array();
      for (Eigen::Index r = 0; r < rows; ++r) g(r, train.labels[items[r]]) -= 1.0f;
      g /= static_cast<float>(rows);

      Eigen::MatrixXf grad_w2 = h.transpose() * g;
      Eigen::VectorXf grad_b2 = g.colwise().sum().transpose();
      Eigen::MatrixXf dh =
          (g * w.w2.transpose()).cwiseProduct((h.array() > 0.0f).cast<float>().matrix());
      Eigen::MatrixXf grad_w1 = x.transpose() * dh;
      Eigen::VectorXf grad_b1 = dh.colwise().sum().transpose();

      ++adam.step;
      adam.update(w.w1, grad_w1, m.w1, v.w1);
      adam.update(w.b1, grad_b1, m.b1, v.b1);
      adam.update(w.w2, grad_w2, m.w2, v.w2);
      adam.update(w.b2, grad_b2, m.b2, v.b2);
    }
  }
  return DigitClassifier(std::move(w));
}

Eigen::MatrixXf DigitClassifier::features(const Matrix& rows) const {
  if (rows.cols() != inputs()) {
    throw std::invalid_argument("the digit classifier takes rows of " + std::to_string(inputs()) +
                                " values, not " + std::to_string(rows.cols()));
  }
  return ((rows * weights_.w1).rowwise() + weights_.b1.transpose()).cwiseMax(0.0f);
}

Eigen::MatrixXf DigitClassifier::probabilities(const Eigen::MatrixXf& features) const {
  Eigen::MatrixXf logits = (features * weights_.w2).rowwise() + weights_.b2.transpose();
  Eigen::MatrixXf p = (logits.colwise() - logits.rowwise().maxCoeff()).array().exp();
  p.array().colwise() /= p.rowwise().sum().array();
  return p;
}

double DigitClassifier::accuracy(const LabelledImages& images) const {
  if (images.count() == 0) throw std::invalid_argument("no images to measure accuracy on");
  long long right = 0;
  for (int start = 0; start < images.count(); start += kPredictChunk) {
    std::vector<int> items(
        static_cast<std::size_t>(std::min(kPredictChunk, images.count() - start)));
    std::iota(items.begin(), items.end(), start);
    Eigen::MatrixXf p = probabilities(features(image_rows(images, items)));
    for (Eigen::Index r = 0; r < p.rows(); ++r) {
      Eigen::Index best = 0;
      p.row(r).maxCoeff(&best);
      if (best == images.labels[items[r]]) ++right;
    }
  }
  return static_cast<double>(right) / images.count();
}

}  // namespace gantry::plugins
