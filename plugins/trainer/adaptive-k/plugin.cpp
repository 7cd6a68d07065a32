// Exports the adaptive-k trainer: the alternating trainer's options (same names, defaults and
// meaning, with `k` the initial k) and the policy's own.
#include "adaptive_k_trainer.hpp"
#include "alternating_options.hpp"
#include "gantry/plugin_export.hpp"

namespace {

using namespace gantry::option;
namespace alternating = gantry::plugins::alternating_options;

constexpr gantry::OptionSpec kOptions[] = {
    alternating::epochs,
    integer("k", "1", "Initial discriminator steps per generator step; must be from k_min to k_max",
            1, alternating::kMaxK),
    alternating::batch,
    alternating::d_batch,
    alternating::d_update,
    alternating::real_set,
    alternating::real_set_rows,
    alternating::pretrain_epochs,
    alternating::pretrain_rows,
    alternating::pretrain_batch,
    alternating::eval_every,
    alternating::log_every,
    integer("k_min", "1", "Fewest discriminator steps per generator step k may fall to", 1,
            alternating::kMaxK),
    integer("k_max", "10", "Most discriminator steps per generator step k may rise to; >= k_min", 1,
            alternating::kMaxK),
    choice("signal", "balanced_accuracy", "balanced_accuracy|sign",
           "D's strength each epoch, from its training steps (measured before each update): "
           "balanced_accuracy: (d_acc_real + d_acc_fake) / 2; sign: ADA's r = "
           "E[sign(logit D(real))] = 2 d_acc_real - 1 (Karras et al. 2020)"),
    real("target_accuracy", "0.75", "Target of the balanced_accuracy signal", 0, 1),
    real("target_sign", "0.6", "Target of the sign signal (ADA's value)", -1, 1),
    real("tolerance", "0.05",
         "Half-width of the band around the target, in the signal's units, inside which k holds", 0,
         1),
    integer("adjust_every", "10",
            "Every this many epochs, the mean signal over those epochs is compared with the "
            "target: above target + tolerance, k decreases by 1 (not below k_min); below "
            "target - tolerance, k increases by 1 (not above k_max)",
            1, alternating::kMaxSteps),
};

}  // namespace

GANTRY_PLUGIN(trainer, gantry::plugins::AdaptiveKTrainer, "adaptive-k", "1.0.0",
              "Alternating, with K steered between k_min and k_max from D's strength", kOptions)
