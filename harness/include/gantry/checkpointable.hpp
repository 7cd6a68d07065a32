// What a model or trainer plugin of ABI version 3 offers so that an interrupted run continues
// from a checkpoint instead of from step 0: its whole state as bytes, and back. A model saves
// its weights, optimiser moments and anything else it trains (batch-norm statistics, dropout
// generators); a trainer its last completed step and its schedule's state. The harness finds it
// with dynamic_cast; a run whose model or trainer lacks it runs without checkpoints.
#pragma once

#include <string>

namespace gantry {

class Checkpointable {
 public:
  virtual ~Checkpointable() = default;

  // Called between steps, when the trainer has called TrainingSession::step_done().
  virtual std::string save_state() const = 0;

  // Called on a fresh object created with the same options, before training. Throws
  // std::invalid_argument for a state it cannot use.
  virtual void restore_state(const std::string& state) = 0;
};

}  // namespace gantry
