// Exports the alternating trainer; its options are declared in alternating_options.hpp.
#include "alternating_options.hpp"
#include "alternating_trainer.hpp"
#include "gantry/plugin_export.hpp"

namespace {

namespace opt = gantry::plugins::alternating_options;

constexpr gantry::OptionSpec kOptions[] = {
    opt::epochs,        opt::k,
    opt::batch,         opt::d_batch,
    opt::d_update,      opt::real_set,
    opt::real_set_rows, opt::pretrain_epochs,
    opt::pretrain_rows, opt::pretrain_batch,
    opt::eval_every,    opt::log_every,
};

}  // namespace

GANTRY_PLUGIN(trainer, gantry::plugins::AlternatingTrainer, "alternating", "1.0.0",
              "K discriminator steps per generator step, as in every seed notebook", kOptions)
