// Benchmarks of the x2 experiment on the Eigen backend, loaded exactly as `gantry run` loads it
// (experiments/x2.ini resolved against the bundled plugins):
//   BM_X2TrainingIteration: the alternating trainer's epochs alone (no evaluation, no storage);
//                           reports microseconds per iteration.
//   BM_X2Run/L:             a whole recorded run of 10,000 epochs (evaluation every 2,000,
//                           SQLite and HDF5 included) logging every L-th step: 10 as x2.ini,
//                           1 (every step) and 10,000 (only the last: logging nothing else).
//   BM_TanhRun/L:           the same for experiments/tanh.ini, which logs every step.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "bare_session.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/run/run_executor.hpp"
#include "gantry/store/results_db.hpp"

namespace {

using gantry::bench::BareSession;
using gantry::bench::bundled_catalog;
using gantry::bench::source_dir;

gantry::ResolvedExperiment x2_experiment(long long epochs, long long eval_every,
                                         long long log_every = 10) {
  gantry::RawSettings raw =
      gantry::read_experiment_file((source_dir() / "experiments" / "x2.ini").string());
  raw.set("trainer.epochs", std::to_string(epochs));
  raw.set("trainer.eval_every", std::to_string(eval_every));
  raw.set("trainer.log_every", std::to_string(log_every));
  return gantry::resolve_experiment(raw, bundled_catalog());
}

void BM_X2TrainingIteration(benchmark::State& state) {
  const long long epochs = state.range(0);
  gantry::ResolvedExperiment experiment = x2_experiment(epochs, epochs);
  gantry::Options data_options = experiment.section("data");
  gantry::Options model_options = experiment.section("model");
  gantry::Options trainer_options = experiment.section("trainer");
  auto data = bundled_catalog().create_data("x2", {data_options, 0, 1});
  auto trainer = bundled_catalog().create_trainer("alternating", {trainer_options, 0, 1});
  double trained_seconds = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    auto model =
        bundled_catalog().create_model("eigen-mlp", {model_options, data->dimensions(), 1});
    BareSession session(*data, *model);
    state.ResumeTiming();
    auto started = std::chrono::steady_clock::now();
    trainer->train(session);
    trained_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  state.counters["us_per_iteration"] =
      1e6 * trained_seconds / (static_cast<double>(epochs) * state.iterations());
}
BENCHMARK(BM_X2TrainingIteration)->Arg(10000)->Unit(benchmark::kMillisecond);

// Runs `experiment` to the end, recorded, once per benchmark iteration with a new seed.
void run_recorded(benchmark::State& state, const gantry::ResolvedExperiment& experiment) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("gantry-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  {
    gantry::ResultsDb db((dir / "bench.sqlite").string());
    gantry::RunStore store{db, dir / "artifacts", dir};
    std::int64_t sweep_id = db.ensure_sweep("bench", "bench.ini", "bench_x2");
    std::atomic<bool> stop{false};
    std::int64_t seed = 0;
    for (auto _ : state) {
      ++seed;
      gantry::PlannedRun run{sweep_id, "bench", experiment, seed, experiment.identity(seed)};
      gantry::RunOutcome outcome = gantry::execute_run(run, store, bundled_catalog(), {}, stop);
      if (outcome.status != gantry::RunStatus::finished) {
        state.SkipWithError(outcome.error.c_str());
      }
    }
  }
  std::filesystem::remove_all(dir);
}

void BM_X2Run(benchmark::State& state) {
  run_recorded(state, x2_experiment(10000, 2000, state.range(0)));
}
BENCHMARK(BM_X2Run)->Arg(10)->Arg(1)->Arg(10000)->Unit(benchmark::kMillisecond);

// experiments/tanh.ini (1,500 epochs of batch 1,000, K = 3, evaluation every 10) logging every
// L-th step: 1 as tanh.ini, and 1,500 (only the last).
void BM_TanhRun(benchmark::State& state) {
  gantry::RawSettings raw =
      gantry::read_experiment_file((source_dir() / "experiments" / "tanh.ini").string());
  raw.set("trainer.log_every", std::to_string(state.range(0)));
  run_recorded(state, gantry::resolve_experiment(raw, bundled_catalog()));
}
BENCHMARK(BM_TanhRun)->Arg(1)->Arg(1500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
