// `gantry search` as a library, first half: the request, validated and planned. Every
// configuration of the space (at every rung, for successive halving) is resolved and checked by
// the plugins before anything is recorded, so a typo fails before the first run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/search/search_space.hpp"
#include "gantry/store/search_record.hpp"
#include "gantry/sweep/sweep_job.hpp"
#include "gantry/sweep/sweep_plan.hpp"

namespace gantry {

struct SearchRequest {
  SweepRequest sweep;  // experiment, --seeds, --set, --sweep, --jobs, plugin directories
  SearchStrategy strategy = SearchStrategy::race;
  std::vector<std::string> space;  // "KEY=SPEC", one per --space
  std::string metric;              // a summary key, e.g. eval.energy_distance
  bool maximize = false;
  std::optional<std::int64_t> budget;  // runs at most
  double alpha = 0.05;
  std::size_t first_test = 5;   // race: seeds before the first test
  std::size_t round_seeds = 1;  // race: seeds each later round adds
  // random, and race or halving over ranges: configurations sampled from the space.
  std::size_t configurations = 8;
  std::uint64_t sample_seed = 1;              // of the sample's scrambling
  double eta = 3;                             // halving: keep 1 / eta at each rung
  std::size_t rungs = 3;                      // halving
  std::string length_key = "trainer.epochs";  // halving: the setting a rung shortens
};

struct PlannedSearch {
  explicit PlannedSearch(PluginCatalog plugins) : catalog(std::move(plugins)) {}

  PluginCatalog catalog;
  std::string name;
  std::string experiment_file;
  int jobs = 1;
  ResumePolicy policy;
  SearchHeader header;
  std::vector<Configuration> configurations;
  // points[rung][configuration]; one rung except for successive halving.
  std::vector<std::vector<GridPoint>> points;
  std::vector<std::string> rung_lengths;  // halving: the length setting's value at each rung
  std::vector<std::int64_t> seeds;
  std::size_t first_test = 5;
  std::size_t round_seeds = 1;
  double eta = 3;
};

// Throws ConfigError (or PluginError) for anything wrong: an empty or malformed space, a budget
// smaller than one round, an unknown setting, a value a plugin refuses.
PlannedSearch plan_search_request(const SearchRequest& request);

// When `recorded` (a search's definition as the database holds it) differs from `wanted`,
// the first setting that differs, "alpha: recorded 0.05, this command 0.1"; else empty.
std::string definition_difference(const std::string& recorded, const std::string& wanted);

}  // namespace gantry
