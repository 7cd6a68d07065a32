// The checking decorators of the plugin boundary: the data and model plugins as the trainer
// and the evaluation see them (see run_session.hpp). Included by run_session.cpp only: they are
// RunSession's nested classes and use its failure handling.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "gantry/run/boundary_text.hpp"
#include "gantry/run/run_session.hpp"

namespace gantry {

// The data plugin as the trainer and the evaluation see it.
class RunSession::CheckedData final : public DataSource {
 public:
  CheckedData(RunSession& session, DataSource& plugin) : session_(session), plugin_(plugin) {}

  // As reported when the plugin was created: every check of the run uses this one value.
  int dimensions() const override { return session_.plugins_.data_dimensions; }
  std::optional<ImageShape> image_shape() const override { return session_.plugins_.image_shape; }

  Matrix sample(int rows, Random& random) const override {
    Matrix real = session_.guarded(session_.data_label_, "sample()",
                                   [&] { return plugin_.sample(rows, random); });
    if (real.rows() != rows || real.cols() != dimensions()) {
      session_.fail(session_.data_label_ + " returned " + a_matrix(real) + " from sample(" +
                    std::to_string(rows) + "); expected " + shape(rows, dimensions()) +
                    " (its dimensions() is " + std::to_string(dimensions()) + ") " +
                    session_.where());
    }
    std::string bad = first_non_finite(real);
    if (!bad.empty()) {
      session_.non_finite(session_.data_label_ + " returned " + bad + " from sample() " +
                          session_.where());
    }
    return real;
  }

  std::vector<Score> score(const Matrix& generated, const Matrix& real) const override {
    return session_.guarded(session_.data_label_, "score()",
                            [&] { return plugin_.score(generated, real); });
  }

 private:
  RunSession& session_;
  DataSource& plugin_;
};

// The model plugin as the trainer and the evaluation see it. A wrong shape a trainer passes in
// is the trainer's mistake and is named so; it is refused before the model can read past a
// matrix.
class RunSession::CheckedModel final : public GanModel {
 public:
  CheckedModel(RunSession& session, GanModel& plugin) : session_(session), plugin_(plugin) {}

  int latent_dimensions() const override { return session_.plugins_.latent_dimensions; }

  Matrix sample_latent(int rows, Random& random) const override {
    Matrix latent = session_.guarded(session_.model_label_, "sample_latent()",
                                     [&] { return plugin_.sample_latent(rows, random); });
    if (latent.rows() != rows || latent.cols() != latent_dimensions()) {
      session_.fail(session_.model_label_ + " returned " + a_matrix(latent) +
                    " from sample_latent(" + std::to_string(rows) + "); expected " +
                    shape(rows, latent_dimensions()) + " (its latent_dimensions() is " +
                    std::to_string(latent_dimensions()) + ") " + session_.where());
    }
    check_finite(latent, "sample_latent()");
    return latent;
  }

  Matrix generate(const Matrix& latent) override {
    check_input(latent, latent_dimensions(), "latent", "generate()");
    Matrix generated = session_.guarded(session_.model_label_, "generate()",
                                        [&] { return plugin_.generate(latent); });
    int columns = session_.plugins_.data_dimensions;
    if (generated.rows() != latent.rows() || generated.cols() != columns) {
      session_.fail(session_.model_label_ + " returned " + a_matrix(generated) +
                    " from generate(); expected " + shape(latent.rows(), columns) + " (" +
                    std::to_string(latent.rows()) + " latent rows; data '" +
                    session_.plugins_.data_name + "' has " + std::to_string(columns) +
                    " columns) " + session_.where());
    }
    check_finite(generated, "generate()");
    return generated;
  }

  Matrix discriminate(const Matrix& samples) override {
    check_input(samples, session_.plugins_.data_dimensions, "sample", "discriminate()");
    Matrix probabilities = session_.guarded(session_.model_label_, "discriminate()",
                                            [&] { return plugin_.discriminate(samples); });
    if (probabilities.rows() != samples.rows() || probabilities.cols() != 1) {
      session_.fail(session_.model_label_ + " returned " + a_matrix(probabilities) +
                    " from discriminate(); expected " + shape(samples.rows(), 1) +
                    " (one probability per row) " + session_.where());
    }
    check_finite(probabilities, "discriminate()");
    return probabilities;
  }

  DiscriminatorStep discriminator_step(const Matrix& real, const Matrix& fake) override {
    check_input(real, session_.plugins_.data_dimensions, "real", "discriminator_step()");
    check_input(fake, session_.plugins_.data_dimensions, "fake", "discriminator_step()");
    DiscriminatorStep step = session_.guarded(session_.model_label_, "discriminator_step()", [&] {
      return plugin_.discriminator_step(real, fake);
    });
    check_finite(step.loss_real, "loss_real", "discriminator_step()");
    check_finite(step.loss_fake, "loss_fake", "discriminator_step()");
    check_finite(step.accuracy_real, "accuracy_real", "discriminator_step()");
    check_finite(step.accuracy_fake, "accuracy_fake", "discriminator_step()");
    return step;
  }

  double generator_step(const Matrix& latent) override {
    check_input(latent, latent_dimensions(), "latent", "generator_step()");
    double loss = session_.guarded(session_.model_label_, "generator_step()",
                                   [&] { return plugin_.generator_step(latent); });
    check_finite(loss, "its loss", "generator_step()");
    return loss;
  }

 private:
  // A matrix handed to the model by the trainer. An empty part (no rows) may have any width.
  void check_input(const Matrix& input, int columns, const char* what, const char* call) const {
    if (input.cols() == columns || input.rows() == 0) return;
    session_.fail(session_.trainer_label_ + " passed " + a_shape(input.rows(), input.cols()) + " " +
                  what + " matrix to " + call + " of " + session_.model_label_ +
                  "; its rows must have " + std::to_string(columns) + " columns " +
                  session_.where());
  }

  void check_finite(const Matrix& output, const char* call) const {
    std::string bad = first_non_finite(output);
    if (!bad.empty()) {
      session_.non_finite(session_.model_label_ + " returned " + bad + " from " + call + " " +
                          session_.where());
    }
  }

  void check_finite(double value, const char* field, const char* call) const {
    if (std::isfinite(value)) return;
    session_.non_finite(session_.model_label_ + " returned " +
                        (std::isnan(value) ? "NaN" : "an infinite value") + " as " + field +
                        " from " + call + " " + session_.where());
  }

  RunSession& session_;
  GanModel& plugin_;
};

}  // namespace gantry
