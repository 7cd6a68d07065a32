// The harness's side of a training run: implements TrainingSession for the trainer, and runs
// the run's phases (held-out rows, training, evaluations, final samples). What it does is done
// by its parts, each in its own file: the plugin boundary (plugin_boundary.hpp, with the
// checking decorators of checked_plugins.hpp, through which the trainer and the evaluation alike
// see the data and model plugins), the random streams (random_streams.hpp), the metrics on
// their way to SQLite and HDF5 (metric_recorder.hpp) and the standard evaluation
// (standard_evaluation.hpp).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gantry/artifacts/checkpoint_file.hpp"
#include "gantry/artifacts/run_artifacts.hpp"
#include "gantry/checkpointable.hpp"
#include "gantry/options.hpp"
#include "gantry/run/checked_plugins.hpp"
#include "gantry/run/checkpoint_clock.hpp"
#include "gantry/run/metric_recorder.hpp"
#include "gantry/run/plugin_boundary.hpp"
#include "gantry/run/random_streams.hpp"
#include "gantry/run/run_plugins.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/training_session.hpp"

namespace gantry {

// The [eval] and [images] settings of the run, and how often [resources] lets it write metrics.
struct EvalSettings {
  int heldout_rows;
  int generated_rows;
  int final_rows;
  int energy_rows;
  bool keep_samples;
  int image_grid;  // images per side of the grid kept for image data; 0: none
  bool image_png;
  double metrics_write_seconds;

  static EvalSettings from(const Options& eval_section, const Options& images_section,
                           const Options& resources_section);
};

class RunSession final : public TrainingSession {
 public:
  // `plugins` must outlive the session.
  RunSession(std::int64_t run_id, std::uint64_t seed, const RunPlugins& plugins, EvalSettings eval,
             CheckpointSettings checkpoints, ResultsDb& db, RunArtifacts& artifacts,
             const std::atomic<bool>& stop_flag);
  RunSession(const RunSession&) = delete;
  RunSession& operator=(const RunSession&) = delete;

  DataSource& data() override { return data_; }
  GanModel& model() override { return model_; }
  Random& random(std::string_view name) override { return streams_.stream(name); }
  void log(long long step, const std::vector<Metric>& metrics) override;
  void evaluate(long long step) override;
  bool stop_requested() const override { return stop_flag_.load(); }
  // Checkpoints the run when one is due or a stop was requested, then ends it on a stop
  // (run_session_checkpoint.cpp).
  void step_done(long long step) override;

  // Whether the run can checkpoint: [checkpoint] asks for it and its model and trainer plugins
  // are Checkpointable (plugin ABI 3).
  bool can_checkpoint() const;
  // Whether each plugin can save its state (Checkpointable), whatever [checkpoint] says.
  bool model_saves_state() const { return model_state_ != nullptr; }
  bool trainer_saves_state() const { return trainer_state_ != nullptr; }
  // Continues from `checkpoint` (after prepare(), before train()): the streams, the metrics
  // recorded so far, the model's and the trainer's state. Throws RunError naming the plugin
  // that refused its state.
  void resume(const Checkpoint& checkpoint);

  // Draws the held-out real rows and stores them, and, for image data, the image grid's
  // latents; called once before training.
  void prepare();
  // Runs the trainer plugin on this session. Anything it throws that the harness did not throw
  // becomes a RunError naming the trainer; a boundary failure the trainer caught and ignored,
  // or a non-finite value not yet reported, still fails the run when train() returns.
  void train();
  // Generates and stores the final samples; called once after training.
  void finish();
  // Writes buffered metrics to the database and all curves to HDF5 (also on failure).
  void flush() { metrics_.flush(); }

  long long last_step() const { return last_step_; }
  // Last value of every metric, the run's summaries.
  std::vector<std::pair<std::string, double>> summaries() const { return metrics_.summaries(); }

 private:
  void record(long long step, const std::vector<Metric>& metrics);
  Matrix generated_rows(int rows, const std::string& stream);
  // The trainer reached `step` (logged or evaluated it).
  void reached(long long step);
  // Fails the run with the trainer's exception, of any type, as the cause.
  [[noreturn]] void trainer_threw();
  void keep_weights();
  void save_checkpoint(long long step);
  // A trainer that marks its steps is stopped at the end of one, after its checkpoint; any
  // other is stopped at its next log() or evaluate().
  bool stop_mid_step() const { return stop_requested() && !trainer_marks_steps_; }

  const RunPlugins& plugins_;
  PluginBoundary boundary_;
  CheckedData data_;
  CheckedModel model_;
  RandomStreams streams_;
  MetricRecorder metrics_;
  EvalSettings eval_;
  RunArtifacts& artifacts_;
  const std::atomic<bool>& stop_flag_;
  Matrix heldout_;
  Matrix grid_latent_;  // the image grid's latents, fixed for the run; empty without a grid
  long long last_step_ = 0;
  CheckpointSettings checkpoints_;
  CheckpointClock checkpoint_clock_;
  Checkpointable* model_state_;    // the model plugin's, or null (ABI 2)
  Checkpointable* trainer_state_;  // the trainer plugin's, or null (ABI 2)
  bool trainer_marks_steps_ = false;
};

}  // namespace gantry
