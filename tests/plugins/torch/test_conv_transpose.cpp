// transposed_conv_same computed as a convolution equals torch's own ConvTranspose2d, values and
// gradients (the DCGAN's generator uses whichever is faster; both must be the same function).
#include "torch_catch.hpp"  // first: see there

#include <torch/csrc/autograd/autograd.h>

#include "torch-common/torch_random.hpp"
#include "torch-dcgan/dcgan_networks.hpp"

namespace dcgan = gantry::plugins::dcgan;

namespace {

double max_difference(const at::Tensor& a, const at::Tensor& b) {
  return (a - b).abs().max().item<double>();
}

}  // namespace

TEST_CASE("a 'same' transposed convolution as a flipped convolution equals ConvTranspose2d",
          "[torch_dcgan][conv_transpose]") {
  gantry::Random random(8);
  const int kernel_size = GENERATE(1, 3, 5);
  at::Tensor input = gantry::plugins::torch_backend::uniform_tensor({2, 6, 9, 7}, 1.0, random)
                         .requires_grad_(true);
  at::Tensor kernel =
      gantry::plugins::torch_backend::uniform_tensor({6, 4, kernel_size, kernel_size}, 0.5, random)
          .requires_grad_(true);
  at::Tensor bias =
      gantry::plugins::torch_backend::uniform_tensor({4}, 0.5, random).requires_grad_(true);
  at::Tensor weights = gantry::plugins::torch_backend::uniform_tensor({2, 4, 9, 7}, 1.0, random);

  at::Tensor rewritten = dcgan::transposed_conv_same(input, kernel, bias, true);
  at::Tensor native = dcgan::transposed_conv_same(input, kernel, bias, false);
  REQUIRE(rewritten.sizes() == at::IntArrayRef({2, 4, 9, 7}));
  REQUIRE(native.sizes() == rewritten.sizes());
  CHECK(max_difference(rewritten, native) < 1e-5);

  auto gradients = [&](const at::Tensor& output) {
    return torch::autograd::grad({(output * weights).sum()}, {input, kernel, bias});
  };
  std::vector<at::Tensor> by_convolution = gradients(rewritten);
  std::vector<at::Tensor> by_transpose = gradients(native);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("gradient " << i);
    CHECK(max_difference(by_convolution[i], by_transpose[i]) <
          1e-5 * (1.0 + by_transpose[i].abs().max().item<double>()));
  }
}
