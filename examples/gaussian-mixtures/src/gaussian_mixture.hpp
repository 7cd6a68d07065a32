// Mixtures of equal-weight isotropic 2-D Gaussians, the standard mode-collapse benchmarks:
// ring8 (8 modes on a circle, the unrolled-GAN paper) and grid25 (a 5 x 5 grid, PacGAN), with
// their usual quality scores.
#pragma once

#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/plugin_args.hpp"

namespace gaussian_mixtures {

struct Mode {
  double x;
  double y;
};

// `count` modes evenly spaced on a circle of `radius` around the origin, the first at (radius, 0).
std::vector<Mode> ring_modes(int count, double radius);

// `per_side` x `per_side` modes on a square grid centred on the origin, `spacing` apart
// (5 and 2 give -4, -2, 0, 2, 4 on each axis).
std::vector<Mode> grid_modes(int per_side, double spacing);

// The benchmark scores of generated rows against the modes, with a sample judged by its
// distance to the nearest mode in units of the modes' standard deviation `std`:
struct MixtureScores {
  int modes_covered;    // modes with at least one sample within 3 std (higher is better)
  double high_quality;  // share of samples within 3 std of their nearest mode (higher)
  double mode_kl;       // KL(mode histogram || uniform) over the high-quality samples, each
                        // counted for its nearest mode (lower is better; 0 = uniform).
                        // log(modes) when no sample is of high quality (as if collapsed).
};
MixtureScores score_mixture(const gantry::Matrix& generated, const std::vector<Mode>& modes,
                            double std);

class GaussianMixture : public gantry::DataSource {
 public:
  // Throws gantry::OptionError unless there is a mode and std is finite and positive.
  GaussianMixture(std::vector<Mode> modes, double std);

  int dimensions() const override { return 2; }

  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }

  // Each row: a mode drawn uniformly, plus N(0, std^2) noise on each coordinate.
  gantry::Matrix sample(int rows, gantry::Random& random) const override;

  // modes_covered, high_quality and mode_kl of score_mixture; `real` is not needed because the
  // mixture is known exactly.
  std::vector<gantry::Score> score(const gantry::Matrix& generated,
                                   const gantry::Matrix& real) const override;

  const std::vector<Mode>& modes() const { return modes_; }
  double std() const { return std_; }

 private:
  std::vector<Mode> modes_;
  double std_;
};

// 8 Gaussians on a ring: options radius (2) and std (0.02).
class Ring8 final : public GaussianMixture {
 public:
  explicit Ring8(const gantry::PluginArgs& args);
};

// 25 Gaussians on a 5 x 5 grid: options spacing (2) and std (0.05).
class Grid25 final : public GaussianMixture {
 public:
  explicit Grid25(const gantry::PluginArgs& args);
};

}  // namespace gaussian_mixtures
