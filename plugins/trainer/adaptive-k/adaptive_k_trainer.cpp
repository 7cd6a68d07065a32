#include "adaptive_k_trainer.hpp"

#include <memory>

namespace gantry::plugins {

AdaptiveKTrainer::AdaptiveKTrainer(const PluginArgs& args)
    : loop_(AlternatingSchedule::from(args.options),
            std::make_unique<AdaptiveKPolicy>(AdaptiveKSettings::from(args.options))) {}

}  // namespace gantry::plugins
