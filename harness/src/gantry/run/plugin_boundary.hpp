// The plugin boundary's state and its failure handling, shared by the checked plugins
// (checked_plugins.hpp) and the session: where the run is, for messages ("after step 120"),
// the first failure (a trainer may catch and ignore the exception, the run still fails), and a
// non-finite value seen during training, reported at the trainer's next log() or evaluate().
#pragma once

#include <exception>
#include <string>
#include <typeinfo>

#include "gantry/base/errors.hpp"
#include "gantry/run/boundary_text.hpp"
#include "gantry/run/run_plugins.hpp"

namespace gantry {

class PluginBoundary {
 public:
  enum class Phase { preparing, training, evaluating, finishing };

  // `plugins` must outlive the boundary.
  explicit PluginBoundary(const RunPlugins& plugins);

  const RunPlugins& plugins() const { return plugins_; }
  const std::string& data_label() const { return data_label_; }        // "data plugin 'x2'"
  const std::string& model_label() const { return model_label_; }      // "model plugin '...'"
  const std::string& trainer_label() const { return trainer_label_; }  // "trainer plugin '...'"

  void enter(Phase phase) { phase_ = phase; }
  Phase phase() const { return phase_; }
  // The trainer logged or evaluated `step`.
  void reached(long long step) {
    stepped_ = true;
    latest_step_ = step;
  }

  // Where the run is, for messages: "after step 120", "at the evaluation of step 200", ...
  std::string where() const;
  // Fails the run now: remembers the first failure and throws it as a RunError.
  [[noreturn]] void fail(const std::string& message);
  // A non-finite value crossed the boundary. During training the run fails at the trainer's
  // next log() or evaluate(), where the step is known and a resulting divergence is named with
  // its cause; elsewhere it fails now. Nothing crashes on a NaN meanwhile, unlike a wrong shape.
  void non_finite(const std::string& problem);
  // Fails the run if a failure or a non-finite value is waiting; `when` says where it was seen.
  void raise_pending(const std::string& when);
  // Throws the first failure again if there was one.
  void rethrow_failure() const;
  // The non-finite value of training not yet reported, or "".
  const std::string& pending() const { return pending_; }

  // Calls plugin code; an exception of any type becomes a RunError naming `plugin` and `call`.
  template <typename Call>
  auto guarded(const std::string& plugin, const char* call, Call&& body) -> decltype(body()) {
    try {
      return body();
    } catch (const std::exception& error) {
      fail(plugin + " threw " + demangled(typeid(error).name()) + " from " + call + " " + where() +
           ": " + error.what());
    } catch (...) {
      fail(plugin + " threw an exception of type '" + current_exception_type() +
           "', which is not a std::exception, from " + call + " " + where());
    }
  }

 private:
  const RunPlugins& plugins_;
  std::string data_label_;
  std::string model_label_;
  std::string trainer_label_;
  Phase phase_ = Phase::preparing;
  bool stepped_ = false;       // the trainer has logged or evaluated a step
  long long latest_step_ = 0;  // the step it logged or evaluated last
  std::string failure_;        // the first boundary failure, once the run has failed
  std::string pending_;        // the first non-finite value of training not yet reported
};

}  // namespace gantry
