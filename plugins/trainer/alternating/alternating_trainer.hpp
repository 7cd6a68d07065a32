// The alternating GAN schedule of all the seed notebooks: K discriminator steps on real and
// fresh generated rows, then one generator step, repeated for `epochs` outer iterations; with
// optional discriminator pre-training, a fixed or fresh real set, and separate (Keras'
// two train_on_batch calls) or joint discriminator updates.
#pragma once

#include "gantry/options.hpp"
#include "gantry/plugin_args.hpp"
#include "gantry/trainer.hpp"

namespace gantry::plugins {

struct AlternatingSchedule {
  long long epochs;
  int k;
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

class AlternatingTrainer final : public Trainer {
 public:
  explicit AlternatingTrainer(const PluginArgs& args);
  void train(TrainingSession& session) override;

 private:
  void pretrain(TrainingSession& session);
  Matrix real_batch(TrainingSession& session, const Matrix& fixed_set);

  AlternatingSchedule schedule_;
};

}  // namespace gantry::plugins
