#include "gantry/run/plugin_boundary.hpp"

namespace gantry {

PluginBoundary::PluginBoundary(const RunPlugins& plugins)
    : plugins_(plugins),
      data_label_("data plugin '" + plugins.data_name + "'"),
      model_label_("model plugin '" + plugins.model_name + "'"),
      trainer_label_("trainer plugin '" + plugins.trainer_name + "'") {}

std::string PluginBoundary::where() const {
  std::string after =
      stepped_ ? "after step " + std::to_string(latest_step_) : "before the first logged step";
  switch (phase_) {
    case Phase::preparing:
      return "while drawing the held-out rows, before training";
    case Phase::training:
      return after;
    case Phase::evaluating:
      return "at the evaluation of step " + std::to_string(latest_step_);
    case Phase::finishing:
      return "while generating the final samples, " + after;
  }
  return after;
}

void PluginBoundary::fail(const std::string& message) {
  if (failure_.empty()) failure_ = message;
  throw RunError(message);
}

void PluginBoundary::non_finite(const std::string& problem) {
  if (phase_ != Phase::training) fail(problem);
  if (pending_.empty()) pending_ = problem;
}

void PluginBoundary::raise_pending(const std::string& when) {
  rethrow_failure();
  if (!pending_.empty()) fail(pending_ + " (detected " + when + ")");
}

void PluginBoundary::rethrow_failure() const {
  if (!failure_.empty()) throw RunError(failure_);
}

}  // namespace gantry
