// What the harness asks of the operating system: the host, the time, and processes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace gantry {

// UTC time as ISO 8601, e.g. 2026-11-23T10:00:00Z.
std::string utc_timestamp();
// This machine's host name, or "unknown".
std::string host_name();

// Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or nothing
// when it does not exist or has exited (a zombie).
std::optional<std::int64_t> process_start_time(std::int64_t pid);

// The running executable's absolute path (/proc/self/exe); throws GantryError when unknown.
std::filesystem::path executable_path();

}  // namespace gantry
