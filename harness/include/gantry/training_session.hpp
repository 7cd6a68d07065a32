// What the harness offers a trainer while it runs: the run's data and model, its random
// streams, metric logging and the harness's standard evaluation. Implemented by the harness.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/random.hpp"

namespace gantry {

struct Metric {
  std::string key;
  double value;
};

class TrainingSession {
 public:
  virtual ~TrainingSession() = default;

  virtual DataSource& data() = 0;
  virtual GanModel& model() = 0;

  // An independent random stream of this run, created on first use from the run seed and
  // `name` (e.g. "real", "latent"). The same name always yields the same sequence.
  virtual Random& random(std::string_view name) = 0;

  // Records metric values at a step. A non-finite value fails the run (divergence), naming the
  // metric and the step.
  virtual void log(long long step, const std::vector<Metric>& metrics) = 0;

  // Runs the harness's evaluation at `step`: D on held-out real and fresh generated rows, the
  // data plugin's quality scores, energy distance, and the generated rows kept in the run's HDF5.
  virtual void evaluate(long long step) = 0;

  // True once the user asked the sweep to stop (Ctrl-C); a trainer returns promptly.
  virtual bool stop_requested() const = 0;

  // (ABI 3) Says that `step` is complete, with everything it logged and evaluated: a moment at
  // which the harness may checkpoint the run (the model's and trainer's Checkpointable state).
  // A trainer that calls it resumes from the step after its saved one; after it, when a stop was
  // requested, it throws to end the run (resumable) instead of log() doing so mid-step.
  virtual void step_done(long long step) = 0;
};

}  // namespace gantry
