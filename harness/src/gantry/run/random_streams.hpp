// A run's named random streams: each is seeded from the run's seed and its name alone, so
// adding a stream (say, for image grids) or drawing more from one changes no other number.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "gantry/random.hpp"
#include "gantry/state_bytes.hpp"

namespace gantry {

class RandomStreams {
 public:
  explicit RandomStreams(std::uint64_t seed) : seed_(seed) {}

  // The stream called `name`, created on first use; the same object on every later call.
  Random& stream(std::string_view name);

  // Every stream's name and engine state, for a checkpoint; restore() sets each saved stream to
  // its state in place (references to it stay valid). Throws std::invalid_argument for a damaged
  // state.
  void save(StateWriter& out) const;
  void restore(StateReader& in);

 private:
  std::uint64_t seed_;
  std::map<std::string, Random, std::less<>> streams_;
};

}  // namespace gantry
