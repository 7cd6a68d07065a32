// The alternating GAN schedule of all the seed notebooks: K discriminator steps on real and
// fresh generated rows, then one generator step, repeated for `epochs` outer iterations; with
// optional discriminator pre-training, a fixed or fresh real set, and separate (Keras'
// two train_on_batch calls) or joint discriminator updates. The k of each epoch comes from a
// KPolicy (k_policy.hpp): a fixed k for this plugin, a steered one for adaptive-k.
#pragma once

#include <memory>

#include "gantry/checkpointable.hpp"
#include "gantry/options.hpp"
#include "gantry/plugin_args.hpp"
#include "gantry/trainer.hpp"
#include "k_policy.hpp"

namespace gantry::plugins {

struct AlternatingSchedule {
  long long epochs;
  int k;        // the fixed k, or a policy's initial k
  int batch;    // rows in a generator step
  int d_batch;  // rows of each class (real, fake) in a discriminator step
  bool joint_update;
  bool fixed_real_set;
  int real_set_rows;
  int pretrain_epochs;
  int pretrain_rows;
  int pretrain_batch;
  long long eval_every;
  long long log_every;

  static AlternatingSchedule from(const Options& options);
};

class AlternatingTrainer final : public Trainer, public Checkpointable {
 public:
  // The alternating plugin: k fixed at the `k` option.
  explicit AlternatingTrainer(const PluginArgs& args);
  // The same loop with each epoch's k taken from `policy`, which sees every epoch's measurements.
  AlternatingTrainer(const AlternatingSchedule& schedule, std::unique_ptr<KPolicy> policy);
  // From the first epoch, or, after restore_state(), from the epoch after the saved one.
  void train(TrainingSession& session) override;

  // Checkpointable: the last completed epoch, the fixed real set and the policy's state.
  std::string save_state() const override;
  void restore_state(const std::string& state) override;

 private:
  void pretrain(TrainingSession& session);
  Matrix real_batch(TrainingSession& session);
  void epoch(TrainingSession& session, long long step);

  AlternatingSchedule schedule_;
  std::unique_ptr<KPolicy> policy_;
  long long completed_ = 0;  // epochs done: 0 before training, or as restored
  Matrix fixed_set_;         // real_set = fixed: drawn once, before pre-training
};

}  // namespace gantry::plugins
