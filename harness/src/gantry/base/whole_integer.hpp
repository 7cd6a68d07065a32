// Reads a command-line number that must be an integer and nothing after it: "8" but not "8x",
// "" or a value beyond long long (std::stoll's syntax otherwise). Callers add their own range and
// message.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace gantry {

inline std::optional<long long> whole_integer(const std::string& text) {
  try {
    std::size_t used = 0;
    long long value = std::stoll(text, &used);
    if (used == text.size()) return value;
  } catch (const std::logic_error&) {  // invalid_argument, out_of_range
  }
  return std::nullopt;
}

}  // namespace gantry
