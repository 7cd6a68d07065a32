#include "gantry/run/checkpoint_clock.hpp"

namespace gantry {

CheckpointSettings CheckpointSettings::from(const Options& section, std::string identity) {
  return CheckpointSettings{section.integer("every_steps"), section.real("every_seconds"),
                            std::move(identity)};
}

CheckpointClock::CheckpointClock(const CheckpointSettings& settings)
    : every_steps_(settings.every_steps),
      every_(settings.every_seconds),
      last_time_(std::chrono::steady_clock::now()) {}

bool CheckpointClock::due(long long step) const {
  if (every_steps_ > 0 && step - last_step_ >= every_steps_) return true;
  return every_.count() > 0 && std::chrono::steady_clock::now() - last_time_ >= every_;
}

void CheckpointClock::checkpointed(long long step) {
  last_step_ = step;
  last_time_ = std::chrono::steady_clock::now();
}

}  // namespace gantry
