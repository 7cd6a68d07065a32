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

// The seeds in the order listed; with `refuse_repeats`, throws at the first one listed twice.
std::vector<std::int64_t> list_seeds(const std::string& spec, bool refuse_repeats) {
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
    // Counted from `first`: `++seed` past a `last` of INT64_MAX would overflow and never end.
    for (std::int64_t offset = 0; offset <= last - first; ++offset) {
      const std::int64_t seed = first + offset;
      if (refuse_repeats && !seen.insert(seed).second) {
        throw ConfigError("--seeds '" + spec + "': seed " + std::to_string(seed) +
                          " is listed twice");
      }
      seeds.push_back(seed);
    }
  }
  return seeds;
}

}  // namespace

std::vector<std::int64_t> parse_seeds(const std::string& spec) {
  // Repeats are found in a sorted copy rather than a set of up to millions of nodes; when there
  // is any error, the list is read again refusing repeats, which reports the first one as
  // listed (a repeat may come before a malformed part).
  std::vector<std::int64_t> seeds;
  try {
    seeds = list_seeds(spec, false);
  } catch (const ConfigError&) {
    list_seeds(spec, true);
    throw;
  }
  std::vector<std::int64_t> sorted = seeds;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) list_seeds(spec, true);
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

namespace {

void check_axes_differ(const std::vector<GridAxis>& grid) {
  for (std::size_t i = 0; i < grid.size(); ++i) {
    for (std::size_t j = i + 1; j < grid.size(); ++j) {
      if (grid[i].key == grid[j].key) {
        throw ConfigError("--grid: '" + grid[i].key + "' is given twice");
      }
    }
  }
}

void check_grid_size(const std::vector<GridAxis>& grid) {
  std::size_t points = 1;
  std::vector<std::string> sizes;
  for (const GridAxis& axis : grid) {
    sizes.push_back(std::to_string(axis.values.size()));
    points = axis.values.size() > kMaxGridPoints / points ? kMaxGridPoints + 1
                                                          : points * axis.values.size();
  }
  if (points > kMaxGridPoints) {
    throw ConfigError("--grid: " + join(sizes, " x ") + " values make more than " +
                      std::to_string(kMaxGridPoints) +
                      " grid points, each checked by the plugins before the first run; split "
                      "the grid into several sweeps");
  }
}

// The settings of every grid point, first axis varying slowest.
std::vector<RawSettings> expand_grid(const RawSettings& base, const std::vector<GridAxis>& grid) {
  check_grid_size(grid);
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
  return points;
}

}  // namespace

GridPoint plan_point(const RawSettings& point, const PluginCatalog& catalog) {
  ResolvedExperiment experiment = resolve_experiment(point, catalog);
  try {
    create_run_plugins(experiment, catalog, 0);
  } catch (const ConfigError& error) {
    throw ConfigError(point.source + ": " + error.what());
  }
  RunIdentity identity(experiment);
  return GridPoint{std::move(experiment), std::move(identity)};
}

SweepPlan::SweepPlan(std::vector<GridPoint> points, std::vector<std::int64_t> seeds)
    : contents_(std::make_shared<const Contents>(Contents{std::move(points), std::move(seeds)})),
      size_(contents_->points.size() * contents_->seeds.size()) {}

const GridPoint& SweepPlan::point_of(std::size_t run) const {
  return contents_->points[product_index(run) / contents_->seeds.size()];
}

std::int64_t SweepPlan::seed(std::size_t run) const {
  return contents_->seeds[product_index(run) % contents_->seeds.size()];
}

const ResolvedExperiment& SweepPlan::experiment(std::size_t run) const {
  return point_of(run).experiment;
}

std::string SweepPlan::identity(std::size_t run) const {
  return point_of(run).identity.of(seed(run));
}

PlannedRun SweepPlan::run(std::size_t run, std::int64_t sweep_id,
                          const std::string& sweep_name) const {
  return PlannedRun{sweep_id, sweep_name, experiment(run), seed(run), identity(run)};
}

const std::vector<GridPoint>& SweepPlan::grid_points() const {
  static const std::vector<GridPoint> none;
  return contents_ ? contents_->points : none;
}

SweepPlan SweepPlan::every(std::size_t first, std::size_t stride) const {
  SweepPlan share = *this;
  share.first_ = product_index(first);
  share.stride_ = stride_ * stride;
  share.size_ = first < size_ ? (size_ - first + stride - 1) / stride : 0;
  return share;
}

SweepPlan plan_sweep(const RawSettings& base, const std::vector<GridAxis>& grid,
                     std::vector<std::int64_t> seeds, const PluginCatalog& catalog) {
  check_axes_differ(grid);
  std::vector<GridPoint> points;
  for (const RawSettings& point : expand_grid(base, grid)) {
    points.push_back(plan_point(point, catalog));
  }
  return SweepPlan(std::move(points), std::move(seeds));
}

int default_threads_per_run(int cores, int jobs, std::size_t runs) {
  std::size_t parallel = std::max<std::size_t>(1, std::min<std::size_t>(std::max(jobs, 1), runs));
  return std::max(1, static_cast<int>(static_cast<std::size_t>(std::max(cores, 1)) / parallel));
}

}  // namespace gantry
