#include "gantry/analysis/stats/input_checks.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace gantry::analysis::detail {

void require_finite(const std::vector<double>& values, const char* what) {
  for (double value : values) {
    if (!std::isfinite(value)) {
      throw std::invalid_argument(std::string(what) + ": values must be finite");
    }
  }
}

void require_nonempty_finite(const std::vector<double>& values, const char* what) {
  if (values.empty()) throw std::invalid_argument(std::string(what) + ": no values");
  require_finite(values, what);
}

void require_confidence(double confidence, const char* what) {
  // Written so that NaN fails too.
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument(std::string(what) + ": confidence must be in (0, 1)");
  }
}

}  // namespace gantry::analysis::detail
