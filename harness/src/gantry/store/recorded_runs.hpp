// The runs of one sweep as the database holds them, by identity: what a sweep decides its work
// from (resume_policy.hpp), read in one query instead of one per planned run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "gantry/store/resume_policy.hpp"

namespace gantry {

class RecordedRuns {
 public:
  void add(const std::string& identity, std::int64_t seed, const ExistingRun& run);

  std::size_t size() const { return settled_.size() + running_.size(); }
  bool empty() const { return size() == 0; }

  // The recorded run of `identity`, as ResultsDb::find_run would return it, except that a
  // finished or failed run carries no host, pid or process start: decide() reads those only of
  // a running one.
  std::optional<ExistingRun> find(const std::string& identity) const;

  // Whether some recorded run has `seed`. A run's identity covers its seed, so a planned run
  // whose seed no recorded run has is not recorded, and its identity need not be worked out.
  bool has_seed(std::int64_t seed) const { return seeds_.count(seed) > 0; }

 private:
  // A sweep of a million finished runs keeps a few numbers for each, not its owner's host name.
  struct Settled {
    std::int64_t id;
    std::int64_t attempt;
    RecordedStatus status;
  };
  std::unordered_map<std::string, Settled> settled_;
  std::unordered_map<std::string, ExistingRun> running_;
  std::unordered_set<std::int64_t> seeds_;
};

}  // namespace gantry
