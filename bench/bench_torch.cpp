// Benchmarks of the torch backend (bench/torch.sh runs them):
//   BM_X2Iteration/<0 eigen-mlp, 1 torch-mlp>: microseconds per training iteration of
//       experiments/x2.ini through the real plugins, as bench_x2 measures eigen-mlp.
//   BM_DcganIteration/<threads>/<transposed by convolution>: milliseconds per iteration of the
//       MNIST DCGAN notebook at batch 32, defined as the notebook's loop body: G generates 32
//       images, D trains on 32 real then on 32 generated images (two train_on_batch calls),
//       G trains on 32 latent rows through D.
//   BM_TransposedConvolution/<by convolution>: forward and backward of G's first transposed
//       convolution (128 -> 128 channels, 28 x 28, batch 32), native or rewritten.
// Prints which BLAS library LibTorch's dense algebra went to.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <torch/csrc/autograd/autograd.h>

#include "bare_session.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "torch-common/thread_setting.hpp"
#include "torch-common/torch_random.hpp"
#include "torch-dcgan/torch_dcgan_model.hpp"

namespace {

using gantry::bench::BareSession;
using gantry::bench::bundled_catalog;
using gantry::bench::source_dir;

void BM_X2Iteration(benchmark::State& state) {
  const char* backend = state.range(0) == 0 ? "eigen-mlp" : "torch-mlp";
  const long long epochs = state.range(0) == 0 ? 10000 : 2000;
  gantry::RawSettings raw =
      gantry::read_experiment_file((source_dir() / "experiments" / "x2.ini").string());
  raw.set("model.plugin", backend);
  raw.set("trainer.epochs", std::to_string(epochs));
  raw.set("trainer.eval_every", std::to_string(epochs));
  gantry::ResolvedExperiment experiment = gantry::resolve_experiment(raw, bundled_catalog());
  gantry::Options data_options = experiment.section("data");
  gantry::Options model_options = experiment.section("model");
  gantry::Options trainer_options = experiment.section("trainer");
  auto data = bundled_catalog().create_data("x2", {data_options, 0, 1});
  auto trainer = bundled_catalog().create_trainer("alternating", {trainer_options, 0, 1});
  double seconds = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    auto model = bundled_catalog().create_model(backend, {model_options, data->dimensions(), 1, 1});
    BareSession session(*data, *model);
    state.ResumeTiming();
    auto started = std::chrono::steady_clock::now();
    trainer->train(session);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  state.SetLabel(backend);
  state.counters["us_per_iteration"] =
      1e6 * seconds / (static_cast<double>(epochs) * state.iterations());
}
BENCHMARK(BM_X2Iteration)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

gantry::plugins::DcganConfig notebook_dcgan(bool by_convolution) {
  std::map<std::string, std::string> values;
  for (const gantry::OptionSpec& spec : gantry::plugins::kDcganOptions) {
    values[spec.name] = spec.default_value;
  }
  gantry::plugins::DcganConfig config =
      gantry::plugins::read_dcgan_config(gantry::Options(values), 784);
  config.transposed_by_convolution = by_convolution;
  return config;
}

void BM_DcganIteration(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  gantry::plugins::TorchDcganModel model(notebook_dcgan(state.range(1) != 0), 1, threads);
  gantry::Random random(3);
  const gantry::Matrix real = gantry::Matrix::Random(32, 784);
  const gantry::Matrix no_rows(0, 784);
  for (auto _ : state) {
    gantry::Matrix fake = model.generate(model.sample_latent(32, random));
    benchmark::DoNotOptimize(model.discriminator_step(real, no_rows));
    benchmark::DoNotOptimize(model.discriminator_step(no_rows, fake));
    benchmark::DoNotOptimize(model.generator_step(model.sample_latent(32, random)));
  }
  state.SetLabel(std::to_string(threads) + " thread(s), transposed convolution " +
                 (state.range(1) != 0 ? "rewritten" : "native"));
}

void BM_TransposedConvolution(benchmark::State& state) {
  gantry::plugins::torch_backend::use_threads(1);
  gantry::Random random(4);
  at::Tensor input = gantry::plugins::torch_backend::uniform_tensor({32, 128, 28, 28}, 1.0, random)
                         .requires_grad_(true);
  at::Tensor kernel = gantry::plugins::torch_backend::uniform_tensor({128, 128, 3, 3}, 0.05, random)
                          .requires_grad_(true);
  at::Tensor bias = at::zeros({128}).requires_grad_(true);
  for (auto _ : state) {
    at::Tensor output =
        gantry::plugins::dcgan::transposed_conv_same(input, kernel, bias, state.range(0) != 0);
    benchmark::DoNotOptimize(torch::autograd::grad({output.sum()}, {input, kernel, bias}));
  }
  state.SetLabel(state.range(0) != 0 ? "as a convolution" : "native ConvTranspose2d");
}
BENCHMARK(BM_TransposedConvolution)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int by_convolution : {1, 0}) {
    for (int threads : {1, cores}) {
      benchmark::RegisterBenchmark("BM_DcganIteration", BM_DcganIteration)
          ->Args({threads, by_convolution})
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
      if (cores == 1) break;
    }
  }
  gantry::plugins::torch_backend::use_threads(1);
  std::cout << "BLAS (sgemm_): " << gantry::plugins::torch_backend::blas_library() << "\n";
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
