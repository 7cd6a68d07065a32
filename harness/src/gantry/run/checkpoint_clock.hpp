// When a run saves a checkpoint: [checkpoint] every_steps after the last one, or every_seconds
// since it, whichever comes first; never when both are 0.
#pragma once

#include <chrono>
#include <string>

#include "gantry/options.hpp"

namespace gantry {

struct CheckpointSettings {
  long long every_steps = 0;
  double every_seconds = 0;
  std::string identity;  // the run's: written into each checkpoint, checked on reading

  bool enabled() const { return every_steps > 0 || every_seconds > 0; }
  static CheckpointSettings from(const Options& checkpoint_section, std::string identity);
};

class CheckpointClock {
 public:
  explicit CheckpointClock(const CheckpointSettings& settings);

  bool due(long long step) const;
  // A checkpoint of `step` was written (or restored): the next one counts from here.
  void checkpointed(long long step);

 private:
  long long every_steps_;
  std::chrono::duration<double> every_;
  long long last_step_ = 0;
  std::chrono::steady_clock::time_point last_time_;
};

}  // namespace gantry
