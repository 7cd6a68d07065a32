// A value of a recorded column or parameter: SQL NULL, integer, real or text. Defined here
// rather than in the SQLite wrapper so that the types which carry values (options, tables) do
// not depend on the database they are stored in.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace gantry {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

}  // namespace gantry
