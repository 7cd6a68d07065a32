#include "eigen-mlp/eigen_mlp_model.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "eigen-mlp/mlp_weights.hpp"
#include "support/latent_draw.hpp"

namespace gantry::plugins {

namespace {

MlpConfig checked(MlpConfig config, int sample_dimensions) {
  check_mlp_config(config, sample_dimensions);
  return config;
}

void require_columns(const char* what, const Matrix& rows, int columns) {
  if (rows.rows() > 0 && rows.cols() != columns) {
    throw std::invalid_argument(std::string(what) + " has " + std::to_string(rows.cols()) +
                                " columns, expected " + std::to_string(columns));
  }
}

}  // namespace

EigenMlpModel::EigenMlpModel(const PluginArgs& args)
    : EigenMlpModel(read_mlp_config(args.options, args.sample_dimensions), args.sample_dimensions,
                    args.seed) {}

EigenMlpModel::EigenMlpModel(MlpConfig config, int sample_dimensions, std::uint64_t seed)
    : config_(checked(std::move(config), sample_dimensions)),
      generator_(config_.latent.dimensions, config_.generator_layers,
                 static_cast<float>(config_.leaky_relu_slope)),
      discriminator_(sample_dimensions, config_.discriminator_layers,
                     static_cast<float>(config_.leaky_relu_slope)) {
  Random init = make_stream(seed, "model.init");
  generator_.initialize(init);
  discriminator_.initialize(init);
  generator_optimizer_ =
      make_optimizer<float>(config_.generator_optimizer, generator_.parameters().size());
  discriminator_optimizer_ =
      make_optimizer<float>(config_.discriminator_optimizer, discriminator_.parameters().size());
  generator_gradient_.resize(generator_.parameters().size());
  discriminator_gradient_.resize(discriminator_.parameters().size());
}

Matrix EigenMlpModel::sample_latent(int rows, Random& random) const {
  return draw_latent(config_.latent, rows, random);
}

Matrix EigenMlpModel::generate(const Matrix& latent) {
  return generator_.forward(latent);
}

Matrix EigenMlpModel::discriminate(const Matrix& samples) {
  discriminator_.forward(samples);
  return discriminator_.output();
}

DiscriminatorStep EigenMlpModel::discriminator_step(const Matrix& real, const Matrix& fake) {
  const int columns = discriminator_.input_dimensions();
  require_columns("discriminator_step: the real batch", real, columns);
  require_columns("discriminator_step: the fake batch", fake, columns);
  const Eigen::Index rows = real.rows() + fake.rows();
  // No mean to minimise: no step, and the optimiser does not count one.
  if (rows == 0) return DiscriminatorStep{0.0, 0.0, 0.0, 0.0};

  auto batch = discriminator_batch_.reshape(rows, columns);
  if (real.rows() > 0) batch.topRows(real.rows()) = real;
  if (fake.rows() > 0) batch.bottomRows(fake.rows()) = fake;
  DiscriminatorStep step =
      gradients_.discriminator(discriminator_, batch, real.rows(), &discriminator_gradient_);
  discriminator_optimizer_->step(discriminator_.parameters(), discriminator_gradient_);
  return step;
}

double EigenMlpModel::generator_step(const Matrix& latent) {
  if (latent.rows() == 0) return 0.0;  // no mean to minimise: no step, as in discriminator_step
  if (latent.cols() != config_.latent.dimensions) {
    throw std::invalid_argument("generator_step: the latent batch has " +
                                std::to_string(latent.cols()) + " columns, expected " +
                                std::to_string(config_.latent.dimensions));
  }
  latent_batch_.assign(latent);
  double loss =
      gradients_.generator(generator_, discriminator_, latent_batch_.view(), &generator_gradient_);
  generator_optimizer_->step(generator_.parameters(), generator_gradient_);
  return loss;
}

std::vector<WeightTensor> EigenMlpModel::weights(gantry::Network network) const {
  return mlp_weights(network == gantry::Network::generator ? generator_ : discriminator_);
}

void EigenMlpModel::load_weights(gantry::Network network,
                                 const std::vector<WeightTensor>& tensors) {
  load_mlp_weights(network == gantry::Network::generator ? generator_ : discriminator_, tensors);
}

std::string EigenMlpModel::save_state() const {
  StateWriter out;
  for (const Network* network : {&generator_, &discriminator_}) {
    const auto& parameters = network->parameters();
    out.array(parameters.data(), static_cast<std::size_t>(parameters.size()));
  }
  generator_optimizer_->save(out);
  discriminator_optimizer_->save(out);
  return out.bytes();
}

void EigenMlpModel::restore_state(const std::string& state) {
  StateReader in(state);
  for (Network* network : {&generator_, &discriminator_}) {
    auto& parameters = network->parameters();
    in.array(parameters.data(), static_cast<std::size_t>(parameters.size()));
  }
  generator_optimizer_->restore(in);
  discriminator_optimizer_->restore(in);
  if (!in.at_end()) throw std::invalid_argument("saved state is longer than this model's");
}

}  // namespace gantry::plugins
