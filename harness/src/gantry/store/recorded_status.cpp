#include "gantry/store/recorded_status.hpp"

namespace gantry {

const char* status_text(RecordedStatus status) {
  switch (status) {
    case RecordedStatus::running:
      return "running";
    case RecordedStatus::finished:
      return "finished";
    case RecordedStatus::failed:
      return "failed";
  }
  return "running";
}

std::optional<RecordedStatus> parse_status(const std::string& text) {
  for (RecordedStatus status :
       {RecordedStatus::running, RecordedStatus::finished, RecordedStatus::failed}) {
    if (text == status_text(status)) return status;
  }
  return std::nullopt;
}

}  // namespace gantry
