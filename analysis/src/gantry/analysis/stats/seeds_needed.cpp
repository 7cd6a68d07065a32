// Seeds needed per group: bootstrap power of the report's Mann-Whitney test at a given n,
// searched by doubling then bisection.
#include "gantry/analysis/stats/seeds_needed.hpp"

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

#include "gantry/analysis/stats/input_checks.hpp"
#include "gantry/analysis/stats/mann_whitney.hpp"

namespace gantry::analysis {

namespace {

// A uniform index below size from the engine's raw output, by rejection: std::mt19937_64 is
// specified exactly by the standard, but std::uniform_int_distribution is not, so this keeps
// the answer the same under every standard library.
std::size_t draw_index(std::mt19937_64& engine, std::size_t size) {
  using Word = std::mt19937_64::result_type;
  Word range = static_cast<Word>(size);
  // The largest multiple of range that the engine can reach; draws at or above it would favour
  // small indices.
  Word limit = std::numeric_limits<Word>::max() - std::numeric_limits<Word>::max() % range;
  Word word = engine();
  while (word >= limit) word = engine();
  return static_cast<std::size_t>(word % range);
}

std::vector<double> resample(const std::vector<double>& values, std::size_t n,
                             std::mt19937_64& engine) {
  std::vector<double> drawn(n);
  for (double& value : drawn) value = values[draw_index(engine, values.size())];
  return drawn;
}

void check_settings(const SeedsNeededSettings& settings) {
  if (!(settings.alpha > 0.0 && settings.alpha < 1.0)) {
    throw std::invalid_argument("seeds_needed: alpha must be in (0, 1)");
  }
  if (!(settings.power > 0.0 && settings.power <= 1.0)) {
    throw std::invalid_argument("seeds_needed: power must be in (0, 1]");
  }
  if (settings.resamples == 0) throw std::invalid_argument("seeds_needed: no resamples");
  if (settings.max_seeds < 2) throw std::invalid_argument("seeds_needed: max_seeds below 2");
}

class PowerAtN {
 public:
  PowerAtN(const std::vector<double>& x, const std::vector<double>& y,
           const SeedsNeededSettings& settings)
      : x_(x), y_(y), settings_(settings) {
    // Rejections needed out of resamples; the slack keeps 0.8 * 200 at 160 despite rounding.
    needed_ = static_cast<std::size_t>(
        std::ceil(settings.power * static_cast<double>(settings.resamples) - 1e-9));
  }

  // Whether the test rejects at alpha in at least `power` of the resamples of size n. Every n
  // starts the generator afresh from settings.seed: the answer at n never depends on which n were
  // tried before, and neighbouring n share their random draws, which keeps the estimated power
  // from jittering across n. Stops as soon as the outcome is settled either way.
  bool reaches(std::size_t n) const {
    std::mt19937_64 engine(settings_.seed);
    std::size_t rejected = 0, accepted = 0;
    std::size_t allowed_misses = settings_.resamples - needed_;
    while (rejected < needed_ && accepted <= allowed_misses) {
      std::vector<double> xs = resample(x_, n, engine);
      std::vector<double> ys = resample(y_, n, engine);
      ++(mann_whitney_test(xs, ys).p_value < settings_.alpha ? rejected : accepted);
    }
    return rejected >= needed_;
  }

 private:
  const std::vector<double>& x_;
  const std::vector<double>& y_;
  const SeedsNeededSettings& settings_;
  std::size_t needed_ = 0;
};

}  // namespace

std::optional<std::size_t> seeds_needed(const std::vector<double>& x, const std::vector<double>& y,
                                        const SeedsNeededSettings& settings) {
  detail::require_nonempty_finite(x, "seeds_needed (first sample)");
  detail::require_nonempty_finite(y, "seeds_needed (second sample)");
  check_settings(settings);
  PowerAtN power(x, y, settings);

  // Doubling finds a passing n (or max_seeds fails too) in log2(max_seeds) steps ...
  std::size_t failing = 1, passing = 0;  // n = 1 is never tried: no test rejects on one pair
  for (std::size_t n = 2;; n *= 2) {
    n = std::min(n, settings.max_seeds);
    if (power.reaches(n)) {
      passing = n;
      break;
    }
    if (n == settings.max_seeds) return std::nullopt;
    failing = n;
  }
  // ... and bisection narrows the step it overshot to the smallest passing n.
  while (passing - failing > 1) {
    std::size_t middle = failing + (passing - failing) / 2;
    (power.reaches(middle) ? passing : failing) = middle;
  }
  return passing;
}

}  // namespace gantry::analysis
