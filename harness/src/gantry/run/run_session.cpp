#include "gantry/run/run_session.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <typeinfo>

#include "gantry/artifacts/layout.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/model_weights.hpp"
#include "gantry/run/boundary_text.hpp"
#include "gantry/run/standard_evaluation.hpp"

namespace gantry {

using Phase = PluginBoundary::Phase;

EvalSettings EvalSettings::from(const Options& eval, const Options& images,
                                const Options& resources) {
  return EvalSettings{static_cast<int>(eval.integer("heldout_rows")),
                      static_cast<int>(eval.integer("generated_rows")),
                      static_cast<int>(eval.integer("final_rows")),
                      static_cast<int>(eval.integer("energy_rows")),
                      eval.boolean("keep_samples"),
                      static_cast<int>(images.integer("grid")),
                      images.boolean("png"),
                      resources.real("metrics_write_seconds")};
}

RunSession::RunSession(std::int64_t run_id, std::uint64_t seed, const RunPlugins& plugins,
                       EvalSettings eval, CheckpointSettings checkpoints, ResultsDb& db,
                       RunArtifacts& artifacts, const std::atomic<bool>& stop_flag)
    : plugins_(plugins),
      boundary_(plugins),
      data_(boundary_, *plugins.data),
      model_(boundary_, *plugins.model),
      streams_(seed),
      metrics_(run_id, db, artifacts, eval.metrics_write_seconds),
      eval_(eval),
      artifacts_(artifacts),
      stop_flag_(stop_flag),
      checkpoints_(std::move(checkpoints)),
      checkpoint_clock_(checkpoints_),
      model_state_(dynamic_cast<Checkpointable*>(plugins.model.get())),
      trainer_state_(dynamic_cast<Checkpointable*>(plugins.trainer.get())) {}

void RunSession::record(long long step, const std::vector<Metric>& metrics) {
  for (const Metric& metric : metrics) metrics_.record(step, metric.key, metric.value);
}

void RunSession::reached(long long step) {
  last_step_ = std::max(last_step_, step);
  boundary_.reached(step);
}

void RunSession::log(long long step, const std::vector<Metric>& metrics) {
  if (stop_mid_step()) throw Interrupted();
  boundary_.rethrow_failure();
  last_step_ = std::max(last_step_, step);
  // Every value of the step is recorded before a divergence fails the run: the others show how.
  record(step, metrics);
  auto diverged = std::find_if(metrics.begin(), metrics.end(),
                               [](const Metric& metric) { return !std::isfinite(metric.value); });
  if (diverged != metrics.end()) {
    // A non-finite value a plugin returned earlier in the step is the likely cause.
    const std::string& cause = boundary_.pending();
    boundary_.fail("diverged: " + diverged->key + " is " +
                   (std::isnan(diverged->value) ? "NaN" : "infinite") + " at step " +
                   std::to_string(step) + (cause.empty() ? "" : "; cause: " + cause));
  }
  boundary_.raise_pending("when the trainer logged step " + std::to_string(step));
  reached(step);
}

// Shapes and values are checked by the decorators: rows x the data's columns, all finite.
Matrix RunSession::generated_rows(int rows, const std::string& stream) {
  return model_.generate(model_.sample_latent(rows, random(stream)));
}

void RunSession::prepare() {
  boundary_.enter(Phase::preparing);
  heldout_ = data_.sample(eval_.heldout_rows, random("heldout"));
  artifacts_.write_samples(layout::kHeldoutReal, heldout_);
  if (plugins_.image_shape && eval_.image_grid > 0) {
    // A stream of its own: the grid changes no other number of the run.
    grid_latent_ = model_.sample_latent(eval_.image_grid * eval_.image_grid, random("image_grid"));
  }
}

void RunSession::trainer_threw() {
  boundary_.raise_pending("when the trainer threw");
  try {
    throw;
  } catch (const std::exception& error) {
    boundary_.fail(boundary_.trainer_label() + " threw " + demangled(typeid(error).name()) +
                   " from train() " + boundary_.where() + ": " + error.what());
  } catch (...) {
    boundary_.fail(boundary_.trainer_label() + " threw an exception of type '" +
                   current_exception_type() + "', which is not a std::exception, from train() " +
                   boundary_.where());
  }
}

void RunSession::train() {
  boundary_.enter(Phase::training);
  try {
    plugins_.trainer->train(*this);
  } catch (const GantryError&) {
    // The harness's own: a boundary check, a divergence, an interrupt, the results store.
    throw;
  } catch (...) {
    trainer_threw();
  }
  boundary_.raise_pending("when training ended");
}

void RunSession::evaluate(long long step) {
  if (stop_mid_step()) throw Interrupted();
  boundary_.raise_pending("at the evaluation of step " + std::to_string(step));
  reached(step);
  boundary_.enter(Phase::evaluating);
  Matrix fake = generated_rows(eval_.generated_rows, "eval");
  Matrix on_real = model_.discriminate(heldout_);
  Matrix on_fake = model_.discriminate(fake);
  record(step, discriminator_metrics(on_real, on_fake));
  record(step, score_metrics(data_, fake, heldout_));
  record(step, {energy_metric(heldout_, fake, eval_.energy_rows)});
  if (eval_.keep_samples) artifacts_.write_samples(layout::evaluation(step), fake, step);
  if (grid_latent_.rows() > 0) {
    artifacts_.write_images(layout::evaluation(step), model_.generate(grid_latent_),
                            *plugins_.image_shape, step, eval_.image_grid, eval_.image_png);
  }
  metrics_.write_pending_if_due();
  boundary_.enter(Phase::training);
}

void RunSession::finish() {
  boundary_.raise_pending("when training ended");
  boundary_.enter(Phase::finishing);
  artifacts_.write_samples(layout::kFinal, generated_rows(eval_.final_rows, "final"), last_step_);
  keep_weights();
}

// The finished networks, for `gantry sample`; a model plugin of ABI 2 offers none.
void RunSession::keep_weights() {
  auto* weights = dynamic_cast<ModelWeights*>(plugins_.model.get());
  if (weights == nullptr) return;
  for (auto [network, name] : {std::pair{Network::generator, layout::kGenerator},
                               std::pair{Network::discriminator, layout::kDiscriminator}}) {
    std::vector<WeightTensor> tensors = boundary_.guarded(
        boundary_.model_label(), "weights()", [&] { return weights->weights(network); });
    artifacts_.write_weights(name, tensors);
  }
}

}  // namespace gantry
