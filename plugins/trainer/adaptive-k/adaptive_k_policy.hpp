// Adaptive k: the number of discriminator steps per generator step, steered between k_min and
// k_max from D's recent strength, as the tanh notebook (../shared/seeds/tanh-k-overpowering.md)
// proposes after finding that the right fixed K differs from session to session.
//
// The rule. After each epoch the policy computes D's strength in it from the epoch's mean
// measurements (measured before each update, as Keras reports them):
//   balanced_accuracy: (d_acc_real + d_acc_fake) / 2, D's accuracy on its own training rows;
//   sign:              2 d_acc_real - 1 = E[sign(logit D(x_real))], the statistic r of adaptive
//                      discriminator augmentation (Karras et al. 2020, "Training GANs with limited
//                      data"), since D(x) > 0.5 exactly when the logit is > 0 (a logit of exactly
//                      0 counts as -1 here, as 0 in ADA).
// Every `adjust_every` epochs the strengths of those epochs are averaged (each epoch counts
// once, whatever its k) and compared with the target:
//   mean > target + tolerance: D is too strong, k decreases by 1, not below k_min;
//   mean < target - tolerance: D is too weak, k increases by 1, not above k_max;
//   otherwise k holds. The new k applies from the next epoch; the window then starts afresh.
// Pre-training epochs are not counted.
#pragma once

#include "gantry/options.hpp"
#include "k_policy.hpp"

namespace gantry::plugins {

enum class StrengthSignal { balanced_accuracy, sign };

struct AdaptiveKSettings {
  StrengthSignal signal;
  double target;     // target_accuracy or target_sign, whichever the signal uses
  double tolerance;  // half-width of the band around the target where k holds
  long long adjust_every;
  int k_min;
  int k_max;
  int initial_k;  // the `k` option

  // Reads the options (signal, target_accuracy / target_sign, tolerance, adjust_every, k_min,
  // k_max, k); AdaptiveKPolicy checks them.
  static AdaptiveKSettings from(const Options& options);
};

// D's strength in one epoch under `signal`.
double discriminator_strength(StrengthSignal signal, const EpochMeasurement& epoch);

class AdaptiveKPolicy final : public KPolicy {
 public:
  // Throws gantry::OptionError naming the options unless 1 <= k_min <= k <= k_max,
  // adjust_every >= 1, and the target and tolerance are finite with tolerance >= 0.
  explicit AdaptiveKPolicy(const AdaptiveKSettings& settings);

  int k() const override { return k_; }
  void observe(const EpochMeasurement& epoch) override;
  // `k`: the k the epoch used; `d_strength`: the signal's value in that epoch.
  void append_metrics(std::vector<Metric>& metrics) const override;
  void save(StateWriter& out) const override;
  void restore(StateReader& in) override;

 private:
  AdaptiveKSettings settings_;
  int k_;
  double window_sum_ = 0;
  long long window_epochs_ = 0;
  int last_k_ = 0;
  double last_strength_ = 0;
};

}  // namespace gantry::plugins
