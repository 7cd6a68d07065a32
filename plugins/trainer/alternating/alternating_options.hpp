// The alternating trainer's option declarations, one constant per option, so trainers built on
// its loop (adaptive-k) declare the same names, defaults, bounds and help. Options are named as
// the notebooks name them.
#pragma once

#include "gantry/option_spec.hpp"

namespace gantry::plugins::alternating_options {

// Row counts are held in int by the model interface; 10^8 rows of even one column is already
// 400 MB, so the bound rejects typos, not experiments.
inline constexpr double kMaxRows = 1e8;
inline constexpr double kMaxSteps = 1e12;
inline constexpr double kMaxK = 1000;

inline constexpr OptionSpec epochs = option::integer(
    "epochs", "10000", "Outer iterations: each is k discriminator steps and one generator step", 1,
    kMaxSteps);
inline constexpr OptionSpec k =
    option::integer("k", "1", "Discriminator steps per generator step", 1, kMaxK);
inline constexpr OptionSpec batch = option::integer(
    "batch", "128", "Rows in a generator step (the notebooks' n_batch / N)", 2, kMaxRows);
inline constexpr OptionSpec d_batch = option::integer(
    "d_batch", "0", "Rows of each class (real, fake) in a discriminator step; 0: batch / 2", 0,
    kMaxRows);
inline constexpr OptionSpec d_update =
    option::choice("d_update", "separate", "separate|joint",
                   "separate: one step on the real rows, then one on the fake rows (Keras' two "
                   "train_on_batch calls); joint: one step on both");
inline constexpr OptionSpec real_set = option::choice(
    "real_set", "fresh", "fresh|fixed",
    "fresh: new real rows every step; fixed: one set drawn at the start (tanh notebook)");
inline constexpr OptionSpec real_set_rows =
    option::integer("real_set_rows", "0", "Size of the fixed real set; 0: d_batch", 0, kMaxRows);
inline constexpr OptionSpec pretrain_epochs = option::integer(
    "pretrain_epochs", "0", "Epochs of discriminator-only training before the GAN loop", 0, 1000);
inline constexpr OptionSpec pretrain_rows =
    option::integer("pretrain_rows", "10000",
                    "Real rows (and as many generated) per pre-training epoch", 1, kMaxRows);
inline constexpr OptionSpec pretrain_batch =
    option::integer("pretrain_batch", "32", "Minibatch size of pre-training", 1, kMaxRows);
inline constexpr OptionSpec eval_every = option::integer(
    "eval_every", "1000", "Evaluate every this many epochs (and at the last)", 1, kMaxSteps);
inline constexpr OptionSpec log_every = option::integer(
    "log_every", "10", "Log training losses and accuracies every this many epochs", 1, kMaxSteps);

}  // namespace gantry::plugins::alternating_options
