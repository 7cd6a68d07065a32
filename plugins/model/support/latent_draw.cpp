#include "support/latent_draw.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <Eigen/Core>
#include <boost/random/uniform_real_distribution.hpp>

namespace gantry::plugins {
namespace {

// Box–Muller turns one 64-bit draw into two normals. The transcendental functions run on blocks
// of a fixed number of pairs with Eigen's vectorised log, sin and cos, padded when the draw is
// shorter, so every value comes out of the same code whatever the size of the draw: the first
// rows of a larger draw stay the same. Boost's ziggurat, one draw at a time, was a third of an
// x2 training iteration.
constexpr int kPairsPerBlock = 16;
using Block = Eigen::Array<float, kPairsPerBlock, 1>;
constexpr float kTwoPi = 6.283185307179586f;

// One block of normals into out[0, count), count <= 2 * kPairsPerBlock.
void draw_normal_block(float* out, Eigen::Index count, Random& random) {
  const Eigen::Index pairs = (count + 1) / 2;
  std::array<std::uint64_t, kPairsPerBlock> bits{};
  for (Eigen::Index pair = 0; pair < pairs; ++pair) bits[pair] = random();
  Block radius_uniform;
  Block angle_uniform;
  for (int pair = 0; pair < kPairsPerBlock; ++pair) {
    // (0, 1]: the high 32 bits plus half a step, so the logarithm never sees 0 and the radius
    // reaches sqrt(-2 log 2^-33) = 6.76 standard deviations. The padding lanes' bits are 0.
    radius_uniform[pair] = static_cast<float>(bits[pair] >> 32) * 0x1p-32f + 0x1p-33f;
    // [0, 1): the low 24 bits, exact in a float.
    angle_uniform[pair] = static_cast<float>(bits[pair] & 0xFFFFFFu) * 0x1p-24f;
  }
  const Block radius = (-2.0f * radius_uniform.log()).max(0.0f).sqrt();
  const Block angle = kTwoPi * angle_uniform;
  // Evaluated whole, so the packet code runs; then interleaved: column-major 2 x pairs holds
  // each pair's cosine and sine side by side, as they are written.
  const Block cosine_normal = radius * angle.cos();
  const Block sine_normal = radius * angle.sin();
  Eigen::Array<float, 2, kPairsPerBlock> normals;
  normals.row(0) = cosine_normal.transpose();
  normals.row(1) = sine_normal.transpose();
  std::copy_n(normals.data(), count, out);
}

void draw_normal(float* out, Eigen::Index count, Random& random) {
  for (Eigen::Index start = 0; start < count; start += 2 * kPairsPerBlock) {
    draw_normal_block(out + start, std::min<Eigen::Index>(2 * kPairsPerBlock, count - start),
                      random);
  }
}

void draw_uniform(float* out, Eigen::Index count, double low, double high, Random& random) {
  boost::random::uniform_real_distribution<double> uniform(low, high);
  for (Eigen::Index i = 0; i < count; ++i) out[i] = static_cast<float>(uniform(random));
}

}  // namespace

Matrix draw_latent(const LatentSettings& latent, int rows, Random& random) {
  if (rows < 0) throw std::invalid_argument("cannot sample " + std::to_string(rows) + " rows");
  Matrix values(rows, latent.dimensions);
  if (latent.distribution == LatentDistribution::uniform) {
    draw_uniform(values.data(), values.size(), latent.low, latent.high, random);
  } else {
    draw_normal(values.data(), values.size(), random);
  }
  return values;
}

}  // namespace gantry::plugins
