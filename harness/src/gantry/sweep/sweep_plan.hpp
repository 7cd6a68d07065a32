// A sweep's plan: every (grid point, seed) pair of an experiment. Each grid point is resolved
// and validated up front, so a typo in the 30th grid value fails before the first run starts;
// the runs themselves are made only as they start, so a plan of a million seeds holds its grid
// points and its seeds, not a million copies of the experiment.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gantry/config/experiment.hpp"
#include "gantry/config/run_identity.hpp"
#include "gantry/run/run_executor.hpp"

namespace gantry {

class PluginCatalog;

// "1-8", "3", "1,2,5", "1-4,10-12"; seeds are non-negative and listed once each, in order.
std::vector<std::int64_t> parse_seeds(const std::string& spec);

// The most grid points a sweep or search plans: each is resolved and checked by the plugins up
// front, so a larger grid is a mistake in the command, not a sweep this machine can run.
inline constexpr std::size_t kMaxGridPoints = 100000;

// One --grid axis: "trainer.k=1,2,3,5".
struct GridAxis {
  std::string key;
  std::vector<std::string> values;
};
GridAxis parse_grid_axis(const std::string& spec);

// Threads for each run when neither --threads-per-run nor the experiment sets them: the cores
// shared by the runs that go in parallel (at most `jobs`, at most the runs planned), at least 1,
// so a sweep never oversubscribes the machine and a single run uses all of it.
int default_threads_per_run(int cores, int jobs, std::size_t runs);

// One point of the grid: its experiment, resolved and checked by the plugins, and what its
// runs' identities share.
struct GridPoint {
  ResolvedExperiment experiment;
  RunIdentity identity;
};

// The runs of a sweep in order: grid points (first axis varying slowest) times seeds (varying
// fastest), or every stride-th of those from a first one (a share, sweep_shard.hpp). Copies
// share the grid points and seeds, which never change once planned.
class SweepPlan {
 public:
  SweepPlan() = default;
  SweepPlan(std::vector<GridPoint> points, std::vector<std::int64_t> seeds);

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Run `run` (counted from 0 in this plan): its seed, experiment and identity.
  std::int64_t seed(std::size_t run) const;
  const ResolvedExperiment& experiment(std::size_t run) const;
  std::string identity(std::size_t run) const;
  // Run `run` made whole, for execute_run, as part of the sweep recorded as `sweep_id`.
  PlannedRun run(std::size_t run, std::int64_t sweep_id, const std::string& sweep_name) const;

  // Every grid point of the sweep, also those none of a share's runs use.
  const std::vector<GridPoint>& grid_points() const;

  // Runs first, first + stride, first + 2 stride, ... of this plan.
  SweepPlan every(std::size_t first, std::size_t stride) const;

 private:
  struct Contents {
    std::vector<GridPoint> points;
    std::vector<std::int64_t> seeds;
  };
  std::size_t product_index(std::size_t run) const { return first_ + run * stride_; }
  const GridPoint& point_of(std::size_t run) const;

  std::shared_ptr<const Contents> contents_;
  std::size_t first_ = 0;   // in the product of grid points and seeds
  std::size_t stride_ = 1;  // in the product of grid points and seeds
  std::size_t size_ = 0;
};

// One configuration of settings, resolved against the plugins' options and checked by the
// plugins themselves; errors name `settings.source`. Throws ConfigError.
GridPoint plan_point(const RawSettings& settings, const PluginCatalog& catalog);

// The cartesian product of the axes times the seeds, each grid point resolved against the
// plugins' options and checked by the plugins themselves. Nothing is recorded: the runs get
// their sweep id when they start.
SweepPlan plan_sweep(const RawSettings& base, const std::vector<GridAxis>& grid,
                     std::vector<std::int64_t> seeds, const PluginCatalog& catalog);

}  // namespace gantry
