// Where the time of a short `gantry run experiments/fashion_mnist.ini` goes, phase by phase,
// with the plugins created and called as the harness does (bench/dcgan_overhead.sh prints it):
// the plan's check creates every plugin once (sweep_plan.cpp), the run creates them again
// (run_executor.cpp), prepare draws the held-out rows, the trainer trains, every evaluation
// generates and scores (run_session.cpp), and finish generates the final rows.
//   bench_dcgan_phases [--epochs N=20] [--threads N=1] [--repeat N=1]
// With --repeat N the plugin creations are timed N times, as a sweep of N runs creates them.
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <string>

#include "bare_session.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/run/energy_distance.hpp"

namespace {

using gantry::bench::source_dir;

struct Settings {
  long long epochs = 20;
  int threads = 1;
  int repeat = 1;
};

Settings read_settings(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i + 1 < argc; i += 2) {
    const long long value = std::atoll(argv[i + 1]);
    if (std::strcmp(argv[i], "--epochs") == 0) settings.epochs = value;
    if (std::strcmp(argv[i], "--threads") == 0) settings.threads = static_cast<int>(value);
    if (std::strcmp(argv[i], "--repeat") == 0) settings.repeat = static_cast<int>(value);
  }
  return settings;
}

// Runs `phase` and prints its wall time; returns the seconds.
double timed(const std::string& name, const std::function<void()>& phase) {
  const auto started = std::chrono::steady_clock::now();
  phase();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << std::left << std::setw(44) << name << std::right << std::fixed
            << std::setprecision(3) << std::setw(8) << seconds << " s\n";
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const Settings settings = read_settings(argc, argv);
  const gantry::PluginCatalog catalog(gantry::PluginCatalog::search_path({}));
  gantry::RawSettings raw =
      gantry::read_experiment_file((source_dir() / "experiments" / "fashion_mnist.ini").string());
  raw.set("trainer.epochs", std::to_string(settings.epochs));
  const gantry::ResolvedExperiment experiment = gantry::resolve_experiment(raw, catalog);
  const gantry::Options data_options = experiment.section("data");
  const gantry::Options model_options = experiment.section("model");
  const gantry::Options trainer_options = experiment.section("trainer");
  const gantry::Options eval = experiment.section("eval");
  const int threads = settings.threads;

  double outside = 0.0;
  std::shared_ptr<gantry::DataSource> data;
  std::shared_ptr<gantry::GanModel> model;
  std::shared_ptr<gantry::Trainer> trainer;
  for (int creation = 0; creation <= settings.repeat; ++creation) {
    const std::string when = creation == 0 ? "plan check: " : "run: ";
    outside += timed(when + "create the data plugin", [&] {
      data = catalog.create_data("mnist", {data_options, 0, 0, threads});
    });
    outside += timed(when + "create the model plugin", [&] {
      model = catalog.create_model("torch-dcgan", {model_options, data->dimensions(), 1, threads});
    });
    outside += timed(when + "create the trainer plugin", [&] {
      trainer = catalog.create_trainer("alternating", {trainer_options, 0, 1, threads});
    });
  }
  gantry::Random heldout_stream(5), eval_stream(6), final_stream(7);
  gantry::Matrix heldout, fake;
  const int heldout_rows = static_cast<int>(eval.integer("heldout_rows"));
  const int generated_rows = static_cast<int>(eval.integer("generated_rows"));
  const int final_rows = static_cast<int>(eval.integer("final_rows"));
  outside += timed("prepare: sample the held-out rows",
                   [&] { heldout = data->sample(heldout_rows, heldout_stream); });
  gantry::bench::BareSession session(*data, *model);
  const double training = timed("train " + std::to_string(settings.epochs) + " iterations",
                                [&] { trainer->train(session); });
  outside += timed("evaluate: generate", [&] {
    fake = model->generate(model->sample_latent(generated_rows, eval_stream));
  });
  outside += timed("evaluate: discriminate held-out and generated", [&] {
    model->discriminate(heldout);
    model->discriminate(fake);
  });
  outside += timed("evaluate: the data plugin's scores", [&] { data->score(fake, heldout); });
  outside += timed("evaluate: energy distance",
                   [&] { gantry::energy_distance(heldout, fake.topRows(heldout.rows())); });
  outside += timed("evaluate: generate the image grid",
                   [&] { model->generate(model->sample_latent(25, eval_stream)); });
  outside += timed("finish: generate the final rows",
                   [&] { model->generate(model->sample_latent(final_rows, final_stream)); });
  std::cout << "training " << std::setprecision(3) << training << " s, "
            << 1000.0 * training / static_cast<double>(std::max(1LL, settings.epochs))
            << " ms per iteration; outside training " << outside << " s\n";
  return 0;
}
