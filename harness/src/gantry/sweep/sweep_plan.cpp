#include "gantry/sweep/sweep_plan.hpp"

#include <algorithm>
#include <set>

#include "gantry/base/errors.hpp"
#include "gantry/base/text.hpp"
#include "gantry/base/whole_integer.hpp"
#include "gantry/run/run_plugins.hpp"

namespace gantry {
namespace {

std::int64_t parse_seed(const std::string& text, const std::string& spec) {
  std::optional<long long> value = whole_integer(text);
  if (!value || *value < 0) {
    throw ConfigError("--seeds '" + spec + "': '" + text +
                      "' is not a non-negative integer (expected e.g. 1-8 or 1,2,5)");
  }
  return *value;
}

}  // namespace

std::vector<std::int64_t> parse_seeds(const std::string& spec) {
  std::vector<std::int64_t> seeds;
  std::set<std::int64_t> seen;
  for (const std::string& part : split(spec, ',')) {
    std::size_t dash = part.find('-', 1);
    std::int64_t first = parse_seed(part.substr(0, dash), spec);
    std::int64_t last = dash == std::string::npos ? first : parse_seed(part.substr(dash + 1), spec);
    if (last < first) {
      throw ConfigError("--seeds '" + spec + "': range '" + part + "' runs backwards");
    }
    if (last - first >= 1000000) {
      throw ConfigError("--seeds '" + spec + "': range '" + part + "' has over a million seeds");
    }
    for (std::int64_t seed = first; seed <= last; ++seed) {
      if (!seen.insert(seed).second) {
        throw ConfigError("--seeds '" + spec + "': seed " + std::to_string(seed) +
                          " is listed twice");
      }
      seeds.push_back(seed);
    }
  }
  return seeds;
}

GridAxis parse_grid_axis(const std::string& spec) {
  std::size_t equals = spec.find('=');
  if (equals == std::string::npos || equals == 0 || spec.find('.') > equals) {
    throw ConfigError("--grid '" + spec + "': expected section.key=value1,value2,...");
  }
  GridAxis axis{spec.substr(0, equals), split(spec.substr(equals + 1), ',')};
  std::set<std::string> seen;
  for (const auto& value : axis.values) {
    if (value.empty()) throw ConfigError("--grid '" + spec + "': empty value");
    if (!seen.insert(value).second) {
      throw ConfigError("--grid '" + spec + "': value '" + value + "' is listed twice");
    }
  }
  return axis;
}

std::vector<PlannedRun> plan_sweep(const RawSettings& base, const std::vector<GridAxis>& grid,
                                   const std::vector<std::int64_t>& seeds,
                                   const PluginCatalog& catalog, const std::string& sweep_name) {
  for (std::size_t i = 0; i < grid.size(); ++i) {
    for (std::size_t j = i + 1; j < grid.size(); ++j) {
      if (grid[i].key == grid[j].key) {
        throw ConfigError("--grid: '" + grid[i].key + "' is given twice");
      }
    }
  }
  std::vector<RawSettings> points{base};
  for (const GridAxis& axis : grid) {
    std::vector<RawSettings> expanded;
    for (const RawSettings& point : points) {
      for (const std::string& value : axis.values) {
        RawSettings next = point;
        next.source = base.source + " with --grid";
        next.set(axis.key, value);
        expanded.push_back(std::move(next));
      }
    }
    points = std::move(expanded);
  }
  std::vector<PlannedRun> plan;
  for (const RawSettings& point : points) {
    ResolvedExperiment experiment = resolve_experiment(point, catalog);
    try {
      create_run_plugins(experiment, catalog, 0);
    } catch (const ConfigError& error) {
      throw ConfigError(point.source + ": " + error.what());
    }
    for (std::int64_t seed : seeds) {
      plan.push_back(PlannedRun{0, sweep_name, experiment, seed, experiment.identity(seed)});
    }
  }
  return plan;
}

int default_threads_per_run(int cores, int jobs, std::size_t runs) {
  std::size_t parallel = std::max<std::size_t>(1, std::min<std::size_t>(std::max(jobs, 1), runs));
  return std::max(1, static_cast<int>(static_cast<std::size_t>(std::max(cores, 1)) / parallel));
}

}  // namespace gantry
