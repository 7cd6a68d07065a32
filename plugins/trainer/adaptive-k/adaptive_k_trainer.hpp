// The adaptive-k trainer: the alternating trainer's loop, options and metrics, with the number
// of discriminator steps per generator step steered by an AdaptiveKPolicy (the rule is in
// adaptive_k_policy.hpp) instead of fixed; `k` is the initial k. Every epoch also logs `k`
// (the k that epoch used) and `d_strength` (D's strength signal in that epoch).
#pragma once

#include "adaptive_k_policy.hpp"
#include "alternating_trainer.hpp"
#include "gantry/plugin_args.hpp"
#include "gantry/trainer.hpp"

namespace gantry::plugins {

class AdaptiveKTrainer final : public Trainer, public Checkpointable {
 public:
  // Throws gantry::OptionError for an invalid combination of k, k_min and k_max (see
  // AdaptiveKPolicy).
  explicit AdaptiveKTrainer(const PluginArgs& args);
  void train(TrainingSession& session) override { loop_.train(session); }
  std::string save_state() const override { return loop_.save_state(); }
  void restore_state(const std::string& state) override { loop_.restore_state(state); }

 private:
  AlternatingTrainer loop_;
};

}  // namespace gantry::plugins
