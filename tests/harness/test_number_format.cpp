#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <limits>
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

TEST_CASE("exact numbers are the shortest of printf's %.15g, %.16g and %.17g that round-trip",
          "[number_format]") {
  // The reference is printf itself, as format_exact was written before it used std::to_chars.
  auto printf_exact = [](double value) {
    char buffer[64];
    for (int digits = 15; digits <= 17; ++digits) {
      std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
      if (std::strtod(buffer, nullptr) == value) break;
    }
    return std::string(buffer);
  };
  for (double value :
       {0.0, -0.0, 0.1, 1.0 / 3.0, 1e-7, 1e300, 5e-324, 2.5e-300, -123456.789, 0.30000000000000004,
        1e21, 123456789012345680.0, std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
    CHECK(format_exact(value) == printf_exact(value));
  }
  CHECK(format_exact(0.1) == "0.1");
}
