// The space a search explores: one dimension per setting, either a list of choices (any
// setting: numbers, layer lists, plugin names) or a range, and the configurations drawn from it,
// as a grid of every choice or as a scrambled Sobol sample.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gantry {

enum class DimensionKind {
  choice,       // v1,v2,v3 (or v1|v2|v3 when a value holds commas, as layer lists do)
  log_uniform,  // log:A..B, 0 < A < B: uniform in log(value)
  uniform,      // uniform:A..B, A < B
  integer       // int:A..B, A <= B: every whole number in between equally likely
};

struct Dimension {
  std::string key;  // section.key
  DimensionKind kind = DimensionKind::choice;
  std::vector<std::string> choices;  // choice only
  double low = 0, high = 0;          // the ranges
  // "trainer.k=1,2,3" as given, for messages and the search's definition.
  std::string spec;
};

// One --space argument, KEY=SPEC. Throws ConfigError naming the argument and what is wrong.
Dimension parse_dimension(const std::string& spec);
// Refuses an empty space and a key given twice.
void check_space(const std::vector<Dimension>& space);

// One point of the space: a value for every dimension, in the space's order.
struct Configuration {
  std::vector<std::pair<std::string, std::string>> settings;
  // "trainer.k=3 model.lr=0.001"
  std::string label() const;
};

// Whether every dimension can be enumerated (choices and int ranges).
bool is_enumerable(const std::vector<Dimension>& space);
// Every combination, the first dimension varying slowest (as `gantry sweep --grid` orders its
// grid). Throws ConfigError for a continuous range, or more than `limit` configurations.
std::vector<Configuration> grid_configurations(const std::vector<Dimension>& space,
                                               std::size_t limit);
// `count` distinct configurations from a Sobol sequence scrambled by a random digital shift
// drawn from `seed` (so another seed gives another, equally even, sample). Continuous values
// are written with 4 significant digits, so they read well and stay exactly reproducible; a
// point that repeats an earlier one is skipped. Fewer than `count` when the space has fewer
// distinct points.
std::vector<Configuration> sample_configurations(const std::vector<Dimension>& space,
                                                 std::size_t count, std::uint64_t seed);

}  // namespace gantry
