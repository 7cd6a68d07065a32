// What `gantry sample` and checkpoints rely on, for any model plugin that offers ModelWeights and
// Checkpointable: a model created with another seed computes the same bits as a trained one once
// it has loaded its weights, and trains on exactly as the trained one does once it has restored
// its state; tensors of another shape and a cut state are refused.
#pragma once

#include <boost/random/uniform_real_distribution.hpp>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "gantry/matrix.hpp"
#include "gantry/model_weights.hpp"
#include "gantry/random.hpp"

namespace gantry::testing {

template <typename Model>
void check_weights_round_trip(Model& trained, Model& fresh, int dimensions) {
  Random random = make_stream(7, "weights-check");
  for (int step = 0; step < 3; ++step) {
    Matrix real = Matrix::Random(8, dimensions);
    trained.discriminator_step(real, trained.generate(trained.sample_latent(8, random)));
    trained.generator_step(trained.sample_latent(8, random));
  }
  const Matrix latent = trained.sample_latent(16, random);
  const Matrix generated = trained.generate(latent);
  REQUIRE_FALSE(fresh.generate(latent) == generated);  // another seed: other weights
  for (Network network : {Network::generator, Network::discriminator}) {
    fresh.load_weights(network, trained.weights(network));
  }
  CHECK(fresh.generate(latent) == generated);
  CHECK(fresh.discriminate(generated) == trained.discriminate(generated));

  std::vector<WeightTensor> wrong = trained.weights(Network::generator);
  wrong.front().shape.push_back(1);
  CHECK_THROWS_AS(fresh.load_weights(Network::generator, wrong), std::invalid_argument);
  wrong.erase(wrong.begin());
  CHECK_THROWS_AS(fresh.load_weights(Network::generator, wrong), std::invalid_argument);
}

// A few training steps on real rows and latents drawn from `random`.
template <typename Model>
void train_steps(Model& model, Random& random, int dimensions, int steps) {
  boost::random::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  for (int step = 0; step < steps; ++step) {
    Matrix real(8, dimensions);
    for (Eigen::Index i = 0; i < real.size(); ++i) real.data()[i] = uniform(random);
    model.discriminator_step(real, model.generate(model.sample_latent(8, random)));
    model.generator_step(model.sample_latent(8, random));
  }
}

template <typename Model>
void check_state_round_trip(Model& trained, Model& fresh, int dimensions) {
  Random random = make_stream(11, "state-check");
  train_steps(trained, random, dimensions, 2);
  const std::string state = trained.save_state();
  Random same = random;  // both go on with the same draws
  train_steps(trained, random, dimensions, 3);
  fresh.restore_state(state);
  train_steps(fresh, same, dimensions, 3);
  const Matrix latent = trained.sample_latent(16, random);
  const Matrix generated = trained.generate(latent);
  CHECK(fresh.generate(latent) == generated);
  CHECK(fresh.discriminate(generated) == trained.discriminate(generated));
  CHECK_THROWS_AS(fresh.restore_state(state.substr(0, state.size() / 2)), std::invalid_argument);
}

}  // namespace gantry::testing
