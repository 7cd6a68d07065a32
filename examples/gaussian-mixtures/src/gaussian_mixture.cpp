#include "gaussian_mixture.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/math/constants/constants.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "gantry/options.hpp"

namespace gaussian_mixtures {
namespace {

// The option as a finite number strictly greater than 0, or an OptionError naming it.
double positive(const gantry::Options& options, const std::string& name) {
  double value = options.real(name);
  if (!std::isfinite(value) || value <= 0) {
    throw gantry::OptionError("option '" + name + "' = " + gantry::spell_number(value) +
                              " must be a finite number above 0");
  }
  return value;
}

}  // namespace

std::vector<Mode> ring_modes(int count, double radius) {
  std::vector<Mode> modes;
  const double two_pi = boost::math::constants::two_pi<double>();
  for (int i = 0; i < count; ++i) {
    double angle = two_pi * i / count;
    modes.push_back({radius * std::cos(angle), radius * std::sin(angle)});
  }
  return modes;
}

std::vector<Mode> grid_modes(int per_side, double spacing) {
  std::vector<Mode> modes;
  double offset = (per_side - 1) / 2.0;
  for (int i = 0; i < per_side; ++i) {
    for (int j = 0; j < per_side; ++j) {
      modes.push_back({(i - offset) * spacing, (j - offset) * spacing});
    }
  }
  return modes;
}

MixtureScores score_mixture(const gantry::Matrix& generated, const std::vector<Mode>& modes,
                            double std) {
  if (generated.rows() > 0 && generated.cols() != 2) {
    throw std::invalid_argument("gaussian mixture scores need 2 columns, got " +
                                std::to_string(generated.cols()));
  }
  const double limit = 3 * std;
  const double limit_squared = limit * limit;
  std::vector<bool> covered(modes.size(), false);
  std::vector<long long> hits(modes.size(), 0);
  long long high_quality = 0;
  for (Eigen::Index row = 0; row < generated.rows(); ++row) {
    double x = generated(row, 0);
    double y = generated(row, 1);
    std::size_t nearest = 0;
    double nearest_squared = std::numeric_limits<double>::infinity();
    for (std::size_t m = 0; m < modes.size(); ++m) {
      double dx = x - modes[m].x;
      double dy = y - modes[m].y;
      double squared = dx * dx + dy * dy;
      if (squared <= limit_squared) covered[m] = true;
      if (squared < nearest_squared) {
        nearest_squared = squared;
        nearest = m;
      }
    }
    if (nearest_squared <= limit_squared) {
      ++high_quality;
      ++hits[nearest];
    }
  }
  MixtureScores scores{0, 0.0, 0.0};
  for (bool c : covered) scores.modes_covered += c ? 1 : 0;
  if (generated.rows() > 0) {
    scores.high_quality = static_cast<double>(high_quality) / generated.rows();
  }
  const double mode_count = static_cast<double>(modes.size());
  if (high_quality == 0) {
    scores.mode_kl = std::log(mode_count);
  } else {
    for (long long count : hits) {
      if (count == 0) continue;
      double p = static_cast<double>(count) / high_quality;
      scores.mode_kl += p * std::log(p * mode_count);
    }
  }
  return scores;
}

GaussianMixture::GaussianMixture(std::vector<Mode> modes, double std)
    : modes_(std::move(modes)), std_(std) {
  if (modes_.empty()) throw gantry::OptionError("a gaussian mixture needs at least one mode");
  if (!std::isfinite(std_) || std_ <= 0) {
    throw gantry::OptionError("option 'std' = " + gantry::spell_number(std_) +
                              " must be a finite number above 0");
  }
}

gantry::Matrix GaussianMixture::sample(int rows, gantry::Random& random) const {
  if (rows < 0) throw std::invalid_argument("cannot sample " + std::to_string(rows) + " rows");
  boost::random::uniform_int_distribution<int> draw_mode(0, static_cast<int>(modes_.size()) - 1);
  boost::random::normal_distribution<double> draw_noise(0.0, std_);
  gantry::Matrix samples(rows, 2);
  for (int row = 0; row < rows; ++row) {
    const Mode& mode = modes_[draw_mode(random)];
    samples(row, 0) = static_cast<float>(mode.x + draw_noise(random));
    samples(row, 1) = static_cast<float>(mode.y + draw_noise(random));
  }
  return samples;
}

std::vector<gantry::Score> GaussianMixture::score(const gantry::Matrix& generated,
                                                  const gantry::Matrix& /*real*/) const {
  MixtureScores scores = score_mixture(generated, modes_, std_);
  return {{"modes_covered", static_cast<double>(scores.modes_covered)},
          {"high_quality", scores.high_quality},
          {"mode_kl", scores.mode_kl}};
}

Ring8::Ring8(const gantry::PluginArgs& args)
    : GaussianMixture(ring_modes(8, positive(args.options, "radius")),
                      positive(args.options, "std")) {}

Grid25::Grid25(const gantry::PluginArgs& args)
    : GaussianMixture(grid_modes(5, positive(args.options, "spacing")),
                      positive(args.options, "std")) {}

}  // namespace gaussian_mixtures
