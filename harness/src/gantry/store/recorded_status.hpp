// The status column of a recorded run. "running" is also what a run interrupted by Ctrl-C or a
// crash is left as, so a later sweep resumes it.
#pragma once

#include <optional>
#include <string>

namespace gantry {

enum class RecordedStatus { running, finished, failed };

// "running", "finished", "failed": the text the schema stores.
const char* status_text(RecordedStatus status);
// The status the schema's text names, or nothing for any other text.
std::optional<RecordedStatus> parse_status(const std::string& text);

}  // namespace gantry
