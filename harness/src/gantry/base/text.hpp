// Text helpers every module shares: splitting and joining lists, and CSV fields. One of each, so
// "a,,b" and quoting mean the same thing wherever the harness reads or writes them.
#pragma once

#include <string>
#include <vector>

namespace gantry {

// "a,,b" -> {"a", "", "b"}: every part, empty ones included (callers that refuse empty
// values need to see them).
std::vector<std::string> split(const std::string& text, char separator);
// "a,,b," -> {"a", "b"}: the non-empty parts.
std::vector<std::string> split_nonempty(const std::string& text, char separator);

// {"a", "b"} -> "a, b" with separator ", ".
std::string join(const std::vector<std::string>& parts, const std::string& separator);

// "1 run", "3 runs": a count with its noun, plural by adding "s".
std::string counted(long long count, const std::string& noun);

// A CSV field (RFC 4180): quoted, with quotes doubled, only when it holds a comma, quote or
// line break.
std::string csv_field(const std::string& text);

// Text made safe inside HTML elements and quoted attributes: & < > " ' become entities, so a
// sweep named "<script>" shows as text.
std::string html_escape(const std::string& text);

}  // namespace gantry
