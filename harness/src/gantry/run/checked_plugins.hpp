// The checking decorators of the plugin boundary: the data and model plugins as the trainer
// and the evaluation see them. Every call is forwarded and what crosses is checked (matrix
// shapes against the declared dimensions, finite values, finite losses); an exception of any
// type from plugin code becomes a RunError naming the plugin, the call and the step
// (plugin_boundary.hpp).
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/run/boundary_text.hpp"
#include "gantry/run/plugin_boundary.hpp"

namespace gantry {

// The data plugin as the trainer and the evaluation see it.
class CheckedData final : public DataSource {
 public:
  CheckedData(PluginBoundary& boundary, DataSource& plugin)
      : boundary_(boundary), plugin_(plugin) {}

  // As reported when the plugin was created: every check of the run uses this one value.
  int dimensions() const override { return boundary_.plugins().data_dimensions; }
  std::optional<ImageShape> image_shape() const override { return boundary_.plugins().image_shape; }

  Matrix sample(int rows, Random& random) const override {
    Matrix real = boundary_.guarded(boundary_.data_label(), "sample()",
                                    [&] { return plugin_.sample(rows, random); });
    if (real.rows() != rows || real.cols() != dimensions()) {
      boundary_.fail(boundary_.data_label() + " returned " + a_matrix(real) + " from sample(" +
                     std::to_string(rows) + "); expected " + shape(rows, dimensions()) +
                     " (its dimensions() is " + std::to_string(dimensions()) + ") " +
                     boundary_.where());
    }
    std::string bad = first_non_finite(real);
    if (!bad.empty()) {
      boundary_.non_finite(boundary_.data_label() + " returned " + bad + " from sample() " +
                           boundary_.where());
    }
    return real;
  }

  std::vector<Score> score(const Matrix& generated, const Matrix& real) const override {
    return boundary_.guarded(boundary_.data_label(), "score()",
                             [&] { return plugin_.score(generated, real); });
  }

 private:
  PluginBoundary& boundary_;
  DataSource& plugin_;
};

// The model plugin as the trainer and the evaluation see it. A wrong shape a trainer passes in
// is the trainer's mistake and is named so; it is refused before the model can read past a
// matrix.
class CheckedModel final : public GanModel {
 public:
  CheckedModel(PluginBoundary& boundary, GanModel& plugin) : boundary_(boundary), plugin_(plugin) {}

  int latent_dimensions() const override { return boundary_.plugins().latent_dimensions; }

  Matrix sample_latent(int rows, Random& random) const override {
    Matrix latent = boundary_.guarded(boundary_.model_label(), "sample_latent()",
                                      [&] { return plugin_.sample_latent(rows, random); });
    if (latent.rows() != rows || latent.cols() != latent_dimensions()) {
      boundary_.fail(boundary_.model_label() + " returned " + a_matrix(latent) +
                     " from sample_latent(" + std::to_string(rows) + "); expected " +
                     shape(rows, latent_dimensions()) + " (its latent_dimensions() is " +
                     std::to_string(latent_dimensions()) + ") " + boundary_.where());
    }
    check_finite(latent, "sample_latent()");
    return latent;
  }

  Matrix generate(const Matrix& latent) override {
    check_input(latent, latent_dimensions(), "latent", "generate()");
    Matrix generated = boundary_.guarded(boundary_.model_label(), "generate()",
                                         [&] { return plugin_.generate(latent); });
    int columns = boundary_.plugins().data_dimensions;
    if (generated.rows() != latent.rows() || generated.cols() != columns) {
      boundary_.fail(boundary_.model_label() + " returned " + a_matrix(generated) +
                     " from generate(); expected " + shape(latent.rows(), columns) + " (" +
                     std::to_string(latent.rows()) + " latent rows; data '" +
                     boundary_.plugins().data_name + "' has " + std::to_string(columns) +
                     " columns) " + boundary_.where());
    }
    check_finite(generated, "generate()");
    return generated;
  }

  Matrix discriminate(const Matrix& samples) override {
    check_input(samples, boundary_.plugins().data_dimensions, "sample", "discriminate()");
    Matrix probabilities = boundary_.guarded(boundary_.model_label(), "discriminate()",
                                             [&] { return plugin_.discriminate(samples); });
    if (probabilities.rows() != samples.rows() || probabilities.cols() != 1) {
      boundary_.fail(boundary_.model_label() + " returned " + a_matrix(probabilities) +
                     " from discriminate(); expected " + shape(samples.rows(), 1) +
                     " (one probability per row) " + boundary_.where());
    }
    check_finite(probabilities, "discriminate()");
    return probabilities;
  }

  DiscriminatorStep discriminator_step(const Matrix& real, const Matrix& fake) override {
    check_input(real, boundary_.plugins().data_dimensions, "real", "discriminator_step()");
    check_input(fake, boundary_.plugins().data_dimensions, "fake", "discriminator_step()");
    DiscriminatorStep step =
        boundary_.guarded(boundary_.model_label(), "discriminator_step()",
                          [&] { return plugin_.discriminator_step(real, fake); });
    check_finite(step.loss_real, "loss_real", "discriminator_step()");
    check_finite(step.loss_fake, "loss_fake", "discriminator_step()");
    check_finite(step.accuracy_real, "accuracy_real", "discriminator_step()");
    check_finite(step.accuracy_fake, "accuracy_fake", "discriminator_step()");
    return step;
  }

  double generator_step(const Matrix& latent) override {
    check_input(latent, latent_dimensions(), "latent", "generator_step()");
    double loss = boundary_.guarded(boundary_.model_label(), "generator_step()",
                                    [&] { return plugin_.generator_step(latent); });
    check_finite(loss, "its loss", "generator_step()");
    return loss;
  }

 private:
  // A matrix handed to the model by the trainer. An empty part (no rows) may have any width.
  void check_input(const Matrix& input, int columns, const char* what, const char* call) const {
    if (input.cols() == columns || input.rows() == 0) return;
    boundary_.fail(boundary_.trainer_label() + " passed " + a_shape(input.rows(), input.cols()) +
                   " " + what + " matrix to " + call + " of " + boundary_.model_label() +
                   "; its rows must have " + std::to_string(columns) + " columns " +
                   boundary_.where());
  }

  void check_finite(const Matrix& output, const char* call) const {
    std::string bad = first_non_finite(output);
    if (!bad.empty()) {
      boundary_.non_finite(boundary_.model_label() + " returned " + bad + " from " + call + " " +
                           boundary_.where());
    }
  }

  void check_finite(double value, const char* field, const char* call) const {
    if (std::isfinite(value)) return;
    boundary_.non_finite(boundary_.model_label() + " returned " +
                         (std::isnan(value) ? "NaN" : "an infinite value") + " as " + field +
                         " from " + call + " " + boundary_.where());
  }

  PluginBoundary& boundary_;
  GanModel& plugin_;
};

}  // namespace gantry
