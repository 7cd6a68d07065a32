#include "gantry/base/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gantry {

std::string format_number(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string format_number(const std::optional<double>& value, int digits) {
  return value ? format_number(*value, digits) : "-";
}

std::string format_p(double p) {
  if (p < 0.001) return "p < 0.001";
  return "p = " + format_number(p, 2);
}

std::string format_percent(double share) {
  double percent = 100.0 * share;
  if (percent > 0 && percent < 0.5) return "<1%";
  if (percent < 100 && percent >= 99.5) return ">99%";
  return format_number(std::round(percent), 3) + "%";
}

std::string format_exact(double value) {
  char buffer[64];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string format_duration(double seconds) {
  char text[32];
  if (seconds < 59.95) {
    std::snprintf(text, sizeof text, "%.1fs", std::max(0.0, seconds));
    return text;
  }
  long long total = std::llround(seconds);
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                  total % 60);
  } else {
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
  }
  return text;
}

}  // namespace gantry
