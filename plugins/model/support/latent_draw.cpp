#include "support/latent_draw.hpp"

#include <stdexcept>
#include <string>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

namespace gantry::plugins {
namespace {

template <typename Distribution>
Matrix draw_matrix(int rows, int cols, Distribution& distribution, Random& random) {
  Matrix values(rows, cols);
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    values.data()[i] = static_cast<float>(distribution(random));
  }
  return values;
}

}  // namespace

Matrix draw_latent(const LatentSettings& latent, int rows, Random& random) {
  if (rows < 0) throw std::invalid_argument("cannot sample " + std::to_string(rows) + " rows");
  if (latent.distribution == LatentDistribution::uniform) {
    boost::random::uniform_real_distribution<double> uniform(latent.low, latent.high);
    return draw_matrix(rows, latent.dimensions, uniform, random);
  }
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  return draw_matrix(rows, latent.dimensions, normal, random);
}

}  // namespace gantry::plugins
