// A sweep's plan: every (grid point, seed) pair of an experiment, each resolved and validated
// up front, so a typo in the 30th grid value fails before the first run starts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gantry/config/experiment.hpp"
#include "gantry/run/run_executor.hpp"

namespace gantry {

class PluginCatalog;

// "1-8", "3", "1,2,5", "1-4,10-12"; seeds are non-negative and listed once each, in order.
std::vector<std::int64_t> parse_seeds(const std::string& spec);

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

// The cartesian product of the axes (first axis varying slowest) times the seeds. The runs'
// sweep_id is left 0: the sweep is recorded only once the whole plan has validated.
std::vector<PlannedRun> plan_sweep(const RawSettings& base, const std::vector<GridAxis>& grid,
                                   const std::vector<std::int64_t>& seeds,
                                   const PluginCatalog& catalog, const std::string& sweep_name);

}  // namespace gantry
