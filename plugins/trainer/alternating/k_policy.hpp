// How many discriminator steps the alternating epoch loop takes per generator step. The loop
// asks its policy for the k of each epoch before the epoch starts and reports what D measured
// in it once the epoch's generator step is done, so a schedule can steer k from D's strength
// (adaptive-k) without a loop of its own. Pre-training epochs are not reported.
#pragma once

#include <vector>

#include "gantry/state_bytes.hpp"
#include "gantry/training_session.hpp"

namespace gantry::plugins {

// One GAN epoch as the loop measured it: the means over its k discriminator steps of what the
// steps reported (measured before each update, as Keras' train_on_batch reports them), the
// same values the trainer logs as d_loss_real, d_loss_fake, d_acc_real, d_acc_fake and g_loss.
struct EpochMeasurement {
  long long step;  // the epoch, from 1
  int k;           // discriminator steps taken in it
  double loss_real;
  double loss_fake;
  double accuracy_real;
  double accuracy_fake;
  double g_loss;
};

class KPolicy {
 public:
  virtual ~KPolicy() = default;

  // Discriminator steps of the next epoch (at least 1).
  virtual int k() const = 0;

  // Called once after every epoch, before that epoch is logged.
  virtual void observe(const EpochMeasurement& epoch) = 0;

  // Appends the policy's own metrics for the last observed epoch to that epoch's log line.
  virtual void append_metrics(std::vector<Metric>& /*metrics*/) const {}
  // What k() and append_metrics() depend on, for a checkpoint (a fixed k: nothing).
  virtual void save(StateWriter& /*out*/) const {}
  virtual void restore(StateReader& /*in*/) {}
};

// The notebooks' schedule: the same k every epoch, nothing logged.
class FixedK final : public KPolicy {
 public:
  explicit FixedK(int k) : k_(k) {}
  int k() const override { return k_; }
  void observe(const EpochMeasurement&) override {}

 private:
  int k_;
};

}  // namespace gantry::plugins
