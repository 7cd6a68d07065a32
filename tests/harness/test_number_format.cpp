#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "gantry/base/number_format.hpp"

using namespace gantry;

TEST_CASE("numbers for people and for machines", "[number_format]") {
  CHECK(format_number(0.0123456) == "0.01235");
  CHECK(format_number(std::optional<double>()) == "-");
  CHECK(format_p(0.0004) == "p < 0.001");
  CHECK(format_p(0.0312) == "p = 0.031");
  CHECK(format_percent(0.713) == "71%");
  CHECK(format_percent(0.002) == "<1%");
  CHECK(format_percent(0.998) == ">99%");
  for (double value : {0.1, 1.0 / 3.0, 2.5e-300, -123456.789}) {
    CHECK(std::stod(format_exact(value)) == value);
  }
}
