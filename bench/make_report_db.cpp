// Writes a synthetic results database for benchmarking `gantry report`: RUNS runs (five K
// groups over RUNS / 5 seeds), each with STEPS logged steps of five metrics (three losses and
// D's accuracies, logged and evaluated every step) and their summaries, through the same
// ResultsDb the harness writes with. The numbers are made up but deterministic.
//
//   make_report_db OUT.sqlite [RUNS=200] [STEPS=10000]
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "gantry/base/errors.hpp"
#include "gantry/store/results_db.hpp"

namespace {

constexpr int kGroups = 5;

long long argument(char** argv, int argc, int index, long long fallback) {
  if (index >= argc) return fallback;
  char* end = nullptr;
  long long value = std::strtoll(argv[index], &end, 10);
  if (*end != '\0' || value < 1) {
    throw gantry::ConfigError(std::string("expected a positive integer, got '") + argv[index] +
                              "'");
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) {
      std::cerr << "usage: make_report_db OUT.sqlite [RUNS=200] [STEPS=10000]\n";
      return 2;
    }
    const std::string path = argv[1];
    const long long runs = argument(argv, argc, 2, 200);
    const long long steps = argument(argv, argc, 3, 10000);
    if (std::filesystem::exists(path)) {
      std::cerr << "make_report_db: '" << path << "' exists; remove it first\n";
      return 1;
    }
    gantry::ResultsDb db(path);
    std::int64_t sweep = db.ensure_sweep("bench", "synthetic", "make_report_db");
    std::mt19937_64 engine(20261123);
    std::normal_distribution<double> noise(0.0, 0.05);
    for (long long run = 0; run < runs; ++run) {
      const int k = static_cast<int>(run % kGroups) + 1;
      const long long seed = run / kGroups + 1;
      gantry::RunStart start{sweep,
                             seed,
                             "synthetic-" + std::to_string(run),
                             "[trainer]\nk = " + std::to_string(k) + "\n",
                             "trainer=synthetic@0",
                             {{"trainer.k", std::int64_t{k}}, {"trainer.epochs", steps}}};
      std::int64_t id = *db.begin_run(start, gantry::ResumePolicy{});
      // D grows stronger over training, faster for larger K, so some runs get overpowered.
      std::vector<gantry::MetricPoint> points;
      double accuracy_real = 0, accuracy_fake = 0, g_loss = 0;
      for (long long step = 1; step <= steps; ++step) {
        double strength = 0.5 + 0.45 * std::tanh(k * static_cast<double>(step) / steps);
        accuracy_real = std::clamp(strength + noise(engine), 0.0, 1.0);
        accuracy_fake = std::clamp(strength + noise(engine), 0.0, 1.0);
        g_loss = 0.7 + strength + noise(engine);
        points.push_back({"d_loss_real", step, 0.7 - 0.3 * strength + noise(engine)});
        points.push_back({"d_loss_fake", step, 0.7 - 0.3 * strength + noise(engine)});
        points.push_back({"g_loss", step, g_loss});
        points.push_back({"eval.d_acc_real", step, accuracy_real});
        points.push_back({"eval.d_acc_fake", step, accuracy_fake});
        if (points.size() >= 50000) {
          db.append_metrics(id, points);
          points.clear();
        }
      }
      db.append_metrics(id, points);
      db.end_run(id, gantry::RunEnd{gantry::RecordedStatus::finished,
                                    1.0,
                                    steps,
                                    "",
                                    {{"g_loss", g_loss},
                                     {"eval.d_acc_real", accuracy_real},
                                     {"eval.d_acc_fake", accuracy_fake},
                                     {"eval.energy_distance", 0.05 * k + noise(engine)}}});
    }
    std::cout << path << ": " << runs << " runs x " << steps << " steps x 5 metrics\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "make_report_db: " << error.what() << "\n";
    return 1;
  }
}
