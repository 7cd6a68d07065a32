// The harness's side of a training run: implements TrainingSession for the trainer, keeps the
// run's random streams, buffers metrics into the results database in batches, runs the standard
// evaluation and writes samples and curves to the run's HDF5 file.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gantry/options.hpp"
#include "gantry/results_db.hpp"
#include "gantry/run_artifacts.hpp"
#include "gantry/training_session.hpp"

namespace gantry {

struct EvalSettings {
  int heldout_rows;
  int generated_rows;
  int final_rows;
  int energy_rows;
  bool keep_samples;

  static EvalSettings from(const Options& eval_section);
};

class RunSession final : public TrainingSession {
 public:
  RunSession(std::int64_t run_id, std::uint64_t seed, DataSource& data, GanModel& model,
             EvalSettings eval, ResultsDb& db, RunArtifacts& artifacts,
             const std::atomic<bool>& stop_flag);

  DataSource& data() override { return data_; }
  GanModel& model() override { return model_; }
  Random& random(std::string_view name) override;
  void log(long long step, const std::vector<Metric>& metrics) override;
  void evaluate(long long step) override;
  bool stop_requested() const override { return stop_flag_.load(); }

  // Draws the held-out real rows and stores them; called once before training.
  void prepare();
  // Generates and stores the final samples; called once after training.
  void finish();
  // Writes buffered metrics to the database and all curves to HDF5 (also on failure).
  void flush();

  long long last_step() const { return last_step_; }
  // Last value of every metric, the run's summaries.
  std::vector<std::pair<std::string, double>> summaries() const;

 private:
  void record(long long step, const std::string& key, double value);
  Matrix generated_rows(int rows, const std::string& stream);

  std::int64_t run_id_;
  std::uint64_t seed_;
  DataSource& data_;
  GanModel& model_;
  EvalSettings eval_;
  ResultsDb& db_;
  RunArtifacts& artifacts_;
  const std::atomic<bool>& stop_flag_;
  std::map<std::string, Random, std::less<>> streams_;
  Matrix heldout_;
  std::vector<MetricPoint> pending_;
  std::map<std::string, std::vector<std::pair<long long, double>>> curves_;
  long long last_step_ = 0;
};

}  // namespace gantry
