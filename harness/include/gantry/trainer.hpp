// Trainer plugin interface: the schedule that alternates discriminator and generator steps.
#pragma once

#include "gantry/training_session.hpp"

namespace gantry {

class Trainer {
 public:
  virtual ~Trainer() = default;

  // Trains session.model() on session.data(), logging metrics and calling
  // session.evaluate() at its cadence and once at the last step.
  virtual void train(TrainingSession& session) = 0;
};

}  // namespace gantry
