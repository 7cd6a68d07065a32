// RunSession's checkpoints: saving one at the end of a step, and continuing from one.
#include "gantry/base/errors.hpp"
#include "gantry/run/run_session.hpp"
#include "gantry/state_bytes.hpp"

namespace gantry {

namespace {

constexpr const char* kSessionSection = "session";
constexpr const char* kModelSection = "model";
constexpr const char* kTrainerSection = "trainer";

const std::string& section(const Checkpoint& checkpoint, const char* name) {
  auto found = checkpoint.sections.find(name);
  if (found == checkpoint.sections.end()) {
    throw RunError(std::string("the checkpoint of step ") + std::to_string(checkpoint.step) +
                   " has no " + name + " state");
  }
  return found->second;
}

}  // namespace

bool RunSession::can_checkpoint() const {
  return checkpoints_.enabled() && model_saves_state() && trainer_saves_state();
}

void RunSession::step_done(long long step) {
  trainer_marks_steps_ = true;
  boundary_.raise_pending("when the trainer finished step " + std::to_string(step));
  reached(step);
  if (can_checkpoint() && (stop_requested() || checkpoint_clock_.due(step))) {
    save_checkpoint(step);
  }
  if (stop_requested()) throw Interrupted();
}

void RunSession::save_checkpoint(long long step) {
  Checkpoint checkpoint{step, checkpoints_.identity, {}};
  StateWriter session;
  streams_.save(session);
  metrics_.save(session);
  session.number<std::int64_t>(last_step_);
  checkpoint.sections[kSessionSection] = session.bytes();
  checkpoint.sections[kModelSection] = boundary_.guarded(
      boundary_.model_label(), "save_state()", [&] { return model_state_->save_state(); });
  checkpoint.sections[kTrainerSection] = boundary_.guarded(
      boundary_.trainer_label(), "save_state()", [&] { return trainer_state_->save_state(); });
  write_checkpoint(artifacts_.path(), checkpoint);
  checkpoint_clock_.checkpointed(step);
}

void RunSession::resume(const Checkpoint& checkpoint) {
  try {
    StateReader session(section(checkpoint, kSessionSection));
    streams_.restore(session);
    metrics_.restore(session);
    last_step_ = session.number<std::int64_t>();
  } catch (const std::invalid_argument& error) {
    throw RunError(std::string("the checkpoint's session state is unusable: ") + error.what());
  }
  const std::string& model = section(checkpoint, kModelSection);
  const std::string& trainer = section(checkpoint, kTrainerSection);
  boundary_.guarded(boundary_.model_label(), "restore_state()",
                    [&] { model_state_->restore_state(model); });
  boundary_.guarded(boundary_.trainer_label(), "restore_state()",
                    [&] { trainer_state_->restore_state(trainer); });
  checkpoint_clock_.checkpointed(checkpoint.step);
}

}  // namespace gantry
