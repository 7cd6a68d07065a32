// A run's identity (ResolvedExperiment::identity) with everything but the seed worked out once:
// a sweep asks for the identity of every seed of every grid point, and rebuilding the settings'
// text for each of a million seeds would cost more than hashing it.
#pragma once

#include <cstdint>
#include <string>

namespace gantry {

class ResolvedExperiment;

class RunIdentity {
 public:
  explicit RunIdentity(const ResolvedExperiment& experiment);

  // The identity of the run of this experiment with `seed`: a name-based UUID (SHA-1) of the
  // plugins' versions, the seed and every setting outside the unidentified sections.
  std::string of(std::int64_t seed) const;

 private:
  std::string before_seed_;  // the plugins' versions and "seed = "
  std::string after_seed_;   // the identified settings, one "key = value" line each
};

}  // namespace gantry
