// Shared helpers of the eigen-mlp tests: the plugin's default options, seeded random matrices
// and central finite differences.
#pragma once

#include <functional>
#include <map>
#include <string>

#include <Eigen/Core>
#include <boost/random/uniform_real_distribution.hpp>

#include "gantry/options.hpp"
#include "gantry/random.hpp"

namespace gantry::plugins::testing {

// Every option the plugin declares, at its default, with `overrides` applied.
inline Options model_options(const std::map<std::string, std::string>& overrides = {}) {
  std::map<std::string, std::string> values = {
      {"g_layers", "15:relu:he_uniform, 2:linear"},
      {"d_layers", "25:relu:he_uniform, 1:sigmoid"},
      {"latent_dim", "5"},
      {"latent", "normal"},
      {"latent_low", "-1"},
      {"latent_high", "1"},
      {"leaky_relu_slope", "0.2"},
      {"g_optimizer", "adam"},
      {"g_lr", "0.001"},
      {"g_beta1", "0.9"},
      {"g_beta2", "0.999"},
      {"g_epsilon", "1e-7"},
      {"d_optimizer", "adam"},
      {"d_lr", "0.001"},
      {"d_beta1", "0.9"},
      {"d_beta2", "0.999"},
      {"d_epsilon", "1e-7"},
  };
  for (const auto& [key, value] : overrides) values[key] = value;
  return Options(values);
}

// A matrix of any Eigen type with entries from U(low, high), reproducible from `random`.
template <typename MatrixType>
MatrixType uniform_matrix(Eigen::Index rows, Eigen::Index cols, Random& random, double low = -1.0,
                          double high = 1.0) {
  boost::random::uniform_real_distribution<double> draw(low, high);
  MatrixType values(rows, cols);
  for (Eigen::Index row = 0; row < rows; ++row) {
    for (Eigen::Index col = 0; col < cols; ++col) {
      values(row, col) = static_cast<typename MatrixType::Scalar>(draw(random));
    }
  }
  return values;
}

// d loss / d values[i] for every i by central differences; `values` is restored afterwards.
template <typename MatrixType>
MatrixType central_differences(MatrixType& values, const std::function<double()>& loss,
                               double step = 1e-6) {
  MatrixType gradient(values.rows(), values.cols());
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    const auto original = values.data()[i];
    values.data()[i] = original + step;
    const double above = loss();
    values.data()[i] = original - step;
    const double below = loss();
    values.data()[i] = original;
    gradient.data()[i] = (above - below) / (2.0 * step);
  }
  return gradient;
}

}  // namespace gantry::plugins::testing
