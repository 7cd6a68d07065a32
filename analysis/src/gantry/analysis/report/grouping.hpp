// Which runs belong together in a report: the runs that share the values of the grouping
// parameters (by default every parameter that varies in the selection, the seed excluded, so
// each group is "the same configuration over several seeds").
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gantry/store/results_snapshot.hpp"

namespace gantry::analysis {

struct RunGroup {
  // (parameter, value) for each grouping parameter, in grouping order; a run without the
  // parameter (another plugin's option) has the value "-".
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<const RunRecord*> runs;

  // "trainer.k=3" or "trainer.k=3 model.g_lr=0.001"; "all runs" without grouping parameters.
  std::string name() const;
};

// (run id, final value of `metric`) of the group's finished runs that have one, in value order
// (ties by run id): what every per-group statistic of a metric is computed from.
std::vector<std::pair<std::int64_t, double>> finished_values(const RunGroup& group,
                                                             const std::string& metric);

// Parameters that take more than one value across `runs`, in name order. The seed is not a
// parameter, and `experiment.description` is prose, not a setting.
std::vector<std::string> varying_parameters(const std::vector<RunRecord>& runs);

// Groups in a natural order: values that are numbers sort as numbers. An unknown key is a
// ConfigError naming the closest parameter.
std::vector<RunGroup> group_runs(const std::vector<RunRecord>& runs,
                                 const std::vector<std::string>& keys);

}  // namespace gantry::analysis
