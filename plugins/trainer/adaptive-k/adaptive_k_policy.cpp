#include "adaptive_k_policy.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace gantry::plugins {

namespace {

std::string option(const std::string& name, double value) {
  return "option '" + name + "' = " + spell_number(value);
}

}  // namespace

AdaptiveKSettings AdaptiveKSettings::from(const Options& options) {
  AdaptiveKSettings settings{};
  bool sign = options.choice("signal", {"balanced_accuracy", "sign"}) == "sign";
  settings.signal = sign ? StrengthSignal::sign : StrengthSignal::balanced_accuracy;
  settings.target = options.real(sign ? "target_sign" : "target_accuracy");
  settings.tolerance = options.real("tolerance");
  settings.adjust_every = options.integer("adjust_every");
  // Clamped only to fit an int; anything out of bounds is still refused by the policy.
  auto k_value = [&options](const char* name) {
    return static_cast<int>(std::clamp(options.integer(name), -1LL, 1000000LL));
  };
  settings.k_min = k_value("k_min");
  settings.k_max = k_value("k_max");
  settings.initial_k = k_value("k");
  return settings;
}

double discriminator_strength(StrengthSignal signal, const EpochMeasurement& epoch) {
  if (signal == StrengthSignal::sign) return 2.0 * epoch.accuracy_real - 1.0;
  return (epoch.accuracy_real + epoch.accuracy_fake) / 2.0;
}

AdaptiveKPolicy::AdaptiveKPolicy(const AdaptiveKSettings& settings)
    : settings_(settings), k_(settings.initial_k) {
  if (settings.k_min < 1) {
    throw OptionError(option("k_min", settings.k_min) + " must be at least 1");
  }
  if (settings.k_max < settings.k_min) {
    throw OptionError(option("k_max", settings.k_max) + " must be at least " +
                      option("k_min", settings.k_min));
  }
  if (settings.initial_k < settings.k_min || settings.initial_k > settings.k_max) {
    throw OptionError(option("k", settings.initial_k) + " (the initial k) must be between " +
                      option("k_min", settings.k_min) + " and " + option("k_max", settings.k_max));
  }
  if (settings.adjust_every < 1) {
    throw OptionError(option("adjust_every", static_cast<double>(settings.adjust_every)) +
                      " must be at least 1");
  }
  const char* target_name =
      settings.signal == StrengthSignal::sign ? "target_sign" : "target_accuracy";
  if (!std::isfinite(settings.target)) {
    throw OptionError(option(target_name, settings.target) + " must be finite");
  }
  if (!std::isfinite(settings.tolerance) || settings.tolerance < 0) {
    throw OptionError(option("tolerance", settings.tolerance) + " must be finite and at least 0");
  }
}

void AdaptiveKPolicy::observe(const EpochMeasurement& epoch) {
  last_k_ = epoch.k;
  last_strength_ = discriminator_strength(settings_.signal, epoch);
  window_sum_ += last_strength_;
  if (++window_epochs_ < settings_.adjust_every) return;
  double mean = window_sum_ / static_cast<double>(window_epochs_);
  window_sum_ = 0;
  window_epochs_ = 0;
  // A NaN mean fails both comparisons: k holds, and the run fails on its non-finite losses.
  if (mean > settings_.target + settings_.tolerance) {
    k_ = std::max(settings_.k_min, k_ - 1);
  } else if (mean < settings_.target - settings_.tolerance) {
    k_ = std::min(settings_.k_max, k_ + 1);
  }
}

void AdaptiveKPolicy::append_metrics(std::vector<Metric>& metrics) const {
  metrics.push_back({"k", static_cast<double>(last_k_)});
  metrics.push_back({"d_strength", last_strength_});
}

void AdaptiveKPolicy::save(StateWriter& out) const {
  out.number<std::int32_t>(k_);
  out.number(window_sum_);
  out.number<std::int64_t>(window_epochs_);
  out.number<std::int32_t>(last_k_);
  out.number(last_strength_);
}

void AdaptiveKPolicy::restore(StateReader& in) {
  k_ = in.number<std::int32_t>();
  window_sum_ = in.number<double>();
  window_epochs_ = in.number<std::int64_t>();
  last_k_ = in.number<std::int32_t>();
  last_strength_ = in.number<double>();
}

}  // namespace gantry::plugins
