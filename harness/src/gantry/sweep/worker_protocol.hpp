// What a sweep and its worker processes say to each other over the worker's stdin and stdout:
// the sweep sends one run at a time; the worker says when it has claimed the run (so the sweep
// can record the run if the worker dies) and how the run ended. Line-based text with
// length-prefixed blocks for the INI text and error messages. The one owner of this format.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include "gantry/run/run_executor.hpp"
#include "gantry/store/resume_policy.hpp"

namespace gantry::worker {

// A run as the worker needs it: the settings as canonical INI text, resolved again there.
struct RunRequest {
  std::int64_t sweep_id = 0;
  std::string sweep_name;
  std::int64_t seed = 0;
  std::string identity;
  std::string config;  // ResolvedExperiment::to_ini()
  ResumePolicy policy;
};

enum class MessageKind { claimed, ended, store_failed };

// From the worker: `claimed` (run_id), `ended` (run_id, status, wall_seconds, text: the error)
// or `store_failed` (text: the StorageError; the worker then exits).
struct Message {
  MessageKind kind = MessageKind::ended;
  std::int64_t run_id = 0;
  RunStatus status = RunStatus::not_started;
  double wall_seconds = 0.0;
  std::string text;
};

// Writes all of `bytes` to `fd`, through interrupted and partial writes; false when the other
// end is gone. Both sides of the pipe write through this.
bool write_fully(int fd, const std::string& bytes);

std::string encode(const RunRequest& request);
// Nothing at the end of the input (the sweep closed the pipe: no more runs). Throws
// StorageError for input that is not a request.
std::optional<RunRequest> read_request(std::istream& in);

std::string encode(const Message& message);
// Decodes the first whole message at the start of `buffer` and removes it; nothing while the
// buffer holds only part of one. Throws StorageError for bytes that are not a message.
std::optional<Message> take_message(std::string& buffer);

}  // namespace gantry::worker
