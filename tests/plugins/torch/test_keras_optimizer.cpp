// KerasOptimizer's one-pass Adam gives the same bits as the tensor expression it replaced
// (m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= step m / (sqrt(v) + eps)), on one
// thread and on several, over several steps; and it refuses gradients that do not fit.
#include "torch_catch.hpp"  // first: see there

#include <ATen/Parallel.h>

#include "torch-common/keras_optimizer.hpp"
#include "torch-common/torch_random.hpp"

namespace tb = gantry::plugins::torch_backend;
using gantry::plugins::OptimizerKind;
using gantry::plugins::OptimizerSettings;

namespace {

OptimizerSettings adam() {
  OptimizerSettings settings;
  settings.kind = OptimizerKind::adam;
  settings.learning_rate = 2e-4;
  settings.beta1 = 0.5;
  settings.beta2 = 0.999;
  settings.epsilon = 1e-7;
  return settings;
}

// The update as tensor operations, exactly as KerasOptimizer::step computed it before.
struct TensorAdam {
  std::vector<at::Tensor> parameters, first, second;
  long long iterations = 0;

  void step(const OptimizerSettings& settings, const std::vector<at::Tensor>& gradients) {
    const auto c = gantry::plugins::keras_adam_step<float>(settings, ++iterations);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      const at::Tensor& g = gradients[i];
      first[i].mul_(c.beta1).add_(g * c.one_minus_beta1);
      second[i].mul_(c.beta2).add_(g.square() * c.one_minus_beta2);
      parameters[i].sub_(first[i] * c.step_size / (second[i].sqrt() + c.epsilon));
    }
  }
};

bool same_bits(const at::Tensor& a, const at::Tensor& b) {
  return a.sizes() == b.sizes() && at::equal(a.view(at::kInt), b.view(at::kInt));
}

}  // namespace

TEST_CASE("the one-pass Adam step equals the tensor expression bit for bit", "[torch][optimizer]") {
  const int threads = GENERATE(1, 2);
  at::set_num_threads(threads);
  gantry::Random random(11);
  // Large enough for several parallel tasks, with an odd tail for the vector loop.
  const std::vector<std::vector<std::int64_t>> shapes = {{100, 1003}, {7}, {64, 32, 3, 3}};
  std::vector<at::Tensor> mine, reference;
  for (const auto& shape : shapes) {
    at::Tensor parameter = tb::uniform_tensor(shape, 0.3, random);
    mine.push_back(parameter.clone());
    reference.push_back(parameter.clone());
  }
  tb::KerasOptimizer optimizer(adam(), mine);
  TensorAdam expected{reference, {}, {}};
  for (const at::Tensor& parameter : reference) {
    expected.first.push_back(at::zeros_like(parameter));
    expected.second.push_back(at::zeros_like(parameter));
  }
  for (int step = 0; step < 5; ++step) {
    std::vector<at::Tensor> gradients;
    for (const auto& shape : shapes) {
      at::Tensor g = tb::uniform_tensor(shape, step == 2 ? 1e-6 : 2.0, random);
      if (step == 3) g.view({-1}).narrow(0, 0, 3).fill_(0.0f);  // zero gradients too
      gradients.push_back(g);
    }
    optimizer.step(gradients);
    expected.step(adam(), gradients);
  }
  CHECK(optimizer.iterations() == 5);
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    CHECK(same_bits(mine[i], reference[i]));
    CHECK_FALSE(same_bits(mine[i], tb::uniform_tensor(shapes[i], 0.3, random)));
  }
  at::set_num_threads(1);
}

TEST_CASE("the Adam step refuses gradients of another shape", "[torch][optimizer]") {
  tb::KerasOptimizer optimizer(adam(), {at::zeros({4, 3})});
  CHECK_THROWS_AS(optimizer.step({at::zeros({3, 4})}), std::invalid_argument);
  CHECK_THROWS_AS(optimizer.step({at::zeros({4, 3}, at::kDouble)}), std::invalid_argument);
  CHECK_THROWS_AS(optimizer.step({}), std::invalid_argument);
  CHECK_THROWS_AS(tb::KerasOptimizer(adam(), {at::zeros({4, 3}).t()}), std::invalid_argument);
}
