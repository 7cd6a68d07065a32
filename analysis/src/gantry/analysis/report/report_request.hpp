// What a report request must satisfy before anything is read, and the choices the report makes
// when the request leaves them open. The command line only parses into a ReportRequest.
#pragma once

#include <cstdint>
#include <optional>

#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis {

// Throws ConfigError naming the option (--confidence, --alpha, --threshold,
// --collapse-tolerance, --window, --power, --power-resamples, --max-seeds) whose value is out of
// range.
void validate_request(const ReportRequest& request);

// The run whose samples are drawn when none is chosen: the best finished run of the compared
// metric over every group whose HDF5 file is still there, or nothing.
std::optional<std::int64_t> default_sample_run(const Report& report);

// The report covers run `id`.
bool has_run(const Report& report, std::int64_t id);

}  // namespace gantry::analysis
