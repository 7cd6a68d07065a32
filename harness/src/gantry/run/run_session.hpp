// The harness's side of a training run: implements TrainingSession for the trainer, keeps the
// run's random streams, buffers metrics into the results database in batches, runs the standard
// evaluation and writes samples and curves to the run's HDF5 file.
//
// It is also the plugin boundary. The trainer never sees the data and model plugins themselves:
// data() and model() are checking decorators that forward every call and check what crosses
// (matrix shapes against the declared dimensions, finite values, finite losses), and turn an
// exception of any type from plugin code into a RunError naming the plugin, the call and the
// step. The harness's own evaluation goes through the same decorators, so the checks hold
// whichever trainer plugin runs.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gantry/options.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/artifacts/run_artifacts.hpp"
#include "gantry/run/run_plugins.hpp"
#include "gantry/training_session.hpp"

namespace gantry {

struct EvalSettings {
  int heldout_rows;
  int generated_rows;
  int final_rows;
  int energy_rows;
  bool keep_samples;
  int image_grid;  // images per side of the grid kept for image data; 0: none
  bool image_png;

  static EvalSettings from(const Options& eval_section, const Options& images_section);
};

class RunSession final : public TrainingSession {
 public:
  // `plugins` must outlive the session.
  RunSession(std::int64_t run_id, std::uint64_t seed, const RunPlugins& plugins, EvalSettings eval,
             ResultsDb& db, RunArtifacts& artifacts, const std::atomic<bool>& stop_flag);
  ~RunSession() override;
  RunSession(const RunSession&) = delete;
  RunSession& operator=(const RunSession&) = delete;

  DataSource& data() override;
  GanModel& model() override;
  Random& random(std::string_view name) override;
  void log(long long step, const std::vector<Metric>& metrics) override;
  void evaluate(long long step) override;
  bool stop_requested() const override { return stop_flag_.load(); }

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
  void flush();

  long long last_step() const { return last_step_; }
  // Last value of every metric, the run's summaries.
  std::vector<std::pair<std::string, double>> summaries() const;

 private:
  class CheckedData;
  class CheckedModel;
  enum class Phase { preparing, training, evaluating, finishing };

  void record(long long step, const std::string& key, double value);
  Matrix generated_rows(int rows, const std::string& stream);

  // Where the run is, for messages: "after step 120", "at the evaluation of step 200", ...
  std::string where() const;
  // Fails the run now: remembers the first failure (a trainer may catch and ignore the
  // exception) and throws it as a RunError.
  [[noreturn]] void fail(const std::string& message);
  // A non-finite value crossed the boundary. During training the run fails at the trainer's
  // next log() or evaluate(), where the step is known and a resulting divergence is named with
  // its cause; elsewhere it fails now. Nothing crashes on a NaN meanwhile, unlike a wrong shape.
  void non_finite(const std::string& problem);
  // Fails the run if a failure or a non-finite value is waiting; `when` says where it was seen.
  void raise_pending(const std::string& when);
  // Calls plugin code; an exception of any type becomes a RunError naming `plugin` and `call`.
  template <typename Call>
  auto guarded(const std::string& plugin, const char* call, Call&& body) -> decltype(body());

  std::int64_t run_id_;
  std::uint64_t seed_;
  const RunPlugins& plugins_;
  std::string data_label_;     // "data plugin 'x2'"
  std::string model_label_;    // "model plugin 'eigen-mlp'"
  std::string trainer_label_;  // "trainer plugin 'alternating'"
  std::unique_ptr<CheckedData> checked_data_;
  std::unique_ptr<CheckedModel> checked_model_;
  EvalSettings eval_;
  ResultsDb& db_;
  RunArtifacts& artifacts_;
  const std::atomic<bool>& stop_flag_;
  std::map<std::string, Random, std::less<>> streams_;
  Matrix heldout_;
  Matrix grid_latent_;  // the image grid's latents, fixed for the run; empty without a grid
  std::vector<MetricPoint> pending_metrics_;
  std::map<std::string, std::vector<std::pair<long long, double>>> curves_;
  long long last_step_ = 0;
  Phase phase_ = Phase::preparing;
  bool stepped_ = false;       // the trainer has logged or evaluated a step
  long long latest_step_ = 0;  // the step it logged or evaluated last
  std::string failure_;        // the first boundary failure, once the run has failed
  std::string pending_;        // the first non-finite value of training not yet reported
};

}  // namespace gantry
