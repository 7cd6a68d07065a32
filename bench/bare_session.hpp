// What the benchmarks share: the source tree they read experiments from, the bundled plugins
// loaded as `gantry run` loads them, and a session that only trains, so an iteration is timed
// without evaluation or storage.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <vector>

#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/training_session.hpp"

namespace gantry::bench {

// GANTRY_SOURCE_DIR, else the tree the benchmark was built from.
inline std::filesystem::path source_dir() {
  const char* dir = std::getenv("GANTRY_SOURCE_DIR");
  return dir ? dir : GANTRY_DEFAULT_SOURCE_DIR;
}

inline const PluginCatalog& bundled_catalog() {
  static const PluginCatalog bundled(PluginCatalog::search_path({}));
  return bundled;
}

// A session that trains but neither evaluates nor stores; it counts what the trainer logs, so
// the metrics are built as in a real run.
class BareSession final : public TrainingSession {
 public:
  BareSession(DataSource& data, GanModel& model) : data_(data), model_(model) {}
  DataSource& data() override { return data_; }
  GanModel& model() override { return model_; }
  Random& random(std::string_view name) override { return name == "real" ? real_ : latent_; }
  void log(long long, const std::vector<Metric>& metrics) override { logged_ += metrics.size(); }
  void evaluate(long long) override {}
  bool stop_requested() const override { return false; }
  void step_done(long long /*step*/) override {}
  std::size_t logged() const { return logged_; }

 private:
  DataSource& data_;
  GanModel& model_;
  Random real_{1};
  Random latent_{2};
  std::size_t logged_ = 0;
};

}  // namespace gantry::bench
