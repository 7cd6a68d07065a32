// How a plugin declares one of its options: name, type, default, help and bounds. Plain data
// with constexpr builders, so a plugin's option table is a static array the harness can read
// before it trusts anything else in the library.
#pragma once

#include <cstdint>
#include <limits>

namespace gantry {

enum class OptionType : std::uint32_t { integer = 1, real = 2, boolean = 3, text = 4, choice = 5 };

struct OptionSpec {
  const char* name;
  OptionType type;
  const char* default_value;
  const char* help;
  double min_value;     // inclusive lower bound (numbers only)
  double max_value;     // inclusive upper bound (numbers only)
  bool min_exclusive;   // true: the value must be strictly greater than min_value
  const char* choices;  // choice options only: allowed values separated by '|'
};

namespace option {

inline constexpr double unbounded = std::numeric_limits<double>::infinity();

constexpr OptionSpec integer(const char* name, const char* default_value, const char* help,
                             double min_value = -unbounded, double max_value = unbounded) {
  return {name, OptionType::integer, default_value, help, min_value, max_value, false, nullptr};
}

constexpr OptionSpec real(const char* name, const char* default_value, const char* help,
                          double min_value = -unbounded, double max_value = unbounded) {
  return {name, OptionType::real, default_value, help, min_value, max_value, false, nullptr};
}

// A real number strictly greater than min_value, e.g. a learning rate (> 0).
constexpr OptionSpec real_above(const char* name, const char* default_value, const char* help,
                                double min_value, double max_value = unbounded) {
  return {name, OptionType::real, default_value, help, min_value, max_value, true, nullptr};
}

constexpr OptionSpec boolean(const char* name, const char* default_value, const char* help) {
  return {name, OptionType::boolean, default_value, help, -unbounded, unbounded, false, nullptr};
}

constexpr OptionSpec text(const char* name, const char* default_value, const char* help) {
  return {name, OptionType::text, default_value, help, -unbounded, unbounded, false, nullptr};
}

constexpr OptionSpec choice(const char* name, const char* default_value, const char* choices,
                            const char* help) {
  return {name, OptionType::choice, default_value, help, -unbounded, unbounded, false, choices};
}

}  // namespace option
}  // namespace gantry
