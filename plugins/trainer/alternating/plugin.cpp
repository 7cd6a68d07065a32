// Exports the alternating trainer; its options are named as the notebooks name them.
#include "alternating_trainer.hpp"
#include "gantry/plugin_export.hpp"

namespace {

using namespace gantry::option;

// Row counts are held in int by the model interface; 10^8 rows of even one column is already
// 400 MB, so the bound rejects typos, not experiments.
constexpr double kMaxRows = 1e8;
constexpr double kMaxSteps = 1e12;

constexpr gantry::OptionSpec kOptions[] = {
    integer("epochs", "10000",
            "Outer iterations: each is k discriminator steps and one generator step", 1, kMaxSteps),
    integer("k", "1", "Discriminator steps per generator step", 1, 1000),
    integer("batch", "128", "Rows in a generator step (the notebooks' n_batch / N)", 2, kMaxRows),
    integer("d_batch", "0", "Rows of each class (real, fake) in a discriminator step; 0: batch / 2",
            0, kMaxRows),
    choice("d_update", "separate", "separate|joint",
           "separate: one step on the real rows, then one on the fake rows (Keras' two "
           "train_on_batch calls); joint: one step on both"),
    choice("real_set", "fresh", "fresh|fixed",
           "fresh: new real rows every step; fixed: one set drawn at the start (tanh notebook)"),
    integer("real_set_rows", "0", "Size of the fixed real set; 0: d_batch", 0, kMaxRows),
    integer("pretrain_epochs", "0", "Epochs of discriminator-only training before the GAN loop", 0,
            1000),
    integer("pretrain_rows", "10000", "Real rows (and as many generated) per pre-training epoch", 1,
            kMaxRows),
    integer("pretrain_batch", "32", "Minibatch size of pre-training", 1, kMaxRows),
    integer("eval_every", "1000", "Evaluate every this many epochs (and at the last)", 1,
            kMaxSteps),
    integer("log_every", "10", "Log training losses and accuracies every this many epochs", 1,
            kMaxSteps),
};

}  // namespace

GANTRY_PLUGIN(trainer, gantry::plugins::AlternatingTrainer, "alternating", "1.0.0",
              "K discriminator steps per generator step, as in every seed notebook", kOptions)
