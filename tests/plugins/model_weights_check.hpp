// What `gantry sample` relies on, for any model plugin that offers ModelWeights: a model created
// with another seed computes the same bits as a trained one once it has loaded its weights, and
// refuses tensors of another shape.
#pragma once

#include <catch2/catch.hpp>
#include <stdexcept>

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

}  // namespace gantry::testing
